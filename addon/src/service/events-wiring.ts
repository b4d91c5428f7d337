import type { Options } from "../config";
import type { HaClient } from "../ha/client";
import { HaEventIntake } from "../ha/event-intake";
import { UserNames } from "../ha/users";
import type { Logger } from "../log/logger";
import type { ActivityLog } from "./activity-log";
import { DoorCommands } from "./door-commands";
import { watchDoorEvents } from "./door-events";
import { doorEventTeller } from "./door-report";
import { watchLockSensors } from "./lock-sensors";
import type { Journal } from "./journal";
import { Notifier } from "./notifier";
import type { LatchkeyService } from "./service";
import { watchHaCodeChanges } from "./ha-code-changes";
import { watchLockStates } from "./state-activity";
import { syncFailureReporter } from "./sync-failures";
import { lostCodesReporter } from "./lost-codes-report";
import type { RefusalNotices } from "../zwave/refusal-notices";

export interface EventsWiring {
  ha: HaClient;
  service: LatchkeyService;
  activity: ActivityLog;
  journal: Journal;
  options: Options;
  log: Logger;
  /** How long a lock's state change and its notification wait for each other. */
  stateGraceMs: number;
  /** How long after another client's code action the lock's codes are listed again. */
  relistAfterCodeActionMs: number;
  /** Where the locks' duplicate-code refusals go, for the writer that caused them. */
  refusals: RefusalNotices;
}

/**
 * What Latchkey hears from HA and tells it: every HA event comes in once (ha/event-intake.ts)
 * and goes to each part that needs it — the lock directory (availability), the door activity
 * (notifications and state changes), "Lock it" from a phone — and sync failures and code
 * changes go out as notifications and `latchkey_*` events.
 */
export async function wireHaEvents(wiring: EventsWiring): Promise<Notifier> {
  const { ha, service, activity, options, log } = wiring;
  const notifier = new Notifier(ha, log, () => service.messages());
  wiring.journal.connect(notifier, {
    enabled: options.notify_code_changes,
    targets: options.notify_targets,
    messages: () => service.messages(),
    language: () => service.locks.language,
    lockName: (id) => service.locks.lockName(id),
  });
  // Who moved a door in HA: a lock's notification and its state change meet here (door-commands.ts).
  const doors = new DoorCommands();
  const users = new UserNames(ha, log);
  const intake = new HaEventIntake();
  intake.on("state_changed", (event) => {
    const entityId = event.data.entity_id;
    if (typeof entityId === "string")
      service.locks.stateChanged(entityId, event.data.new_state, event.data.old_state);
  });
  const shared = {
    intake,
    service,
    activity,
    notifier,
    journal: wiring.journal,
    log,
    doors,
    users,
    graceMs: wiring.stateGraceMs,
  };
  watchDoorEvents({ ...shared, client: ha, options });
  intake.on("zwave_js_notification", (event) => {
    wiring.refusals.hear(event.data);
  });
  watchLockSensors({ ...shared, options });
  // A keypad or hand move on a Matter lock, seen in its state, is told like a Z-Wave lock's report.
  watchLockStates({ ...shared, tell: doorEventTeller({ ...shared, options }) });
  watchHaCodeChanges({
    ...shared,
    client: ha,
    options,
    relistAfterMs: wiring.relistAfterCodeActionMs,
  });
  service.loop.onSyncFailure(
    syncFailureReporter({
      notifier,
      options,
      codeName: (id) => service.book.codeName(id),
      lockName: (id) => service.locks.lockName(id),
      secrets: () => service.secrets(),
      messages: () => service.messages(),
    }),
  );
  service.onCodesLost(lostCodesReporter({ service, activity, notifier, options, log }));
  await intake.start(ha);
  return notifier;
}
