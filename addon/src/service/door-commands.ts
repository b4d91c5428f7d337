import { DOOR_REPORT_WINDOW_MS } from "../../../src/model/activity";

/**
 * Who in Home Assistant moved a door. HA gives a lock's state change the context of the
 * service call that caused it, with the caller's user id; the lock's own notification of the
 * same move ("unlocked from an app or remote") names nobody and may come first or second. A
 * notification of such a move waits a moment for the state change (and the state change does
 * not enter the move a second time while it waits), so the entry can name the person.
 */
export type DoorMove = "unlocked" | "locked";

export { DOOR_REPORT_WINDOW_MS };

export class DoorCommands {
  /** The newest state change per lock, with the user behind it. */
  private readonly moves = new Map<string, { move: DoorMove; userId: string | null; at: number }>();
  /** Notifications of a move that wait for its state change, per lock. */
  private readonly waiting = new Map<string, DoorMove>();

  constructor(private readonly windowMs = DOOR_REPORT_WINDOW_MS) {}

  stateMoved(lockId: string, move: DoorMove, userId: string | null, at: number): void {
    this.moves.set(lockId, { move, userId, at });
  }

  /** The user whose command moved this door this way around `at`, if HA said who. */
  commander(lockId: string, move: DoorMove, at: number): string | null {
    const seen = this.moves.get(lockId);
    return seen && seen.move === move && Math.abs(seen.at - at) <= this.windowMs ? seen.userId : null;
  }

  notificationWaiting(lockId: string, move: DoorMove): void {
    this.waiting.set(lockId, move);
  }

  notificationEntered(lockId: string): void {
    this.waiting.delete(lockId);
  }

  /** A notification of this move is about to be entered: the state change adds nothing. */
  isWaiting(lockId: string, move: DoorMove): boolean {
    return this.waiting.get(lockId) === move;
  }
}
