import {
  ALERT_ACTIVITY_KINDS,
  HA_CODE_CHANGE_KINDS,
  LOST_CODES_KINDS,
  STATE_ACTIVITY_KINDS,
  type ActivityEntry,
} from "../../../src/model/activity";
import type { WireError } from "../../../src/model/errors";
import type { ProblemValues } from "../../../src/model/problem-texts";
import type { Snapshot } from "../../../src/model/protocol";
import type { HeldSlot, HoldReason, SyncStatus } from "../../../src/model/slot";
import { problemTexts } from "../i18n/problems";

/**
 * What one connected client is sent, given its hello: a card from before a feature gets nothing
 * its parser would refuse (it would drop the whole snapshot otherwise), and what the add-on
 * reports by key reads in the language the card named.
 */
/** For a card from before "ha_code_changes": the nearest reason it knows. */
const KEYPAD_REASON: Record<HoldReason, HoldReason> = {
  changed_at_lock: "changed_at_lock",
  removed_at_lock: "removed_at_lock",
  changed_in_ha: "changed_at_lock",
  removed_in_ha: "removed_at_lock",
  codes_lost: "removed_at_lock",
};

export class ClientView {
  private readonly stateActivity: boolean;
  private readonly haCodeChanges: boolean;
  private readonly alertActivity: boolean;
  private readonly lostCodes: boolean;
  private readonly problems: ReturnType<typeof problemTexts>;

  constructor(features: readonly string[] | undefined, language?: string) {
    this.stateActivity = features?.includes("state_activity") ?? false;
    this.haCodeChanges = features?.includes("ha_code_changes") ?? false;
    this.alertActivity = features?.includes("alert_activity") ?? false;
    this.lostCodes = features?.includes("lost_codes") ?? false;
    this.problems = problemTexts(language);
  }

  entries(entries: ActivityEntry[]): ActivityEntry[] {
    return entries.filter((e) => this.understands(e));
  }

  snapshot(snapshot: Snapshot): Snapshot {
    const sync = Object.fromEntries(
      Object.entries(snapshot.sync).map(([codeId, perLock]) => [codeId, this.syncStatuses(perLock)]),
    );
    const lastActivity = Object.fromEntries(
      Object.entries(snapshot.lastActivity).filter(([, entry]) => this.understands(entry)),
    );
    const held: HeldSlot[] = snapshot.held.map((slot) => ({ ...slot, reason: this.holdReason(slot.reason) }));
    return { ...snapshot, sync, lastActivity, held };
  }

  /** A hold reason as this client knows it: a card from before a reason gets the nearest it has. */
  private holdReason(reason: HoldReason): HoldReason {
    if (reason === "codes_lost") return this.lostCodes ? reason : KEYPAD_REASON[reason];
    return this.haCodeChanges ? reason : KEYPAD_REASON[reason];
  }

  private understands(entry: ActivityEntry): boolean {
    if (!this.lostCodes && LOST_CODES_KINDS.has(entry.kind)) return false;
    if (!this.stateActivity && STATE_ACTIVITY_KINDS.has(entry.kind)) return false;
    if (!this.alertActivity && ALERT_ACTIVITY_KINDS.has(entry.kind)) return false;
    return this.haCodeChanges || !HA_CODE_CHANGE_KINDS.has(entry.kind);
  }

  /** An error in the client's language where the add-on reported it by key. */
  error(error: WireError): WireError {
    const message = this.text(error);
    return message === undefined ? error : { ...error, message };
  }

  private syncStatuses(perLock: Record<string, SyncStatus>): Record<string, SyncStatus> {
    return Object.fromEntries(
      Object.entries(perLock).map(([lockId, status]) => [lockId, this.syncStatus(status)]),
    );
  }

  private syncStatus(status: SyncStatus): SyncStatus {
    if (status.state !== "failed" && status.state !== "waiting") return status;
    const reason = this.text(status);
    return reason === undefined ? status : { ...status, reason };
  }

  private text(found: {
    problem?: string | undefined;
    values?: ProblemValues | undefined;
  }): string | undefined {
    return found.problem === undefined ? undefined : this.problems.lookup(found.problem, found.values);
  }
}
