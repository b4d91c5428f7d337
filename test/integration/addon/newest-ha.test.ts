import { afterEach, describe, expect, it } from "vitest";
import { allSynced } from "../support/api-client";
import { slotsHolding, startWorld, threeLocks, type World } from "../support/world";
import { pinsShown } from "../support/pins";

let world: World | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

describe("on the newest HA (invoke_cc_api, get_lock_usercode)", () => {
  it("reads each write back from the lock and learns slot counts from the lock", async () => {
    world = await startWorld({ profile: "newest" });
    const w = world;
    await w.addon.waitForOutput(/read-back: User Code Get via invoke_cc_api/);
    expect(w.api.snapshot()?.locks.find((l) => l.id === "lock.garage_side_door")).toMatchObject({
      slotCount: 250,
      slotCountSource: "lock",
    });
    await w.api.request("codes/create", {
      draft: { name: "Mom", pin: "4821", lockIds: ["lock.front_door", "lock.back_door"] },
    });
    const snap = await w.api.waitForSnapshot(allSynced);
    expect(Object.values(snap.sync)[0]).toMatchObject({
      "lock.front_door": { state: "synced", via: "cc_read" },
      "lock.back_door": { state: "synced", via: "cc_read" },
    });
  });

  it("reports codes it did not write as unmanaged, never touches them, and adopts or clears on request", async () => {
    const locks = threeLocks().map((l) =>
      l.entityId === "lock.back_door" ? { ...l, codes: { 1: "7391", 2: "2604" } } : l,
    );
    world = await startWorld({ profile: "newest", locks });
    const w = world;
    const first = await w.api.waitForSnapshot((s) => s.unmanaged.length === 2);
    expect(first.unmanaged).toEqual([
      { lockId: "lock.back_door", slot: 1 },
      { lockId: "lock.back_door", slot: 2 },
    ]);
    expect(pinsShown(JSON.stringify(first), ["7391", "2604"])).toEqual([]);

    // A new code goes around them.
    await w.api.request("codes/create", { draft: { name: "Mom", pin: "4821", lockIds: ["lock.back_door"] } });
    await w.api.waitForSnapshot(allSynced);
    expect(slotsHolding(w.ha, "lock.back_door", "4821")).toEqual([3]);
    expect(slotsHolding(w.ha, "lock.back_door", "7391")).toEqual([1]);

    const adopted = await w.api.request("unmanaged/adopt", {
      lockId: "lock.back_door",
      slot: 1,
      name: "Grandpa",
    });
    expect(adopted.ok).toBe(true);
    await w.api.request("unmanaged/clear", { lockId: "lock.back_door", slot: 2 });
    const after = await w.api.waitForSnapshot(
      // The cleared slot leaves the unmanaged list at once; it is empty once it leaves "clearing".
      (s) => s.unmanaged.length === 0 && s.clearing.length === 0 && s.codes.length === 2 && allSynced(s),
    );
    expect(after.codes.map((c) => c.name).sort()).toEqual(["Grandpa", "Mom"]);
    expect(after.slots[adopted.ok ? adopted.result.codeId : ""]).toEqual({ "lock.back_door": 1 });
    expect(slotsHolding(w.ha, "lock.back_door", "7391")).toEqual([1]);
    expect(slotsHolding(w.ha, "lock.back_door", "2604")).toEqual([]);
  });
});
