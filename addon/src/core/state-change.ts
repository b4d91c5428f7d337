import type { ActivityEntry, ActivityKind } from "../../../src/model/activity";

/** The two states a door rests in; "locking", "jammed", "unavailable" and the like are not moves. */
export type RestingState = "locked" | "unlocked";

const UNLOCKED_BY: ReadonlySet<ActivityKind> = new Set<ActivityKind>([
  "keypad_unlock",
  "manual_unlock",
  "rf_unlock",
  "unlocked",
]);
const LOCKED_BY: ReadonlySet<ActivityKind> = new Set<ActivityKind>([
  "keypad_lock",
  "manual_lock",
  "rf_lock",
  "auto_lock",
  "locked",
]);

export function restingState(state: string | undefined): RestingState | undefined {
  return state === "locked" || state === "unlocked" ? state : undefined;
}

/**
 * The door kind a lock entity's state change stands for: it came to rest in the other state
 * than the one it last rested in ("locked" → "unlocking" → "unlocked" is one move). Null when
 * it did not move, or when where it came from is unknown (start-up, coming back online).
 */
export function doorMove(
  lastResting: RestingState | undefined,
  oldState: string | undefined,
  newState: string | undefined,
): "unlocked" | "locked" | null {
  const now = restingState(newState);
  const before = lastResting ?? restingState(oldState);
  if (!now || !before || now === before) return null;
  return now;
}

/**
 * Whether an Access Control notification already told this move: the newest door entry of that
 * lock goes the same way and is no older than `lookbackMs` before the state changed. Locks report
 * the notification and the state in either order, so the caller waits a moment before asking.
 */
export function alreadyTold(
  newest: ActivityEntry | undefined,
  move: "unlocked" | "locked",
  changedAt: number,
  lookbackMs: number,
): boolean {
  if (!newest) return false;
  const sameWay = move === "unlocked" ? UNLOCKED_BY.has(newest.kind) : LOCKED_BY.has(newest.kind);
  return sameWay && Date.parse(newest.at) >= changedAt - lookbackMs;
}

/**
 * What a Matter lock's `changed_by` (HA 2026.11 names the operation source of the lock's newest
 * LockOperation event with it) says about a move. HA hands on the source only, not the user or
 * credential index, so a keypad move cannot name the code. Null where the source says nothing
 * beyond the move itself (Remote: someone in HA or an app; Unknown before the first operation).
 */
export function matterMoveKind(changedBy: unknown, move: "unlocked" | "locked"): ActivityKind | null {
  const unlocked = move === "unlocked";
  switch (changedBy) {
    case "Keypad":
      return unlocked ? "keypad_unlock" : "keypad_lock";
    case "Manual":
    case "Button":
      return unlocked ? "manual_unlock" : "manual_lock";
    case "Auto":
    case "Schedule":
      return unlocked ? null : "auto_lock";
    default:
      return null;
  }
}
