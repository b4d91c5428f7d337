import type { Code } from "../../../src/model/code";
import type { Lock } from "../../../src/model/lock";
import type { CodeId, LockId } from "../../../src/model/primitives";
import type { SlotClaim } from "../../../src/model/slot-claim";

/** The slots Latchkey may use on a lock: `first`..`last`, clipped to what the lock has. */
export interface ManagedRange {
  first: number;
  last: number | null;
}

export interface Allocation {
  claims: SlotClaim[];
  /** (code, lock) pairs that found no free slot in the managed range. */
  full: { codeId: CodeId; lockId: LockId }[];
}

/**
 * Gives every (code, lock) pair a slot. Existing claims never move (a slot stays stable across
 * edits); new pairs get the lowest slot that is neither claimed nor holding a code Latchkey
 * did not write. Pairs on locks not (yet) discovered wait: their slot count is unknown. Where
 * what a free-looking slot holds is not known (`mustReadFirst`: HA cannot list the lock's codes,
 * or its listing could not tell) it may hold a code set at the keypad: the new claim is marked
 * to be read before anything is written to it.
 */
export function allocateSlots(
  codes: readonly Code[],
  claims: readonly SlotClaim[],
  locks: ReadonlyMap<LockId, Lock>,
  range: ManagedRange,
  occupiedByOthers: ReadonlyMap<LockId, ReadonlySet<number>>,
  mustReadFirst: (lockId: LockId, slot: number) => boolean = () => false,
): Allocation {
  const result = [...claims];
  const full: Allocation["full"] = [];
  const taken = new Map<LockId, Set<number>>();
  const takenOn = (lockId: LockId) => {
    let set = taken.get(lockId);
    if (!set) {
      set = new Set([...(occupiedByOthers.get(lockId) ?? [])]);
      taken.set(lockId, set);
    }
    return set;
  };
  for (const claim of claims) takenOn(claim.lockId).add(claim.slot);
  const claimed = new Set(
    claims.flatMap((c) => (c.owner.kind === "code" ? [`${c.owner.codeId}|${c.lockId}`] : [])),
  );

  for (const code of [...codes].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  )) {
    for (const lockId of code.lockIds) {
      const lock = locks.get(lockId);
      if (!lock || claimed.has(`${code.id}|${lockId}`)) continue;
      const slot = lowestFree(
        takenOn(lockId),
        range.first,
        Math.min(range.last ?? lock.slotCount, lock.slotCount),
      );
      if (slot === null) {
        full.push({ codeId: code.id, lockId });
        continue;
      }
      takenOn(lockId).add(slot);
      claimed.add(`${code.id}|${lockId}`);
      result.push({
        lockId,
        slot,
        owner: { kind: "code", codeId: code.id },
        observed: { status: "unknown" },
        ...(mustReadFirst(lockId, slot) ? { readFirst: true as const } : {}),
      });
    }
  }
  return { claims: result, full };
}

function lowestFree(taken: ReadonlySet<number>, first: number, last: number): number | null {
  for (let slot = Math.max(1, first); slot <= last; slot++) if (!taken.has(slot)) return slot;
  return null;
}
