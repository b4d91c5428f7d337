import { randomUUID } from "node:crypto";
import type { ActivityEntry } from "../../../src/model/activity";
import type { Code } from "../../../src/model/code";
import type { Lock } from "../../../src/model/lock";
import { codeActionOf, type CodeAction } from "../core/code-actions";
import type { Options } from "../config";
import type { HaClient } from "../ha/client";
import type { HaEventIntake } from "../ha/event-intake";
import type { UserNames } from "../ha/users";
import type { Logger } from "../log/logger";
import type { ActivityLog } from "./activity-log";
import { enterLockActivity } from "./lock-activity";
import type { Notifier } from "./notifier";
import type { LatchkeyService } from "./service";

interface Deps {
  intake: HaEventIntake;
  client: HaClient;
  service: LatchkeyService;
  activity: ActivityLog;
  notifier: Notifier;
  options: Options;
  log: Logger;
  users: UserNames;
  /** How long after someone else's code action to list the lock's codes again (the driver's cache follows the lock). */
  relistAfterMs: number;
  now?: () => Date;
}

/**
 * Codes changed on a lock through Home Assistant by someone else — its own Manage access dialog,
 * a script or an automation calling the zwave_js code actions — are a change outside Latchkey,
 * like one at the keypad: a slot Latchkey owns is held (nothing written over it) until an admin
 * chooses, the household is told, and the lock's codes are listed again so a new code shows as
 * unmanaged. HA echoes every service call on its bus (`call_service`, admin), which is how they
 * are seen; Latchkey's own calls are told apart by being in flight on its own connection.
 */
export function watchHaCodeChanges(deps: Deps): void {
  deps.intake.on("call_service", (event) => {
    const action = codeActionOf(event.data);
    if (!action) return;
    for (const lock of targetedLocks(deps, action)) {
      if (deps.client.isOwnCallInFlight(action.domain, action.service, lock.id)) continue;
      void handle(deps, action, lock, event.userId).catch((error: unknown) => {
        deps.log.error("Handling a code change made in Home Assistant failed.", error);
      });
    }
  });
}

function targetedLocks(deps: Deps, action: CodeAction): Lock[] {
  return deps.service.locks
    .list()
    .filter((lock) => action.entityIds.includes(lock.id) || action.deviceIds.includes(lock.deviceId));
}

async function handle(deps: Deps, action: CodeAction, lock: Lock, userId: string | null): Promise<void> {
  const { service, notifier, options } = deps;
  // The echo comes before the action ran: list the lock's codes once it is done.
  setTimeout(() => {
    service.locks.refreshInBackground();
  }, deps.relistAfterMs).unref();
  const reason = action.change === "set" ? "changed_in_ha" : "removed_in_ha";
  const slots =
    action.matterUser !== null ? await slotsEmptiedBy(deps, lock) : action.slot === null ? [] : [action.slot];
  const held: Code[] = [];
  for (const slot of slots)
    held.push(...(await service.holdChangedSlots(lock.id, slot, reason, { ownEchoes: false })).held);
  const code = held.length === 1 ? held[0] : undefined;
  const entry: ActivityEntry = {
    id: randomUUID(),
    at: (deps.now ?? (() => new Date()))().toISOString(),
    kind: action.change === "set" ? "code_changed_in_ha" : "code_removed_in_ha",
    lockId: lock.id,
    codeId: code?.id ?? null,
    codeName: code?.name ?? null,
    slot: slots.length === 1 && typeof slots[0] === "number" ? slots[0] : null,
    userName: await deps.users.nameOf(userId),
  };
  const sentence = await enterLockActivity(deps, entry, lock.name);
  const t = service.messages();
  if (held.length > 0) {
    const names = held.map((c) => c.name).join(", ");
    await notifier.notify(options.notify_targets, "Latchkey", t("notify.held", { sentence, names }));
    return;
  }
  if (options.notify_keypad_code_changes) await notifier.notify(options.notify_targets, "Latchkey", sentence);
}

/**
 * A Matter user cleared by someone else takes every PIN it holds, and the echo names only the
 * user: once the action has run, the lock is listed again, and Latchkey's slots it no longer
 * holds are the ones that went.
 */
async function slotsEmptiedBy(deps: Deps, lock: Lock): Promise<number[]> {
  const { service } = deps;
  await new Promise((resolve) => setTimeout(resolve, deps.relistAfterMs));
  await service.locks.refresh();
  return service.book.document.claims
    .filter((c) => c.lockId === lock.id && c.observed.status === "set" && c.held === undefined)
    .map((c) => c.slot)
    .filter((slot) => service.locks.found.holding(lock.id, slot) === undefined);
}
