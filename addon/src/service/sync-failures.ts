import type { Operation } from "../core/operations";
import type { Options } from "../config";
import type { Messages } from "../i18n/messages";
import { redact } from "../log/logger";
import type { Notifier } from "./notifier";

export interface SyncFailureDeps {
  notifier: Notifier;
  options: Pick<Options, "notify_sync_failures" | "notify_targets">;
  codeName: (codeId: string) => string | null;
  lockName: (lockId: string) => string;
  secrets: () => string[];
  messages: () => Messages;
}

/**
 * What people and automations hear when a slot keeps failing: a `latchkey_sync_failed` event
 * and, if the option is on, a notification. Once per stuck slot (the sync loop counts).
 */
export function syncFailureReporter(deps: SyncFailureDeps) {
  return (op: Operation, rawReason: string, attempts: number): void => {
    // HA's error text goes into an event and a notification: make sure no PIN rides along.
    const reason = redact(rawReason, deps.secrets());
    const codeName = op.codeId === null ? null : deps.codeName(op.codeId);
    const lock = deps.lockName(op.lockId);
    void deps.notifier.fire("latchkey_sync_failed", {
      code_id: op.codeId,
      code_name: codeName,
      entity_id: op.lockId,
      slot: op.slot,
      // A slot read before writing is part of putting the code on.
      operation: op.kind === "clear" ? "clear" : "set",
      reason,
      attempts,
    });
    if (deps.options.notify_sync_failures) {
      const t = deps.messages();
      const values = { code: codeName ?? t("who.a_code"), lock, attempts, reason };
      void deps.notifier.notify(
        deps.options.notify_targets,
        "Latchkey",
        t(op.kind === "clear" ? "notify.sync_failed_clear" : "notify.sync_failed_set", values),
      );
    }
  };
}
