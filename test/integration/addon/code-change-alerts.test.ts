import { afterEach, describe, expect, it } from "vitest";
import { allSynced } from "../support/api-client";
import { showsPin } from "../support/pins";
import { FAST, slotsHolding, startWorld, type World } from "../support/world";
import { until } from "../support/until";

let world: World | null = null;
afterEach(async () => {
  if (world) expect(showsPin(world.addon.output(), "4821")).toBe(false);
  await world?.close();
  world = null;
});

const alerts = (w: World) => [...w.ha.notifications.persistent.values()].map((n) => n.message);
const changed = (w: World) =>
  w.ha.firedEvents.filter((e) => e.event_type === "latchkey_code_changed").map((e) => e.data);

describe("alerts when a code is added, changed or removed in Latchkey", () => {
  it("each change alerts with the code, its doors and the HA user who made it — never the PIN", async () => {
    world = await startWorld();
    const w = world;
    const created = await w.api.request("codes/create", {
      draft: { name: "Mom", pin: "4821", lockIds: ["lock.front_door", "lock.back_door"] },
    });
    if (!created.ok) throw new Error(created.error.message);
    const codeId = created.result.codeId;
    await until(() => alerts(w).includes("Alex Admin added Mom's code to Front Door and Back Door."));

    await w.api.request("codes/update", { codeId, changes: { pin: "4822" } });
    await until(() =>
      alerts(w).includes("Alex Admin changed Mom's code (a new PIN). Its doors: Front Door and Back Door."),
    );
    await w.api.request("codes/update", {
      codeId,
      changes: { name: "Mum", lockIds: ["lock.front_door", "lock.back_door", "lock.garage_side_door"] },
    });
    await until(() =>
      alerts(w).includes(
        "Alex Admin changed Mum's code (its name, was Mom and its doors). Its doors: Front Door, Back Door, and Garage Side Door.",
      ),
    );
    await w.api.request("codes/set_enabled", { codeId, enabled: false });
    await until(() =>
      alerts(w).includes(
        "Alex Admin disabled Mum's code: it comes off Front Door, Back Door, and Garage Side Door.",
      ),
    );
    await w.api.request("codes/set_enabled", { codeId, enabled: true });
    await until(() => alerts(w).some((m) => m.startsWith("Alex Admin enabled Mum's code on Front Door")));
    await w.api.request("codes/delete", { codeId });
    await until(() => alerts(w).some((m) => m.startsWith("Alex Admin deleted Mum's code: it comes off")));

    expect(changed(w).map((d) => [d.action, d.user_name])).toEqual([
      ["added", "Alex Admin"],
      ["updated", "Alex Admin"],
      ["updated", "Alex Admin"],
      ["disabled", "Alex Admin"],
      ["enabled", "Alex Admin"],
      ["removed", "Alex Admin"],
    ]);
    expect(changed(w)[1]?.changes).toEqual(["pin"]);
    expect(changed(w)[2]?.changes).toEqual(["name", "doors"]);
    const everything = JSON.stringify([alerts(w), w.ha.firedEvents, w.ha.notifications.sent]);
    expect(showsPin(everything, "4821")).toBe(false);
    expect(showsPin(everything, "4822")).toBe(false);
  });

  it("Latchkey's own rules alert too: a used-up code and an expired one, by “Latchkey”", async () => {
    world = await startWorld({}, { ...FAST, LATCHKEY_CLOCK_TICK_MS: "200" });
    const w = world;
    const plumber = await w.api.request("codes/create", {
      draft: {
        name: "Plumber",
        pin: "6047",
        lockIds: ["lock.front_door"],
        rules: { maxUses: 1, weekly: [], burner: false },
      },
    });
    if (!plumber.ok) throw new Error(plumber.error.message);
    await w.api.waitForSnapshot(allSynced);
    const slot = w.api.snapshot()?.slots[plumber.result.codeId]?.["lock.front_door"] ?? 0;
    w.ha.pressKeypad("lock.front_door", slot, "unlock");
    await until(() =>
      alerts(w).includes("Plumber's code has had all its uses: Latchkey takes it off Front Door."),
    );

    const validUntil = new Date(Date.now() + 1_500).toISOString();
    const guest = await w.api.request("codes/create", {
      draft: {
        name: "Guest",
        pin: "4821",
        lockIds: ["lock.back_door"],
        rules: { validUntil, weekly: [], burner: false },
      },
    });
    if (!guest.ok) throw new Error(guest.error.message);
    await until(() => alerts(w).includes("Guest's code expired: Latchkey takes it off Back Door."), 15_000);
    // Reported once, though the clock keeps ticking.
    await new Promise((r) => setTimeout(r, 600));
    expect(changed(w).map((d) => [d.action, d.code_name, d.user_name])).toEqual([
      ["added", "Plumber", "Alex Admin"],
      ["used_up", "Plumber", "Latchkey"],
      ["added", "Guest", "Alex Admin"],
      ["expired", "Guest", "Latchkey"],
    ]);
    const activity = await w.api.request("activity/list", { codeId: guest.result.codeId });
    expect(activity.ok && activity.result.entries.map((e) => [e.kind, e.userName])).toEqual([
      ["code_expired", "Latchkey"],
      ["code_created", "Alex Admin"],
    ]);
    // And it is off the lock, as the alert says.
    await until(() => slotsHolding(w.ha, "lock.back_door", "4821").length === 0);
  });
});
