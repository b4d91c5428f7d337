import { randomUUID } from "node:crypto";
import type { ActivityEntry, ActivityKind } from "../../../src/model/activity";
import type { Options } from "../config";
import { alertKindOf, doorEventAlerts, householdAlerts } from "../core/door-alerts";
import type { Interpretation } from "../core/interpret";
import type { Logger } from "../log/logger";
import type { UserNames } from "../ha/users";
import type { ActivityLog } from "./activity-log";
import { enterLockActivity } from "./lock-activity";
import type { DoorCommands, DoorMove } from "./door-commands";
import type { Journal } from "./journal";
import type { Notifier } from "./notifier";
import type { LatchkeyService } from "./service";

export interface DoorReportDeps {
  service: LatchkeyService;
  activity: ActivityLog;
  notifier: Notifier;
  journal: Journal;
  options: Options;
  log: Logger;
  doors: DoorCommands;
  users: UserNames;
  /** How long a notification of a remote move waits for the state change that says who. */
  graceMs: number;
  now?: () => Date;
}

/** Moves a lock reports as done "from an app or remote": HA's state change may name the person. */
const REMOTE_MOVES: Partial<Record<ActivityKind, DoorMove>> = {
  rf_unlock: "unlocked",
  rf_lock: "locked",
};

const UNLOCKS: ReadonlySet<ActivityKind> = new Set(["keypad_unlock", "manual_unlock", "rf_unlock"]);

/** What the lock says about wrong codes: alerted with the door and the time. */
const WRONG_CODES: ReadonlySet<ActivityKind> = new Set(["wrong_code", "keypad_disabled"]);

/** States a lock reports as a sensor and perhaps also as a notification: entered once. */
const STATES: ReadonlySet<ActivityKind> = new Set(["jammed", "keypad_disabled"]);
const SAME_STATE_WINDOW_MS = 10_000;

/** For a remote move: waits for the state change that may say who (an HA user) and names them. */
async function commanderOf(deps: DoorReportDeps, seen: Interpretation, at: Date): Promise<string | null> {
  const move = REMOTE_MOVES[seen.kind];
  if (!move) return null;
  deps.doors.notificationWaiting(seen.lockId, move);
  await new Promise((resolve) => setTimeout(resolve, deps.graceMs).unref());
  deps.doors.notificationEntered(seen.lockId);
  return deps.users.nameOf(deps.doors.commander(seen.lockId, move, at.getTime()));
}

/** "14:32" in the household's language and time zone. */
function clockTime(at: Date, language: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat(language, { timeZone, hour: "2-digit", minute: "2-digit" }).format(at);
  } catch {
    return at.toISOString().slice(11, 16);
  }
}

/** Reports each door event as it comes, in the background: a failure is logged, never thrown at the source. */
export function doorEventTeller(deps: DoorReportDeps): (seen: Interpretation) => void {
  return (seen) => {
    void reportDoorEvent(deps, seen).catch((error: unknown) => {
      deps.log.error("Handling a lock event failed.", error);
    });
  };
}

/**
 * One thing that happened at a door — from a notification or a lock's state sensor — becomes
 * an activity entry, `latchkey_*` events, and an alert where the household wants one. Returns
 * the entry, or null when the same state was already entered moments ago.
 */
