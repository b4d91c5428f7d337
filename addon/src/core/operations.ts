import type { CodeId, LockId } from "../../../src/model/primitives";
import type { SyncReason } from "../../../src/model/problem-texts";
import type { syncReason } from "../../../src/model/slot";

/**
 * What the sync engine plans (core) and carries out (sync): one step on one slot — write a PIN,
 * clear it, or read what it holds before anything is written. `codeId` names the code the slot
 * is for (null for a slot cleared at an admin's request). Both sides import these from here,
 * so neither imports the other.
 */
export type Operation =
  | { kind: "set"; lockId: LockId; slot: number; codeId: CodeId | null; pin: string }
  | { kind: "clear"; lockId: LockId; slot: number; codeId: CodeId | null }
  | { kind: "read"; lockId: LockId; slot: number; codeId: CodeId | null };

/** What the executor is doing about a slot right now, for the snapshot's sync chips. */
export type SlotRuntime =
  | { state: "pending" }
  | { state: "syncing" }
  | ({ state: "waiting" } & ReturnType<typeof syncReason>)
  | {
      state: "failed";
      reason: string;
      attempts: number;
      /** Null: not retried (the lock refused this very write). */
      nextRetryAt: Date | null;
      problem?: SyncReason;
    };
