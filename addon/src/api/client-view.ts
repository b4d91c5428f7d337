import { STATE_ACTIVITY_KINDS, type ActivityEntry } from "../../../src/model/activity";
import type { Snapshot } from "../../../src/model/protocol";

/**
 * What one connected client is sent, given the features its hello named: a card from before a
 * feature gets nothing its parser would refuse (it would drop the whole snapshot otherwise).
 */
export class ClientView {
  private readonly stateActivity: boolean;

  constructor(features: readonly string[] | undefined) {
    this.stateActivity = features?.includes("state_activity") ?? false;
  }

  entries(entries: ActivityEntry[]): ActivityEntry[] {
    return this.stateActivity ? entries : entries.filter((e) => !STATE_ACTIVITY_KINDS.has(e.kind));
  }

  snapshot(snapshot: Snapshot): Snapshot {
    if (this.stateActivity) return snapshot;
    const lastActivity = Object.fromEntries(Object.entries(snapshot.lastActivity).filter(([, entry]) => !STATE_ACTIVITY_KINDS.has(entry.kind)));
    return { ...snapshot, lastActivity };
  }
}
