import { randomUUID } from "node:crypto";
import type { ActivityEntry, ActivityKind } from "../../../src/model/activity";
import type { PublicCode } from "../../../src/model/code";
import type { ActivityLog } from "./activity-log";
import type { Notifier } from "./notifier";

const ACTION: Partial<Record<ActivityKind, string>> = {
  code_created: "added",
  code_updated: "updated",
  code_deleted: "removed",
  code_enabled: "enabled",
  code_disabled: "disabled",
};

/**
 * Records what people do to codes through Latchkey: an activity entry (reveals and shares
 * too, as the design promises) and, for changes, a `latchkey_code_changed` event. No PIN.
 */
export class Journal {
  private notifier: Notifier | null = null;

  constructor(
    readonly activity: ActivityLog,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Events can be fired once HA is connected. */
  connect(notifier: Notifier): void {
    this.notifier = notifier;
  }

  async codeEvent(
    kind: ActivityKind,
    code: Pick<PublicCode, "id" | "name" | "lockIds">,
    /** Who did it: an HA user, or "Latchkey" when it acted by itself (a burner code retired at its first use). */
    userName: string,
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
    if (action)
      await this.notifier?.fire("latchkey_code_changed", {
        action,
        code_id: code.id,
        code_name: code.name,
        locks: code.lockIds,
      });
  }
}
