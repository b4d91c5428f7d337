/** Pure helpers for showing a code's per-lock sync state. */
import type { PublicCode } from "../../model/code";
import type { Snapshot } from "../../model/protocol";
import type { ClearingSlot, SyncStatus } from "../../model/slot";
import type { Translate, TranslationKey } from "../i18n/card-translations";
import { problemText } from "./problem-text";

/**
 * What a chip says about one lock. A code that is off its locks (disabled, outside its hours)
 * is synced when the lock no longer holds it: that reads "off the lock", never "synced".
 */
export type ChipState =
  | SyncStatus["state"]
  | "off"
  | "off_unverified"
  | "removing"
  | "removed"
  | "pin_hidden"
  | "no_answer"
  | "refused";

export interface LockChip {
  lockId: string;
  lockName: string;
  state: ChipState;
  /** Why it is not synced, when the add-on says: English, and by key where Latchkey found it. */
  detail: {
    message: string;
    problem?: string | undefined;
    values?: Record<string, string | number> | undefined;
  } | null;
  /** The lock's user-code slot Latchkey uses for this code, once it has one. */
  slot: number | null;
  /** A Matter lock confirms that a PIN is there, never which: "synced" means that there (only chips of codes on a lock say). */
  matter?: boolean;
}

export function syncKey(state: ChipState): TranslationKey {
  return `sync.${state}`;
}

function detailOf(status: SyncStatus): LockChip["detail"] {
  switch (status.state) {
    case "failed":
    case "waiting":
      return { message: status.reason, problem: status.problem, values: status.values };
    case "unverified":
      return status.reason === undefined
        ? null
        : { message: status.reason, problem: status.problem, values: status.values };
    case "pending":
    case "syncing":
    case "synced":
      return null;
  }
}

/**
 * A lock's own quirk, said on the chip itself: it took the PIN but hides PINs, it never answered,
 * or it refused the PIN (never retried). None of them reads "synced": the lock did not confirm.
 */
function quirkState(status: SyncStatus): ChipState {
  if (status.state === "unverified" && status.why) return status.why;
  if (status.state === "failed" && status.problem === "sync_reason.refused_duplicate") return "refused";
  return status.state;
}

/** A status of a slot that should be empty: the lock no longer holds it, or it is on its way off. */
function emptyingState(state: SyncStatus["state"]): ChipState {
  switch (state) {
    case "synced":
      return "off";
    case "unverified":
      return "off_unverified";
    case "pending":
    case "syncing":
      return "removing";
    case "failed":
    case "waiting":
      return state;
  }
}

const lockNameIn = (snapshot: Snapshot, lockId: string) =>
  snapshot.locks.find((l) => l.id === lockId)?.name ?? lockId;

/** A slot being cleared, as a chip: "removing", or why it is not empty yet. */
export function clearingChip(entry: ClearingSlot, snapshot: Snapshot): LockChip {
  const status: SyncStatus = entry.status ?? { state: "pending" };
  return {
    lockId: entry.lockId,
    lockName: lockNameIn(snapshot, entry.lockId),
    state: status.state === "failed" || status.state === "waiting" ? status.state : "removing",
    detail: detailOf(status),
    slot: entry.slot,
  };
}

/**
 * One chip per lock the code is on (a lock without a reported status counts as pending), and
 * one per lock it was just taken off while that lock is being emptied.
 */
export function lockChips(code: PublicCode, snapshot: Snapshot): LockChip[] {
  const off = code.id in snapshot.offLocks || !code.enabled;
  const on = code.lockIds.map((lockId): LockChip => {
    const status: SyncStatus = snapshot.sync[code.id]?.[lockId] ?? { state: "pending" };
    const lock = snapshot.locks.find((l) => l.id === lockId);
    return {
      lockId,
      lockName: lockNameIn(snapshot, lockId),
      state: off ? emptyingState(status.state) : quirkState(status),
      detail: detailOf(status),
      slot: snapshot.slots[code.id]?.[lockId] ?? null,
      matter: lock?.protocol === "matter",
    };
  });
  const leaving = snapshot.clearing
    .filter((entry) => entry.codeId === code.id && !code.lockIds.includes(entry.lockId))
    .map((entry) => clearingChip(entry, snapshot));
  return [...on, ...leaving];
}

/** The chip's tooltip: the slot it uses on that lock (handy at the keypad), and why it is not synced. */
export function chipTitle(chip: LockChip, t: Translate): string {
  const detail = chip.detail
    ? problemText(chip.detail, t)
    : chip.matter && chip.state === "synced"
      ? t("sync.synced_matter")
      : null;
  return [chip.slot === null ? null : t("sync.slot", { slot: chip.slot }), detail]
    .filter((part) => part !== null)
    .join(" · ");
}
