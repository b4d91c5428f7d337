import { afterEach, describe, expect, it } from "vitest";
import { lockWrites, slotsHolding, threeLocks } from "../integration/support/world";
import { allSynced, draft, startLatchkey, until, type Harness } from "./support/harness";

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const FRONT = "lock.front_door";
const listedUnmanaged = (h: Harness, slot: number) =>
  h.snapshot().unmanaged.some((u) => u.lockId === FRONT && u.slot === slot);

/** Waits for what no snapshot change announces (a fake lock's memory). */
async function settle(ms = 400): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

describe("who owns a slot", () => {
  it("a held slot whose code is then deleted keeps the keypad's code and is listed as unmanaged", async () => {
    h = await startLatchkey({ ownEchoMs: 0 });
    const { codeId } = await h.service.createCode(draft("Mom", "4821", [FRONT]));
    await h.until(allSynced);
    h.ha.keypadChangeCode(FRONT, 1, "2580");
    await h.until((s) => s.held.some((held) => held.slot === 1));
    const writes = lockWrites(h.ha).length;
    await h.service.deleteCode(codeId);
    await h.until(() => listedUnmanaged(h!, 1));
    await settle();
    expect(h.snapshot().held).toEqual([]);
    expect(slotsHolding(h.ha, FRONT, "2580")).toEqual([1]);
    expect(lockWrites(h.ha).length).toBe(writes);
  });

  it("a slot emptied at the keypad whose code is then deleted is free again", async () => {
    h = await startLatchkey({ ownEchoMs: 0 });
    const mom = await h.service.createCode(draft("Mom", "4821", [FRONT]));
    await h.until(allSynced);
    h.ha.keypadChangeCode(FRONT, 1, null);
    await h.until((s) => s.held.some((held) => held.slot === 1));
    await h.service.deleteCode(mom.codeId);
    const dad = await h.service.createCode(draft("Dad", "5930", [FRONT]));
    await h.until(allSynced);
    expect(h.snapshot().slots[dad.codeId]).toEqual({ [FRONT]: 1 });
  });

  it("a slot being cleared that is then changed at the keypad keeps the new code and is listed as unmanaged", async () => {
    const locks = threeLocks().map((l) => (l.entityId === FRONT ? { ...l, codes: { 5: "1111" } } : l));
    h = await startLatchkey({ ha: { profile: "newest", locks }, ownEchoMs: 0 });
    await h.until(() => listedUnmanaged(h!, 5));
    // The lock is away while the admin clears the slot; someone changes it at the keypad meanwhile.
    // Only its node status says so (HA keeps the lock available): wait until Latchkey follows it.
    await until(() => h?.ha.nodeStatusWatchers(FRONT) === 1);
    h.ha.setNodeStatus(FRONT, "dead");
    await h.until((s) => s.locks.some((l) => l.id === FRONT && l.nodeStatus === "dead"));
    await h.service.clearUnmanaged(FRONT, 5);
    h.ha.keypadChangeCode(FRONT, 5, "2222");
    await settle();
    h.ha.setNodeStatus(FRONT, "alive");
    await h.until((s) => s.locks.some((l) => l.id === FRONT && l.nodeStatus === "alive"));
    await h.until(() => listedUnmanaged(h!, 5));
    await settle(600);
    expect(slotsHolding(h.ha, FRONT, "2222")).toEqual([5]);
    expect(lockWrites(h.ha).filter((w) => w.slot === 5)).toEqual([]);
  });

  it("on an HA that cannot list codes (2024.3), a code set at the keypad survives: a slot is read before it is written", async () => {
    const locks = threeLocks().map((l) =>
      l.entityId === FRONT ? { ...l, codes: { 1: "2580", 2: "1357" } } : l,
    );
    h = await startLatchkey({ ha: { profile: "pinned", locks } });
    const mom = await h.service.createCode(draft("Mom", "4821", [FRONT]));
    await h.until(allSynced, 10_000);
    expect(slotsHolding(h.ha, FRONT, "2580")).toEqual([1]);
    expect(slotsHolding(h.ha, FRONT, "1357")).toEqual([2]);
    expect(slotsHolding(h.ha, FRONT, "4821")).toEqual([3]);
    expect(h.snapshot().slots[mom.codeId]).toEqual({ [FRONT]: 3 });
    // Only Mom's slot was written; the household's codes are listed as codes Latchkey did not set.
    expect(lockWrites(h.ha)).toEqual([{ service: "set_lock_usercode", entityId: FRONT, slot: 3 }]);
    expect(listedUnmanaged(h, 1) && listedUnmanaged(h, 2)).toBe(true);
  });
});
