import { afterEach, describe, expect, it } from "vitest";
import { connectApi } from "../support/api-client";
import { showsPin } from "../support/pins";
import { startWorld, USER, type World } from "../support/world";

let world: World | null = null;
afterEach(async () => {
  // The share is the one place the PIN leaves on purpose: never into the add-on's log.
  if (world) expect(showsPin(world.addon.output(), "4821")).toBe(false);
  await world?.close();
  world = null;
});

describe("sharing a code", () => {
  it("an admin sends the PIN through a notify service; the share is logged without it", async () => {
    world = await startWorld({ notifyServices: ["sms_gateway"] });
    const w = world;
    const created = await w.api.request("codes/create", {
      draft: {
        name: "Dog walker",
        pin: "4821",
        lockIds: ["lock.back_door"],
        rules: { validUntil: "2026-12-24T18:00:00Z", weekly: [], burner: false },
      },
    });
    if (!created.ok) throw new Error(created.error.message);
    const codeId = created.result.codeId;

    const shared = await w.api.request("codes/share", {
      codeId,
      service: "notify.sms_gateway",
      recipients: ["+15550100"],
    });
    expect(shared).toEqual({ ok: true, result: { codeId, service: "notify.sms_gateway" } });
    expect(w.ha.notifications.sent).toHaveLength(1);
    const sent = w.ha.notifications.sent[0];
    expect(sent?.service).toBe("notify.sms_gateway");
    expect(sent?.data).toMatchObject({ title: "Your door code", target: ["+15550100"] });
    expect(String(sent?.data.message)).toMatch(
      /^Hi Dog walker, your door code is 4821 \(Back Door\)\. Valid until 24 Dec 2026, 19:00\.$/,
    ); // the fake's HA runs in Europe/Amsterdam

    const activity = await w.api.request("activity/list", { codeId });
    expect(activity.ok && activity.result.entries[0]).toMatchObject({
      kind: "code_shared",
      userName: "Alex Admin",
    });
    expect(showsPin(JSON.stringify(activity), "4821")).toBe(false);
  });

  it("is refused to non-admins, to bad services, and fails clearly without echoing the PIN", async () => {
    world = await startWorld({ notifyServices: ["sms_gateway"] });
    const w = world;
    const created = await w.api.request("codes/create", {
      draft: { name: "Dog walker", pin: "4821", lockIds: [] },
    });
    if (!created.ok) throw new Error(created.error.message);
    const codeId = created.result.codeId;

    const kid = await connectApi(w.addon.apiUrl, USER.token);
    expect(await kid.request("codes/share", { codeId, service: "notify.sms_gateway" })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    kid.close();
    expect(await w.api.request("codes/share", { codeId, service: "light.turn_on" })).toMatchObject({
      ok: false,
      error: { code: "invalid_message" },
    });
    const missing = await w.api.request("codes/share", { codeId, service: "notify.nobody" });
    expect(missing).toMatchObject({ ok: false, error: { code: "unavailable" } });
    expect(showsPin(JSON.stringify(missing), "4821")).toBe(false);
    expect(w.ha.notifications.sent).toEqual([]);
  });
});
