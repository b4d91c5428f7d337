/** Pure helpers for showing a code's per-lock sync state. */
import type { PublicCode } from "../model/code";
import type { Snapshot } from "../model/protocol";
import type { SyncStatus } from "../model/slot";
import type { TranslationKey } from "./i18n";

export interface LockChip {
  lockId: string;
  lockName: string;
  state: SyncStatus["state"];
  /** Why it is not synced, when the add-on says. */
  detail: string | null;
}

export function syncKey(state: SyncStatus["state"]): TranslationKey {
  return `sync.${state}`;
}

function detailOf(status: SyncStatus): string | null {
  switch (status.state) {
    case "failed":
    case "waiting":
      return status.reason;
    case "pending":
    case "syncing":
    case "synced":
    case "unverified":
      return null;
  }
}

/** One chip per lock the code is on; a lock without a reported status counts as pending. */
export function lockChips(code: PublicCode, snapshot: Snapshot): LockChip[] {
  return code.lockIds.map((lockId) => {
    const status: SyncStatus = snapshot.sync[code.id]?.[lockId] ?? { state: "pending" };
    const lockName = snapshot.locks.find((l) => l.id === lockId)?.name ?? lockId;
    return { lockId, lockName, state: status.state, detail: detailOf(status) };
  });
}
