import type { ActivityEntry } from "../../../src/model/activity";
import { describeActivity } from "../core/interpret";
import type { Logger } from "../log/logger";
import type { ActivityLog } from "./activity-log";
import type { Notifier } from "./notifier";
import type { LatchkeyService } from "./service";

interface Deps {
  activity: ActivityLog;
  service: LatchkeyService;
  notifier: Notifier;
  log: Logger;
}

/**
 * What happened at a lock, entered once: the activity log (and the cards told), the add-on's
 * log in English, and `latchkey_lock_activity` for automations. Returns the sentence in the
 * household's language, for an alert.
 */
export async function enterLockActivity(deps: Deps, entry: ActivityEntry, lockName: string): Promise<string> {
  await deps.activity.append(entry);
  deps.service.announceActivity();
  deps.log.info(describeActivity(entry, lockName));
  await deps.notifier.fire("latchkey_lock_activity", {
    entity_id: entry.lockId,
    kind: entry.kind,
    code_id: entry.codeId,
    code_name: entry.codeName,
    slot: entry.slot,
    user_name: entry.userName,
  });
  return describeActivity(entry, lockName, deps.service.messages());
}
