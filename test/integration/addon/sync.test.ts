import { afterEach, describe, expect, it } from "vitest";
import { allSynced } from "../support/api-client";
import { LOCKS, lockWrites, slotsHolding, startWorld, type World } from "../support/world";
import { pinsShown } from "../support/pins";

let world: World | null = null;
afterEach(async () => {
  if (world) {
    // Whatever happened in the test, no PIN may reach the add-on's log.
    expect(pinsShown(world.addon.output(), ["4821", "5930", "6047"])).toEqual([]);
    await world.close();
  }
  world = null;
});

async function createMom(w: World, lockIds = LOCKS) {
  const created = await w.api.request("codes/create", { draft: { name: "Mom", pin: "4821", lockIds } });
  if (!created.ok) throw new Error(created.error.message);
  await w.api.waitForSnapshot((s) => s.codes.length === 1 && allSynced(s));
  return created.result.codeId;
}

describe("the add-on keeps the locks in step with the codes", () => {
  it("a code on 3 locks → 3 writes; a new PIN → 3 writes; unticking one lock → 1 clear", async () => {
    world = await startWorld();
    const w = world;
    const codeId = await createMom(w);
    expect(w.writes().map((c) => c.service)).toEqual([
      "set_lock_usercode",
      "set_lock_usercode",
      "set_lock_usercode",
    ]);
    for (const lock of LOCKS) expect(slotsHolding(w.ha, lock, "4821")).toHaveLength(1);
    const snapshot = w.api.snapshot();
    expect(Object.values(snapshot?.sync[codeId] ?? {}).map((s) => s.state)).toEqual([
      "synced",
      "synced",
      "synced",
    ]);

    await w.api.request("codes/update", { codeId, changes: { pin: "5930" } });
    await w.api.waitForSnapshot((s) => allSynced(s) && w.writes().length === 6, 20_000, true);
    for (const lock of LOCKS) {
      expect(slotsHolding(w.ha, lock, "5930")).toHaveLength(1);
      expect(slotsHolding(w.ha, lock, "4821")).toEqual([]);
    }
    const slotsBefore = w.api.snapshot()?.slots[codeId];

    await w.api.request("codes/update", { codeId, changes: { lockIds: LOCKS.slice(0, 2) } });
    await w.api.waitForSnapshot(
      () => w.writes().length === 7 && slotsHolding(w.ha, "lock.garage_side_door", "5930").length === 0,
    );
    await w.api.waitForSnapshot((s) => allSynced(s) && Object.keys(s.slots[codeId] ?? {}).length === 2);
    expect(w.writes()[6]).toMatchObject({
      service: "clear_lock_usercode",
      entityId: "lock.garage_side_door",
    });
    expect(slotsHolding(w.ha, "lock.garage_side_door", "5930")).toEqual([]);
    // Slots stay stable across edits.
    expect(w.api.snapshot()?.slots[codeId]?.["lock.front_door"]).toBe(slotsBefore?.["lock.front_door"]);
  });

  it("disable clears everywhere, enable restores, delete removes and frees the slots", async () => {
    world = await startWorld();
    const w = world;
    const codeId = await createMom(w);
    await w.api.request("codes/set_enabled", { codeId, enabled: false });
    await w.api.waitForSnapshot((s) => allSynced(s) && w.writes().length === 6, 20_000, true);
    for (const lock of LOCKS) expect(slotsHolding(w.ha, lock, "4821")).toEqual([]);

    await w.api.request("codes/set_enabled", { codeId, enabled: true });
    await w.api.waitForSnapshot((s) => allSynced(s) && w.writes().length === 9, 20_000, true);
    for (const lock of LOCKS) expect(slotsHolding(w.ha, lock, "4821")).toHaveLength(1);

    await w.api.request("codes/delete", { codeId });
    // An unsupervised lock answers the clear at once and reports its new memory a moment later.
    await w.api.waitForSnapshot(
      (s) =>
        s.codes.length === 0 &&
        // Freed once each clear is confirmed: no slot is still being cleared.
        s.clearing.length === 0 &&
        w.writes().length === 12 &&
        LOCKS.every((lock) => slotsHolding(w.ha, lock, "4821").length === 0),
      20_000,
      true,
    );
    // The freed slot is reused by the next code.
    await w.api.request("codes/create", {
      draft: { name: "Dad", pin: "6047", lockIds: ["lock.front_door"] },
    });
    await w.api.waitForSnapshot((s) => s.codes.length === 1 && allSynced(s));
    expect(slotsHolding(w.ha, "lock.front_door", "6047")).toEqual([1]);
  });

  it("a restart while in sync sends nothing to any lock", async () => {
    world = await startWorld();
    const w = world;
    await createMom(w);
    const before = w.writes().length;
    await w.addon.stop();
    const { startAddon } = await import("../support/addon-process");
    const again = await startAddon({
      haUrl: w.ha.httpUrl,
      token: "admin-token-0123456789abcdef",
      dataDir: w.addon.dataDir,
    });
    await again.waitForOutput(/All locks are in step with the codes; nothing to write/);
    expect(w.writes().length).toBe(before);
    await again.stop();
  });

  it("one failing lock does not delay the others, and its failure is shown with a retry time", async () => {
    world = await startWorld();
    const w = world;
    w.ha.faults.failNext({
      service: "set_lock_usercode",
      entityId: "lock.back_door",
      times: 100,
      message: "Node 3 did not respond",
    });
    await w.api.request("codes/create", { draft: { name: "Mom", pin: "4821", lockIds: LOCKS } });
    const snap = await w.api.waitForSnapshot((s) => {
      const sync = Object.values(s.sync)[0] ?? {};
      return (
        sync["lock.front_door"]?.state === "synced" &&
        sync["lock.garage_side_door"]?.state === "synced" &&
        sync["lock.back_door"]?.state === "failed"
      );
    });
    const failed = Object.values(snap.sync)[0]?.["lock.back_door"];
    expect(failed?.state).toBe("failed");
    expect(JSON.stringify(failed)).toMatch(/did not respond/);
    // Backoff: a handful of attempts in this time, not a hammering loop.
    await new Promise((r) => setTimeout(r, 1000));
    expect(lockWrites(w.ha).filter((c) => c.entityId === "lock.back_door").length).toBeLessThan(6);
  });
});

describe("a lock that keeps refusing a code", () => {
  it("is reported once after 3 tries: latchkey_sync_failed and a notification, no PIN", async () => {
    world = await startWorld();
    const w = world;
    w.ha.faults.failNext({
      service: "set_lock_usercode",
      entityId: "lock.back_door",
      times: 100,
      message: "Node 3 did not respond",
    });
    await w.api.request("codes/create", { draft: { name: "Mom", pin: "4821", lockIds: ["lock.back_door"] } });
    await w.api.waitForSnapshot(
      () => w.ha.firedEvents.some((e) => e.event_type === "latchkey_sync_failed"),
      20_000,
    );
    const failed = w.ha.firedEvents.filter((e) => e.event_type === "latchkey_sync_failed");
    expect(failed).toHaveLength(1);
    expect(failed[0]?.data).toMatchObject({
      code_name: "Mom",
      entity_id: "lock.back_door",
      operation: "set",
      attempts: 3,
      reason: "Node 3 did not respond",
    });
    await w.api.waitForSnapshot(() => w.ha.notifications.persistent.size > 0);
    expect([...w.ha.notifications.persistent.values()].map((n) => n.message)).toContain(
      "Latchkey could not put Mom on Back Door after 3 tries (Node 3 did not respond). It keeps trying.",
    );
  });
});
