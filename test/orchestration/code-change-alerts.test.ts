import { describe, expect, it } from "vitest";
import { draft, harnessPerTest, until } from "./support/harness";

const start = harnessPerTest();

describe("the household's choice of code-change alerts", () => {
  it("notify_code_changes off: the change is entered and fired for automations, no one is alerted", async () => {
    const h = await start({ options: { notify_code_changes: false } });
    const ha = h.ha;
    const { codeId } = await h.service.createCode(draft("Mom", "4821", ["lock.front_door"]));
    const code = h.service.book.publicCode(codeId);
    if (!code) throw new Error("no code");
    await h.journal.codeEvent("code_created", code, "Alex Admin");
    await until(() => ha.firedEvents.some((e) => e.event_type === "latchkey_code_changed"));
    expect(h.activity.list({ codeId, limit: 10 }).map((e) => e.kind)).toEqual(["code_created"]);
    expect(ha.notifications.persistent.size).toBe(0);
  });

  it("on a phone it is a plain alert, routed to the household's targets", async () => {
    const h = await start({
      ha: { notifyServices: ["mobile_app_pixel"] },
      options: { notify_targets: ["notify.mobile_app_pixel"] },
    });
    const ha = h.ha;
    const { codeId } = await h.service.createCode(draft("Mom", "4821", ["lock.front_door"]));
    const code = h.service.book.publicCode(codeId);
    if (!code) throw new Error("no code");
    await h.journal.codeEvent("code_deleted", code, "Alex Admin");
    await until(() => ha.notifications.sent.length === 1);
    expect(ha.notifications.sent[0]).toMatchObject({
      service: "notify.mobile_app_pixel",
      data: { title: "Latchkey", message: "Alex Admin deleted Mom's code: it comes off Front Door." },
    });
    expect(JSON.stringify(ha.notifications.sent)).not.toContain("4821");
  });
});
