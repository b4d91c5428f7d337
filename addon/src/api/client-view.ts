import { STATE_ACTIVITY_KINDS, type ActivityEntry } from "../../../src/model/activity";
import type { WireError } from "../../../src/model/errors";
import type { ProblemValues } from "../../../src/model/problem-texts";
import type { Snapshot } from "../../../src/model/protocol";
import type { SyncStatus } from "../../../src/model/slot";
import { problemTexts } from "../i18n/problems";

/**
 * What one connected client is sent, given its hello: a card from before a feature gets nothing
 * its parser would refuse (it would drop the whole snapshot otherwise), and what the add-on
 * reports by key reads in the language the card named.
 */
export class ClientView {
  private readonly stateActivity: boolean;
  private readonly problems: ReturnType<typeof problemTexts>;

  constructor(features: readonly string[] | undefined, language?: string) {
    this.stateActivity = features?.includes("state_activity") ?? false;
    this.problems = problemTexts(language);
  }

  entries(entries: ActivityEntry[]): ActivityEntry[] {
    return this.stateActivity ? entries : entries.filter((e) => !STATE_ACTIVITY_KINDS.has(e.kind));
  }

  snapshot(snapshot: Snapshot): Snapshot {
    const sync = Object.fromEntries(
      Object.entries(snapshot.sync).map(([codeId, perLock]) => [codeId, this.syncStatuses(perLock)]),
    );
    if (this.stateActivity) return { ...snapshot, sync };
    const lastActivity = Object.fromEntries(
      Object.entries(snapshot.lastActivity).filter(([, entry]) => !STATE_ACTIVITY_KINDS.has(entry.kind)),
    );
    return { ...snapshot, sync, lastActivity };
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
