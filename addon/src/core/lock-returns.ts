import { isReachable, type Lock } from "../../../src/model/lock";
import type { LockId } from "../../../src/model/primitives";

/**
 * The locks back from being away between two reads of HA: unreachable at the first (their node
 * dead, or their entity unavailable) and reachable at the second. While HA starts, every entity
 * is unavailable until its integration is up, whatever the locks do: unavailability seen then
 * says nothing about a lock (its node found dead still does). Their codes may be gone, so they
 * are checked again (service.ts); a false return would only cost frames.
 */
export function returnedLocks(
  before: ReadonlyMap<LockId, Lock>,
  now: ReadonlyMap<LockId, Lock>,
  beforeWhileHaRunning: boolean,
): Lock[] {
  const wasAway = (lock: Lock) => lock.nodeStatus === "dead" || (!lock.available && beforeWhileHaRunning);
  return [...now.values()].filter((lock) => {
    const was = before.get(lock.id);
    return was !== undefined && wasAway(was) && isReachable(lock);
  });
}