export async function reportDoorEvent(deps: DoorReportDeps, seen: Interpretation): Promise<void> {
  const { service, notifier, options } = deps;
  const now = (deps.now ?? (() => new Date()))();
  if (STATES.has(seen.kind) && alreadyEntered(deps.activity, seen, now)) return;
  // A lock that deleted all its codes itself (a factory reset) lost Latchkey's: told once, as
  // lost codes are (lost-codes-report.ts), with Refill — not per slot as a keypad change is.
  if (seen.kind === "all_codes_deleted_at_lock" && (await service.allCodesDeletedAtLock(seen.lockId))) return;
  const userName = await commanderOf(deps, seen, now);
  const entry: ActivityEntry = {
    id: randomUUID(),
    at: now.toISOString(),
    kind: seen.kind,
    lockId: seen.lockId,
    codeId: seen.codeId,
    codeName: seen.codeName,
    slot: seen.slot,
    userName,
  };
  const lockName = service.locks.lockName(seen.lockId);
  const sentence = await enterLockActivity(deps, entry, lockName);
  const t = service.messages();
  const household = householdAlerts(options);

  if ((seen.kind === "keypad_unlock" || seen.kind === "keypad_lock") && seen.codeId) {
    const code = await service.recordUse(seen.codeId, seen.kind === "keypad_unlock");
    await notifier.fire("latchkey_code_used", {
      code_id: seen.codeId,
      code_name: seen.codeName,
      entity_id: seen.lockId,
      slot: seen.slot,
      method: "keypad",
      action: seen.kind === "keypad_unlock" ? "unlock" : "lock",
    });
    const targets = code && code.notify.targets.length > 0 ? code.notify.targets : options.notify_targets;
    if (code?.rules.burner && seen.kind === "keypad_unlock") {
      // A burner code is for one emergency: it is retired at its first use, and people are told.
      await service.setEnabled(code.id, false);
      // The activity says who: Latchkey itself ("Latchkey disabled Emergency's code").
      await deps.journal.codeEvent("code_disabled", code, "Latchkey", { alert: false });
      await notifier.notify(targets, "Latchkey", t("notify.burner", { sentence }), {
        lockAction: seen.lockId,
      });
      return;
    }
    if (code && seen.kind === "keypad_unlock" && code.uses === code.rules.maxUses)
      // This use was its last: the reconciler takes it off every lock now.
      await deps.journal.codeEvent("code_used_up", code, "Latchkey");
    // Both must want it: the code ("tell me when this code is used", on by default) and, for an
    // unlock, the door ("a code opens it", the lock's own choice or the household's).
    const doorWants =
      alertKindOf(seen.kind) === null ||
      doorEventAlerts(seen.kind, household, service.book.lockAlerts(seen.lockId));
    if (code?.notify.onUse && doorWants)
      await notifier.notify(targets, "Latchkey", sentence, {
        lockAction: UNLOCKS.has(seen.kind) ? seen.lockId : undefined,
      });
    return;
  }
  if (
    seen.kind === "code_added_at_lock" ||
    seen.kind === "code_deleted_at_lock" ||
    seen.kind === "all_codes_deleted_at_lock"
  ) {
    const reason = seen.kind === "code_added_at_lock" ? "changed_at_lock" : "removed_at_lock";
    const slot = seen.kind === "all_codes_deleted_at_lock" ? "all" : seen.slot;
    const { held, echo } =
      slot === null ? { held: [], echo: false } : await service.holdChangedSlots(seen.lockId, slot, reason);
    if (echo) return;
    if (held.length > 0) {
      const names = held.map((c) => c.name).join(", ");
      await notifier.notify(options.notify_targets, "Latchkey", t("notify.held", { sentence, names }));
      return;
    }
  }
  if (WRONG_CODES.has(seen.kind)) {
    // Someone may be trying codes at the door: say when, and offer to lock it if it is open.
    const time = clockTime(now, service.locks.language, service.locks.timeZone);
    const open = service.locks.doorState(seen.lockId) !== "locked";
    const message = t(seen.kind === "wrong_code" ? "notify.wrong_code" : "notify.keypad_disabled", {
      lock: lockName,
      time,
    });
    await notifier.notify(options.notify_targets, "Latchkey", message, {
      lockAction: open ? seen.lockId : undefined,
      tag: `latchkey_wrong_code_${seen.lockId.replace(/^lock\./, "")}`,
    });
    return;
  }
  const alert =
    doorEventAlerts(seen.kind, household, service.book.lockAlerts(seen.lockId)) ||
    (options.notify_keypad_code_changes &&
      (seen.kind === "code_added_at_lock" ||
        seen.kind === "code_deleted_at_lock" ||
        seen.kind === "all_codes_deleted_at_lock"));
  if (alert)
    await notifier.notify(options.notify_targets, "Latchkey", sentence, {
      lockAction: UNLOCKS.has(seen.kind) ? seen.lockId : undefined,
    });
}

/**
 * A state reported both ways (a sensor and a notification, as some bridges do; a lockout as
 * "keypad disabled" and "code limit exceeded") is entered once: it is the lock's newest entry.
 */
function alreadyEntered(activity: ActivityLog, seen: Interpretation, now: Date): boolean {
  const [newest] = activity.list({ lockId: seen.lockId, limit: 1 });
  return newest?.kind === seen.kind && now.getTime() - Date.parse(newest.at) < SAME_STATE_WINDOW_MS;
}
