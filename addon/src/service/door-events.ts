import { randomUUID } from "node:crypto";
import type { ActivityEntry } from "../../../src/model/activity";
import type { Options } from "../config";
import {
  describeActivity,
  interpretNotification,
  ZwaveNotificationSchema,
  type Interpretation,
} from "../core/interpret";
import type { HaClient } from "../ha/client";
import type { HaEventIntake } from "../ha/event-intake";
import type { Logger } from "../log/logger";
import type { ActivityLog } from "./activity-log";
import type { DoorCommands, DoorMove } from "./door-commands";
import { lockOfAction } from "./lock-action";
import type { Journal } from "./journal";
import type { Notifier } from "./notifier";
import type { LatchkeyService } from "./service";
import type { UserNames } from "../ha/users";

interface Deps {
  client: HaClient;
  journal: Journal;
  intake: HaEventIntake;
  service: LatchkeyService;
  activity: ActivityLog;
  notifier: Notifier;
  options: Options;
  log: Logger;
  doors: DoorCommands;
  users: UserNames;
  /** How long a notification of a remote move waits for the state change that says who. */
  graceMs: number;
  now?: () => Date;
}

/** Moves a lock reports as done "from an app or remote": HA's state change may name the person. */
const REMOTE_MOVES: Partial<Record<Interpretation["kind"], DoorMove>> = {
  rf_unlock: "unlocked",
  rf_lock: "locked",
};

/**
 * Turns the locks' Access Control notifications into activity entries, alerts and
 * `latchkey_*` events. Subscribing needs an admin token, which the add-on has.
 */
export function watchDoorEvents(deps: Deps): (seen: Interpretation) => void {
  const tell = (seen: Interpretation) => {
    void handle(deps, seen).catch((error: unknown) => {
      deps.log.error("Handling a lock event failed.", error);
    });
  };
  deps.intake.on("zwave_js_notification", (event) => {
    const parsed = ZwaveNotificationSchema.safeParse(event.data);
    if (!parsed.success) return;
    const seen = interpretNotification(parsed.data, deps.service.interpretContext());
    if (seen) tell(seen);
  });
  // "Lock it" tapped on a phone notification.
  deps.intake.on("mobile_app_notification_action", (event) => {
    const lockId = lockOfAction(event.data.action);
    if (!lockId || !deps.service.interpretContext().locks.some((l) => l.id === lockId)) return;
    deps.log.info(`Locking ${deps.service.locks.lockName(lockId)} from a phone notification.`);
    void deps.client.callService("lock", "lock", {}, { entity_id: lockId }).catch((error: unknown) => {
      deps.log.warn(`Could not lock ${deps.service.locks.lockName(lockId)} from the notification.`, error);
    });
  });
  return tell;
}

const UNLOCKS: ReadonlySet<string> = new Set(["keypad_unlock", "manual_unlock", "rf_unlock"]);

/** For a remote move: waits for the state change that may say who (an HA user) and names them. */
async function commanderOf(deps: Deps, seen: Interpretation, at: Date): Promise<string | null> {
  const move = REMOTE_MOVES[seen.kind];
  if (!move) return null;
  deps.doors.notificationWaiting(seen.lockId, move);
  await new Promise((resolve) => setTimeout(resolve, deps.graceMs).unref());
  deps.doors.notificationEntered(seen.lockId);
  return deps.users.nameOf(deps.doors.commander(seen.lockId, move, at.getTime()));
}

async function handle(deps: Deps, seen: Interpretation): Promise<void> {
  const { service, notifier, options } = deps;
  const now = (deps.now ?? (() => new Date()))();
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
  await deps.activity.append(entry);
  service.announceActivity();
  const lockName = service.locks.lockName(seen.lockId);
  deps.log.info(describeActivity(entry, lockName));
  const t = service.messages();
  const sentence = describeActivity(entry, lockName, t);
  await notifier.fire("latchkey_lock_activity", {
    entity_id: seen.lockId,
    kind: seen.kind,
    code_id: seen.codeId,
    code_name: seen.codeName,
    slot: seen.slot,
    user_name: userName,
  });

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
      await deps.journal.codeEvent("code_disabled", code, "Latchkey");
      await notifier.notify(targets, "Latchkey", t("notify.burner", { sentence }), seen.lockId);
      return;
    }
    if (code?.notify.onUse)
      await notifier.notify(targets, "Latchkey", sentence, UNLOCKS.has(seen.kind) ? seen.lockId : undefined);
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
  const alert =
    (seen.kind === "manual_unlock" && options.notify_manual_unlock) ||
    (seen.kind === "jammed" && options.notify_jammed) ||
    (options.notify_keypad_code_changes &&
      (seen.kind === "code_added_at_lock" ||
        seen.kind === "code_deleted_at_lock" ||
        seen.kind === "all_codes_deleted_at_lock"));
  if (alert)
    await notifier.notify(
      options.notify_targets,
      "Latchkey",
      sentence,
      UNLOCKS.has(seen.kind) ? seen.lockId : undefined,
    );
}
