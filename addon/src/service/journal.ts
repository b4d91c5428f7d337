import { randomUUID } from "node:crypto";
import type { ActivityEntry, ActivityKind } from "../../../src/model/activity";
import type { PublicCode } from "../../../src/model/code";
import type { LockId } from "../../../src/model/primitives";
import { codeAlert, type CodeChange } from "../core/code-alerts";
import type { Messages } from "../i18n/messages";
import type { ActivityLog } from "./activity-log";
import type { Notifier } from "./notifier";

const ACTION: Partial<Record<ActivityKind, string>> = {
  code_created: "added",
  code_updated: "updated",
  code_deleted: "removed",
  code_enabled: "enabled",
  code_disabled: "disabled",
  code_expired: "expired",
  code_used_up: "used_up",
};

/** Where alerts about changes to codes go, and in which words. */
export interface CodeChangeAlerts {
  /** The household's choice (option notify_code_changes, on by default). */
  enabled: boolean;
  targets: readonly string[];
  messages: () => Messages;
  language: () => string;
  lockName: (id: LockId) => string;
}

export interface CodeEventDetail {
  /** What an edit changed (for code_updated). */
  changes?: readonly CodeChange[];
  formerName?: string | undefined;
  /** False where the caller sends its own, fuller alert (a burner code retired at its first use). */
  alert?: boolean;
}

/**
 * Records what happens to codes — done by people through Latchkey or by its own rules: an
 * activity entry (reveals and shares too, as the design promises), for changes a
 * `latchkey_code_changed` event and an alert naming the code, its doors and who. No PIN.
 */
export class Journal {
  private notifier: Notifier | null = null;
  private alerts: CodeChangeAlerts | null = null;

  constructor(
    readonly activity: ActivityLog,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Events can be fired and alerts sent once HA is connected. */
  connect(notifier: Notifier, alerts?: CodeChangeAlerts): void {
    this.notifier = notifier;
    this.alerts = alerts ?? null;
  }

  async codeEvent(
    kind: ActivityKind,
    code: Pick<PublicCode, "id" | "name" | "lockIds">,
    /** Who did it: an HA user, or "Latchkey" when it acted by itself (a burner code retired at its first use). */
    userName: string,
    detail: CodeEventDetail = {},
  ): Promise<void> {
    const entry: ActivityEntry = {
      id: randomUUID(),
      at: this.now().toISOString(),
      kind,
      lockId: null,
      codeId: code.id,
      codeName: code.name,
      slot: null,
      userName,
    };
    await this.activity.append(entry);
    const action = ACTION[kind];
    if (!action) return;
    await this.notifier?.fire("latchkey_code_changed", {
      action,
      code_id: code.id,
      code_name: code.name,
      locks: code.lockIds,
      user_name: userName,
      ...(detail.changes ? { changes: detail.changes } : {}),
    });
    const alerts = this.alerts;
    if (!alerts?.enabled || detail.alert === false || !this.notifier) return;
    const message = codeAlert(
      { kind, code, userName, changes: detail.changes, formerName: detail.formerName },
      alerts.lockName,
      alerts.language(),
      alerts.messages(),
    );
    if (message) await this.notifier.notify(alerts.targets, "Latchkey", message);
  }
}
