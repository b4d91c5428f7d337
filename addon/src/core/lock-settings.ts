import type { LockAlerts } from "../../../src/model/lock-alerts";
import type { LockId } from "../../../src/model/primitives";
import type { StoreDocument, StoredLock } from "../store/schema";

/** What Latchkey keeps about one lock; a lock with nothing of its own has no entry. */
export function storedLock(doc: StoreDocument, lockId: LockId): StoredLock | undefined {
  return doc.locks.find((l) => l.lockId === lockId);
}

/** The document with one lock's settings changed; an entry left with nothing of its own goes. */
function withLock(
  doc: StoreDocument,
  lockId: LockId,
  change: (before: StoredLock) => StoredLock,
): StoreDocument {
  const next = change(storedLock(doc, lockId) ?? { lockId });
  const others = doc.locks.filter((l) => l.lockId !== lockId);
  const empty = next.alerts === undefined && next.autoRefilledAt === undefined;
  return { ...doc, locks: empty ? others : [...others, next] };
}

/**
 * A lock's own alert choices, replacing the ones it had: a kind left out follows the
 * household's default again.
 */
export function setLockAlerts(doc: StoreDocument, lockId: LockId, alerts: LockAlerts): StoreDocument {
  const chosen = Object.keys(alerts).length > 0 ? { ...alerts } : undefined;
  return withLock(doc, lockId, ({ alerts: _before, ...rest }) => ({
    ...rest,
    ...(chosen ? { alerts: chosen } : {}),
  }));
}

/** When Latchkey last refilled a lock's lost codes on its own (`refill_lost_codes`). */
export function markAutoRefilled(doc: StoreDocument, lockId: LockId, at: string): StoreDocument {
  return withLock(doc, lockId, (before) => ({ ...before, autoRefilledAt: at }));
}
