// Slots whose content Latchkey cannot know from HA's listing: never taken as free.
import { afterEach, describe, expect, it } from "vitest";
import { lockWrites, slotsHolding, threeLocks } from "../integration/support/world";
import { allSynced, draft, startLatchkey, type Harness } from "./support/harness";

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const FRONT = "lock.front_door";
const listedUnmanaged = (h: Harness, slot: number) =>
  h.snapshot().unmanaged.some((u) => u.lockId === FRONT && u.slot === slot);

describe("slots HA's listing cannot tell", () => {
  it("on HA 2026.11 a slot the driver never read is unknown, not free: a code set at the keypad there survives", async () => {
    // HA lists slot 1 as {usercode: null, in_use: null}: the lock holds a code the driver never read.
    const locks = threeLocks().map((l) =>
      l.entityId === FRONT ? { ...l, unreadCodes: { 1: "2580" }, codes: { 2: "1357" } } : l,
    );
    h = await startLatchkey({ ha: { profile: "newest", locks } });
    const mom = await h.service.createCode(draft("Mom", "4821", [FRONT]));
    await h.until(allSynced, 10_000);
    expect(slotsHolding(h.ha, FRONT, "2580")).toEqual([1]);
    expect(slotsHolding(h.ha, FRONT, "1357")).toEqual([2]);
    expect(h.snapshot().slots[mom.codeId]).toEqual({ [FRONT]: 3 });
    expect(lockWrites(h.ha)).toEqual([{ service: "set_lock_usercode", entityId: FRONT, slot: 3 }]);
    // The checksum could not vouch for the unread slots (slot 1 holds a code): they were read.
    expect(h.ha.slotReads.some((r) => r.entityId === FRONT && r.slot === 1)).toBe(true);
    // The code read in slot 1 is one Latchkey did not set, with its PIN known: it can be adopted.
    expect(listedUnmanaged(h, 1) && listedUnmanaged(h, 2)).toBe(true);
    const household = await h.service.adoptUnmanaged(FRONT, 1, "Household");
    expect(h.snapshot().slots[household.codeId]).toEqual({ [FRONT]: 1 });
  });

  it("the lock's own checksum settles the slots nobody read: an empty lock is written with one read-back per code, no read before", async () => {
    h = await startLatchkey({ ha: { profile: "newest" } });
    const mom = await h.service.createCode(draft("Mom", "4821", [FRONT]));
    await h.until(allSynced, 10_000);
    const dad = await h.service.createCode(draft("Dad", "6028", [FRONT]));
    await h.until(allSynced, 10_000);
    const slots = h.snapshot().slots;
    expect([slots[mom.codeId]?.[FRONT], slots[dad.codeId]?.[FRONT]]).toEqual([1, 2]);
    // Each slot read once, after its write: HA listed them as never read, the checksum said empty.
    expect(h.ha.slotReads.filter((r) => r.entityId === FRONT)).toEqual([
      { entityId: FRONT, slot: 1 },
      { entityId: FRONT, slot: 2 },
    ]);
  });

  it("codes added one after another while the first is still being written: the checksum still settles the unread slots", async () => {
    h = await startLatchkey({ ha: { profile: "newest" } });
    // Slot 1 is known empty (a code came and went); the others were never read.
    const solo = await h.service.createCode(draft("Solo", "9153", [FRONT]));
    await h.until(allSynced);
    await h.service.deleteCode(solo.codeId);
    await h.until((s) => s.clearing.length === 0 && s.codes.length === 0);
    await h.service.locks.refresh();
    const readsBefore = h.ha.slotReads.length;
    // A household entering its codes in a row: the first goes to slot 1 with no question asked;
    // the next are planned while it is queued or on the air, held or not yet by the lock.
    const names = ["Mom", "Dad", "Ann", "Ben", "Cat"];
    for (const [i, name] of names.entries())
      await h.service.createCode(draft(name, String(4821 + i * 1111), [FRONT]));
    await h.until(allSynced, 10_000);
    expect(Object.values(h.snapshot().slots).map((perLock) => perLock[FRONT])).toEqual([1, 2, 3, 4, 5]);
    // One read-back per slot after its write, none before: no slot was read twice.
    const reads = h.ha.slotReads
      .slice(readsBefore)
      .filter((r) => r.entityId === FRONT)
      .map((r) => r.slot);
    expect(reads.toSorted((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
    expect(h.logs.some((line) => /checksum matches/.test(line))).toBe(true);
  });

  it("a code added at the keypad in a slot Latchkey does not own is read, listed as unmanaged, and kept", async () => {
    h = await startLatchkey({ ha: { profile: "newest" }, ownEchoMs: 0 });
    // Slot 1 was Latchkey's and is empty now: what HA listed at the start says free.
    const solo = await h.service.createCode(draft("Solo", "9153", [FRONT]));
    await h.until(allSynced);
    await h.service.deleteCode(solo.codeId);
    await h.until((s) => s.clearing.length === 0 && s.codes.length === 0);
    const writes = lockWrites(h.ha).length;
    h.ha.keypadChangeCode(FRONT, 1, "2580");
    await h.until(() => listedUnmanaged(h!, 1));
    const guest = await h.service.createCode(draft("Guest", "3647", [FRONT]));
    await h.until(allSynced);
    expect(h.snapshot().slots[guest.codeId]).toEqual({ [FRONT]: 2 });
    expect(slotsHolding(h.ha, FRONT, "2580")).toEqual([1]);
    expect(lockWrites(h.ha).slice(writes)).toEqual([
      { service: "set_lock_usercode", entityId: FRONT, slot: 2 },
    ]);
    expect(listedUnmanaged(h, 1)).toBe(true);
  });

  it("on HA 2024.3, which cannot list codes, a code added at the keypad in a slot Latchkey does not own is read and listed", async () => {
    h = await startLatchkey({ ha: { profile: "pinned" } });
    h.ha.keypadChangeCode(FRONT, 4, "2580");
    await h.until(() => listedUnmanaged(h!, 4));
    const household = await h.service.adoptUnmanaged(FRONT, 4, "Household");
    await h.until(allSynced);
    expect(h.snapshot().slots[household.codeId]).toEqual({ [FRONT]: 4 });
    expect(lockWrites(h.ha)).toEqual([]);
  });

  it("a code removed at the keypad in a slot Latchkey does not own leaves the unmanaged list; once read, the slot is free", async () => {
    const locks = threeLocks().map((l) => (l.entityId === FRONT ? { ...l, codes: { 5: "1111" } } : l));
    h = await startLatchkey({ ha: { profile: "newest", locks }, options: { slot_first: 5 } });
    await h.until(() => listedUnmanaged(h!, 5));
    h.ha.keypadChangeCode(FRONT, 5, null);
    await h.until(() => !listedUnmanaged(h!, 5));
    await h.service.idle();
    const mom = await h.service.createCode(draft("Mom", "4821", [FRONT]));
    await h.until(allSynced);
    expect(h.snapshot().slots[mom.codeId]).toEqual({ [FRONT]: 5 });
    expect(lockWrites(h.ha)).toEqual([{ service: "set_lock_usercode", entityId: FRONT, slot: 5 }]);
  });
});
