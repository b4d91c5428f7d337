import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { ActivityEntry } from "../../../src/model/activity";
import type { Interpretation } from "../core/interpret";
import { alreadyTold, doorMove, matterMoveKind, restingState, type RestingState } from "../core/state-change";
import type { HaEventIntake } from "../ha/event-intake";
import type { Logger } from "../log/logger";
import type { ActivityLog } from "./activity-log";
import { enterLockActivity } from "./lock-activity";
import { DOOR_REPORT_WINDOW_MS, type DoorCommands } from "./door-commands";
import type { Notifier } from "./notifier";
import type { LatchkeyService } from "./service";
import type { UserNames } from "../ha/users";

const StateSchema = z.object({ state: z.string() }).loose();
const stateOf = (raw: unknown): string | undefined => StateSchema.safeParse(raw).data?.state;
const ChangedBySchema = z.object({ attributes: z.object({ changed_by: z.string() }).loose() }).loose();
const changedByOf = (raw: unknown): string | undefined =>
  ChangedBySchema.safeParse(raw).data?.attributes.changed_by;

interface Deps {
  intake: HaEventIntake;
  service: LatchkeyService;
  activity: ActivityLog;
  notifier: Notifier;
  log: Logger;
  doors: DoorCommands;
  users: UserNames;
  /** How long to wait after a state change for the notification that explains it. */
  graceMs: number;
  /** Handles a door move the way a lock's own report of it is handled (door-events.ts). */
  tell?: (seen: Interpretation) => void;
  now?: () => number;
}

/**
 * A lock that sends no Access Control notification for an operation (some do not for remote
 * commands, older ones for anything) still changes state. Such a move becomes an activity entry
 * that says only that the door was unlocked or locked, and who did it when a person did it in
 * Home Assistant; a move a notification already told ("Mom unlocked it with the keypad") is not
 * entered twice.
 */
export function watchLockStates(deps: Deps): void {
  const now = deps.now ?? Date.now;
  const resting = new Map<string, RestingState>();
  // A Matter lock's newest operation source: HA may write it just before or after the new state.
  const changedBy = new Map<string, string>();
  deps.intake.on("state_changed", (event) => {
    const entityId = event.data.entity_id;
    // Every state change in the home passes here: the cheap checks first.
    if (
      typeof entityId !== "string" ||
      !entityId.startsWith("lock.") ||
      !deps.service.locks.hasLock(entityId)
    )
      return;
    const newState = stateOf(event.data.new_state);
    const source = changedByOf(event.data.new_state);
    if (source !== undefined) changedBy.set(entityId, source);
    const move = doorMove(resting.get(entityId), stateOf(event.data.old_state), newState);
    const rest = restingState(newState);
    if (rest) resting.set(entityId, rest);
    else if (newState === "unavailable" || newState === "unknown") resting.delete(entityId);
    if (!move) return;
    const changedAt = now();
    deps.doors.stateMoved(entityId, move, event.userId, changedAt);
    setTimeout(() => {
      const matter =
        deps.service.interpretContext().locks.find((l) => l.id === entityId)?.protocol === "matter";
      const kind = matter ? matterMoveKind(changedBy.get(entityId), move) : null;
      // A keypad or hand move on a Matter lock is told like a Z-Wave lock's report of one.
      if (kind && deps.tell) {
        deps.tell({ kind, lockId: entityId, slot: null, codeId: null, codeName: null });
        return;
      }
      void record(deps, entityId, move, changedAt).catch((error: unknown) => {
        deps.log.error("Recording a lock's state change failed.", error);
      });
    }, deps.graceMs).unref();
  });
}

async function record(
  deps: Deps,
  lockId: string,
  move: "unlocked" | "locked",
  changedAt: number,
): Promise<void> {
  const newest = deps.activity.lastDoorActivity().find((e) => e.lockId === lockId);
  if (alreadyTold(newest, move, changedAt, DOOR_REPORT_WINDOW_MS) || deps.doors.isWaiting(lockId, move))
    return;
  const userName = await deps.users.nameOf(deps.doors.commander(lockId, move, changedAt));
  const entry: ActivityEntry = {
    id: randomUUID(),
    at: new Date(changedAt).toISOString(),
    kind: move,
    lockId,
    codeId: null,
    codeName: null,
    slot: null,
    userName,
  };
  await enterLockActivity(deps, entry, deps.service.locks.lockName(lockId));
}
