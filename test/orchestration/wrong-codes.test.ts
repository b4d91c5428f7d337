import { describe, expect, it } from "vitest";
import { harnessPerTest, until } from "./support/harness";

const start = harnessPerTest();

describe("wrong codes on a phone", () => {
  it("offer “Lock it” only while the door is open, and replace each other (one tag, alerting once)", async () => {
    const h = await start({
      ha: { notifyServices: ["mobile_app_pixel"] },
      // The door is opened by hand only to be open: that alert (on by default) is not this test's.
      options: { notify_targets: ["notify.mobile_app_pixel"], notify_manual_unlock: false },
    });
    const ha = h.ha;
    ha.accessEvent("lock.back_door", 50);
    await until(() => ha.notifications.sent.length === 1);
    expect(ha.notifications.sent[0]).toMatchObject({
      service: "notify.mobile_app_pixel",
      data: { data: { tag: "latchkey_wrong_code_back_door", alert_once: true } },
    });
    expect(ha.notifications.sent[0]?.data).not.toHaveProperty("data.actions");

    ha.manual("lock.back_door", "unlock");
    await until(() => h.service.locks.doorState("lock.back_door") === "unlocked");
    ha.accessEvent("lock.back_door", 16);
    await until(() => ha.notifications.sent.length === 2);
    expect(ha.notifications.sent[1]?.data.message).toMatch(/^Back Door turned its keypad off at /);
    expect(ha.notifications.sent[1]?.data).toMatchObject({
      data: {
        tag: "latchkey_wrong_code_back_door",
        actions: [{ action: "LATCHKEY_LOCK:lock.back_door", title: "Lock it" }],
      },
    });
  });
});
