/** Pure helpers for showing a code's per-lock sync state. */
import type { PublicCode } from "../../model/code";
import type { Snapshot } from "../../model/protocol";
import type { SyncStatus } from "../../model/slot";
import type { Translate, TranslationKey } from "../i18n/card-translations";
import { problemText } from "./problem-text";

export interface LockChip {
  lockId: string;
  lockName: string;
  state: SyncStatus["state"];
  /** Why it is not synced, when the add-on says: English, and by key where Latchkey found it. */
  detail: {
    message: string;
    problem?: string | undefined;
    values?: Record<string, string | number> | undefined;
  } | null;
  /** The lock's user-code slot Latchkey uses for this code, once it has one. */
  slot: number | null;
}

export function syncKey(state: SyncStatus["state"]): TranslationKey {
  return `sync.${state}`;
}

function detailOf(status: SyncStatus): LockChip["detail"] {
  switch (status.state) {
    case "failed":
    case "waiting":
      return { message: status.reason, problem: status.problem, values: status.values };
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
    return {
      lockId,
      lockName,
      state: status.state,
      detail: detailOf(status),
      slot: snapshot.slots[code.id]?.[lockId] ?? null,
    };
  });
}

/** The chip's tooltip: the slot it uses on that lock (handy at the keypad), and why it is not synced. */
export function chipTitle(chip: LockChip, t: Translate): string {
  const detail = chip.detail ? problemText(chip.detail, t) : null;
  return [chip.slot === null ? null : t("sync.slot", { slot: chip.slot }), detail]
    .filter((part) => part !== null)
    .join(" · ");
}
