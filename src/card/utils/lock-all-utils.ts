/** Pure: what a finished "Lock all" can still claim, given the locks as they are now. */
import type { LockResult } from "../ha/lock-actions";
import type { LockView } from "./lock-utils";

/** A lock's outcome, and whether HA has shown it locked since (its state follows the call a moment later). */
export interface TrackedResult extends LockResult {
  seenLocked: boolean;
}

export type LockAllOutcome =
  | { kind: "all_locked"; count: number }
  | { kind: "failed"; failed: TrackedResult[] }
  /** Locks told to lock that HA does not show locked yet: nothing to claim so far. */
  | { kind: "waiting" };

const stateIn = (locks: readonly LockView[]) => {
  const states = new Map(locks.map((lock) => [lock.entityId, lock.state]));
  return (result: LockResult) => states.get(result.entityId);
};

/** The results with each lock HA now shows locked marked as seen locked. */
export function trackLocked(results: readonly TrackedResult[], locks: readonly LockView[]): TrackedResult[] {
  const state = stateIn(locks);
  return results.map((r) => (r.seenLocked || state(r) !== "locked" ? r : { ...r, seenLocked: true }));
}

/**
 * The locks that did not lock, while they still are not; "All N locks locked" while every one
 * is; null once a lock seen locked is not any more (someone unlocked it since): from then on the
 * outcome would tell something that is no longer true.
 */
export function lockAllOutcome(
  results: readonly TrackedResult[],
  locks: readonly LockView[],
): LockAllOutcome | null {
  const state = stateIn(locks);
  const stillLocked = (r: LockResult) => state(r) === "locked" || state(r) === "locking";
  if (results.some((r) => r.seenLocked && !stillLocked(r))) return null;
  const failed = results.filter((r) => !r.ok && state(r) !== "locked");
  if (failed.length > 0) return { kind: "failed", failed };
  return results.every((r) => state(r) === "locked")
    ? { kind: "all_locked", count: results.length }
    : { kind: "waiting" };
}
