import { afterEach, describe, expect, it } from "vitest";
import { allSynced, connectApi } from "../support/api-client";
import { pinsShown, showsPin } from "../support/pins";
import { ADMIN, USER, startWorld, type World } from "../support/world";
import { until } from "../support/until";

let world: World | null = null;
afterEach(async () => {
  if (world) expect(pinsShown(world.addon.output(), ["4821"])).toEqual([]);
  await world?.close();
  world = null;
});

const messages = (w: World) => [...w.ha.notifications.persistent.values()].map((n) => n.message);
const doorEvents = (w: World) =>
  w.ha.firedEvents.filter((e) => e.event_type === "latchkey_lock_activity").map((e) => e.data.kind);

describe("what a lock reports besides its moves", () => {
  it("a jam — the lock's Lock jammed sensor turning on, no notification — is entered, fired and alerted once", async () => {
    world = await startWorld();
    const w = world;
    w.ha.jam("lock.front_door");
    await until(() => messages(w).includes("Front Door is jammed."));
    const listed = await w.api.request("activity/list", { lockId: "lock.front_door" });
    expect(listed.ok && listed.result.entries.map((e) => e.kind)).toEqual(["jammed"]);
    expect(doorEvents(w)).toEqual(["jammed"]);
    const snapshot = await w.api.waitForSnapshot((s) => s.lastActivity["lock.front_door"]?.kind === "jammed");
    expect(snapshot.lastActivity["lock.front_door"]).toMatchObject({
      kind: "jammed",
      lockId: "lock.front_door",
    });

    // Jammed again while it is jammed: the sensor stays on, nothing new.
    w.ha.jam("lock.front_door");
    await new Promise((r) => setTimeout(r, 300));
    expect(doorEvents(w)).toEqual(["jammed"]);
    // The next move clears the sensor; a jam after it is a new one.
    w.ha.manual("lock.front_door", "unlock");
    await until(() => doorEvents(w).length === 2);
    w.ha.jam("lock.front_door");
    await until(() => doorEvents(w).length === 3);
    expect(doorEvents(w)).toEqual(["jammed", "manual_unlock", "jammed"]);
  });

  it("a wrong code and a keypad lockout alert with the door and the time, in one notification that each replaces", async () => {
    world = await startWorld();
    const w = world;
    const alert = () => w.ha.notifications.persistent.get("latchkey_wrong_code_back_door")?.message ?? "";

    w.ha.accessEvent("lock.back_door", 50);
    await w.addon.waitForOutput(/A wrong code was entered at Back Door\./);
    await until(() => alert() !== "");
    expect(alert()).toMatch(/^A wrong code was entered at Back Door at \d{1,2}:\d{2}( [AP]M)?\.$/);

    // Too many: the lock turns its keypad off (its Keypad temporary disabled sensor).
    w.ha.accessEvent("lock.back_door", 16);
    await until(() => alert().startsWith("Back Door turned its keypad off at "));
    expect(alert()).toMatch(
      /^Back Door turned its keypad off at \d{1,2}:\d{2}( [AP]M)? after too many wrong codes\.$/,
    );
    // The same lockout sent as "exceeds code limit" moments later is not a second one.
    w.ha.accessEvent("lock.back_door", 19);
    await new Promise((r) => setTimeout(r, 300));
    const listed = await w.api.request("activity/list", { lockId: "lock.back_door" });
    expect(listed.ok && listed.result.entries.map((e) => e.kind)).toEqual(["keypad_disabled", "wrong_code"]);
    expect(doorEvents(w)).toEqual(["wrong_code", "keypad_disabled"]);
    expect(w.ha.notifications.persistent.size).toBe(1);
  });

  it("an older card never receives a wrong code: its parser would refuse the entry", async () => {
    world = await startWorld();
    const w = world;
    w.ha.accessEvent("lock.front_door", 50);
    await w.addon.waitForOutput(/A wrong code was entered at Front Door\./);
    const older = await connectApi(w.addon.apiUrl, ADMIN.token, { features: ["state_activity"] });
    const listed = await older.request("activity/list", { lockId: "lock.front_door" });
    expect(listed.ok && listed.result.entries).toEqual([]);
    older.close();
    const current = await w.api.request("activity/list", { lockId: "lock.front_door" });
    expect(current.ok && current.result.entries.map((e) => e.kind)).toEqual(["wrong_code"]);
    expect(showsPin(JSON.stringify([...w.ha.notifications.persistent.values()]), "4821")).toBe(false);
  });
});

