import { afterEach, describe, expect, it } from "vitest";
import { allSynced } from "../support/api-client";
import { FAST, lockWrites, slotsHolding, startWorld, type World } from "../support/world";

let world: World | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

async function momOnFront(): Promise<{ w: World; codeId: string; slot: number }> {
  world = await startWorld({}, { ...FAST, LATCHKEY_OWN_ECHO_MS: "0" });
  const w = world;
  const created = await w.api.request("codes/create", {
    draft: { name: "Mom", pin: "4821", lockIds: ["lock.front_door", "lock.back_door"] },
  });
  if (!created.ok) throw new Error(created.error.message);
  await w.api.waitForSnapshot(allSynced);
  return {
    w,
    codeId: created.result.codeId,
    slot: w.api.snapshot()?.slots[created.result.codeId]?.["lock.front_door"] ?? 0,
  };
}

describe("a code changed at the lock's own keypad", () => {
  it("is held: the user is told, nothing is written; restoring puts Latchkey's code back", async () => {
    const { w, codeId, slot } = await momOnFront();
    const writesBefore = lockWrites(w.ha).length;
    w.ha.keypadChangeCode("lock.front_door", slot, "7777");
    const held = await w.api.waitForSnapshot((s) => s.held.length === 1);
    expect(held.held[0]).toMatchObject({
      lockId: "lock.front_door",
      slot,
      codeId,
      reason: "changed_at_lock",
    });
    expect(held.sync[codeId]?.["lock.front_door"]?.state).toBe("waiting");
    await w.api.waitForSnapshot(() => w.ha.notifications.persistent.size > 0);
    expect([...w.ha.notifications.persistent.values()].map((n) => n.message)).toContain(
      "A code was added at the Front Door keypad (slot 1). That slot belongs to Mom: open Latchkey to keep the lock's code or restore Mom's.",
    );
    // No silent overwrite, no write loop.
    await new Promise((r) => setTimeout(r, 1000));
    expect(lockWrites(w.ha).length).toBe(writesBefore);
    expect(slotsHolding(w.ha, "lock.front_door", "7777")).toEqual([slot]);

    expect(
      await w.api.request("held/resolve", { lockId: "lock.front_door", slot, keep: "latchkey" }),
    ).toMatchObject({ ok: true });
    await w.api.waitForSnapshot((s) => s.held.length === 0 && allSynced(s), 20_000, true);
    expect(slotsHolding(w.ha, "lock.front_door", "4821")).toEqual([slot]);
  });

  it("keeping the lock's version takes the code off that lock and leaves the slot alone", async () => {
    const { w, codeId, slot } = await momOnFront();
    w.ha.keypadChangeCode("lock.front_door", slot, "7777");
    await w.api.waitForSnapshot((s) => s.held.length === 1);
    const writesBefore = lockWrites(w.ha).length;
    await w.api.request("held/resolve", { lockId: "lock.front_door", slot, keep: "lock" });
    const after = await w.api.waitForSnapshot(
      (s) => s.held.length === 0 && s.codes[0]?.lockIds.length === 1,
      20_000,
      true,
    );
    expect(after.codes[0]?.lockIds).toEqual(["lock.back_door"]);
    expect(after.slots[codeId]).toEqual({ "lock.back_door": slot });
    await new Promise((r) => setTimeout(r, 500));
    expect(lockWrites(w.ha).length).toBe(writesBefore);
    expect(slotsHolding(w.ha, "lock.front_door", "7777")).toEqual([slot]);
  });

  it("a report right after Latchkey's own write is its echo, not a person's change", async () => {
    world = await startWorld();
    const w = world;
    await w.api.request("codes/create", {
      draft: { name: "Mom", pin: "4821", lockIds: ["lock.front_door"] },
    });
    await w.api.waitForSnapshot(allSynced);
    w.ha.keypadChangeCode("lock.front_door", 1, "4821");
    await new Promise((r) => setTimeout(r, 700));
    expect(w.api.snapshot()?.held).toEqual([]);
    // Only the alert that Mom's code was added: nothing about a change at the keypad.
    expect([...w.ha.notifications.persistent.values()].map((n) => n.message)).toEqual([
      "Alex Admin added Mom's code to Front Door.",
    ]);
  });
});
