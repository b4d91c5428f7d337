import { randomUUID } from "node:crypto";
import type { Options } from "../config";
import type { Logger } from "../log/logger";
import type { ActivityLog } from "./activity-log";
import { enterLockActivity } from "./lock-activity";
import type { Notifier } from "./notifier";
import type { LatchkeyService, LostCodes } from "./service";

interface Deps {
  service: LatchkeyService;
  activity: ActivityLog;
  notifier: Notifier;
  options: Options;
  log: Logger;
}

/**
 * Tells of a lock that lost Latchkey's codes, once: an activity entry, `latchkey_codes_lost` for
 * automations, and one alert naming the lock, how many codes and whose — never a PIN.
 */
export function lostCodesReporter(deps: Deps): (lost: LostCodes) => Promise<void> {
  return async ({ lockId, codes, slots, refilled }) => {
    const { service, notifier, options } = deps;
    const lockName = service.locks.lockName(lockId);
    const entry = {
      id: randomUUID(),
      at: new Date().toISOString(),
      kind: "codes_lost_at_lock" as const,
      lockId,
      codeId: null,
      codeName: null,
      slot: null,
      userName: null,
    };
    await enterLockActivity(deps, entry, lockName);
    const names = codes.map((c) => c.name);
    await notifier.fire("latchkey_codes_lost", {
      entity_id: lockId,
      count: slots.length,
      slots,
      code_ids: codes.map((c) => c.id),
      code_names: names,
      refilled,
    });
    const t = service.messages();
    const values = { lock: lockName, count: slots.length, names: names.join(", ") };
    await notifier.notify(
      options.notify_targets,
      "Latchkey",
      t(refilled ? "notify.codes_refilled" : "notify.codes_lost", values),
      { tag: `latchkey_codes_lost_${lockId.replace(/^lock\./, "")}` },
    );
  };
}