describe("each lock's own choice of which door events alert", () => {
  it("by default a hand and a code alert; a lock can mute a kind and ask for another, and only that lock", async () => {
    world = await startWorld();
    const w = world;
    const snapshot = await w.api.waitForSnapshot((s) => Object.keys(s.alerts).length === 3);
    expect(snapshot.alerts["lock.front_door"]).toEqual({
      keypad: true,
      manual: true,
      remote: false,
      auto_lock: false,
      jam: true,
    });
    w.ha.manual("lock.back_door", "unlock");
    await until(() => messages(w).includes("Back Door was unlocked by hand."));

    // Only an admin chooses; a kind that does not exist is refused by name.
    const kid = await connectApi(w.addon.apiUrl, USER.token);
    expect(
      await kid.request("locks/set_alerts", { lockId: "lock.front_door", alerts: { manual: false } }),
    ).toMatchObject({
      ok: false,
      error: { code: "forbidden", problem: "error.admins_only" },
    });
    kid.close();
    const misspelt = await w.api.sendRaw(
      JSON.stringify({
        id: 99,
        type: "locks/set_alerts",
        lockId: "lock.front_door",
        alerts: { manaul: false },
      }),
    );
    expect(misspelt).toMatchObject({ ok: false, error: { code: "invalid_message" } });
    expect(JSON.stringify(misspelt)).toContain("manaul");
    expect(await w.api.request("locks/set_alerts", { lockId: "lock.nowhere", alerts: {} })).toMatchObject({
      ok: false,
      error: { code: "not_found", problem: "error.lock_gone" },
    });

    const saved = await w.api.request("locks/set_alerts", {
      lockId: "lock.front_door",
      alerts: { manual: false, remote: true },
    });
    expect(saved).toEqual({
      ok: true,
      result: {
        lockId: "lock.front_door",
        alerts: { keypad: true, manual: false, remote: true, auto_lock: false, jam: true },
      },
    });
    await w.api.waitForSnapshot((s) => s.alerts["lock.front_door"]?.remote === true);

    const before = messages(w).length;
    w.ha.manual("lock.front_door", "unlock");
    await w.addon.waitForOutput(/Front Door was unlocked by hand\./);
    w.ha.accessEvent("lock.front_door", 4);
    await until(() => messages(w).includes("Front Door was unlocked from an app or remote."));
    expect(messages(w)).not.toContain("Front Door was unlocked by hand.");
    expect(messages(w).length).toBe(before + 1);
    // The back door still follows the household.
    w.ha.accessEvent("lock.back_door", 4);
    await w.addon.waitForOutput(/Back Door was unlocked from an app or remote\./);
    await new Promise((r) => setTimeout(r, 500));
    expect(messages(w)).not.toContain("Back Door was unlocked from an app or remote.");
  });

  it("a code opening a door alerts (the product's promise), unless that lock mutes it", async () => {
    world = await startWorld();
    const w = world;
    // "Tell me when this code is used" is on by default; the door has a say too.
    const created = await w.api.request("codes/create", {
      draft: { name: "Mom", pin: "4821", lockIds: ["lock.front_door", "lock.back_door"] },
    });
    if (!created.ok) throw new Error(created.error.message);
    const synced = await w.api.waitForSnapshot(allSynced);
    const slotOn = (lockId: string) => synced.slots[created.result.codeId]?.[lockId] ?? 0;
    w.ha.pressKeypad("lock.front_door", slotOn("lock.front_door"), "unlock");
    await until(() => messages(w).includes("Mom unlocked Front Door with the keypad."));

    expect(
      await w.api.request("locks/set_alerts", { lockId: "lock.back_door", alerts: { keypad: false } }),
    ).toMatchObject({ ok: true });
    w.ha.pressKeypad("lock.back_door", slotOn("lock.back_door"), "unlock");
    await w.addon.waitForOutput(/Mom unlocked Back Door with the keypad\./);
    await new Promise((r) => setTimeout(r, 300));
    expect(messages(w)).not.toContain("Mom unlocked Back Door with the keypad.");
  });
});
