import { LockIdSchema, type LockId } from "../../../src/model/primitives";

/**
 * The "Lock it" button on a phone notification. The mobile app sends the action id back in a
 * `mobile_app_notification_action` event; the lock it names is in the id itself.
 */
const PREFIX = "LATCHKEY_LOCK:";

export function lockActionId(lockId: LockId): string {
  return `${PREFIX}${lockId}`;
}

export function lockOfAction(action: unknown): LockId | null {
  if (typeof action !== "string" || !action.startsWith(PREFIX)) return null;
  const lockId = LockIdSchema.safeParse(action.slice(PREFIX.length));
  return lockId.success ? lockId.data : null;
}
