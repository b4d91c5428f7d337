import type { CodeId, LockId } from "../../../src/model/primitives";
import type { syncReason } from "../../../src/model/slot";

/**
 * What the sync engine plans (core) and carries out (sync): one write to one slot. Both sides
 * import these from here, so neither imports the other.
 */
export type Operation =
  | { kind: "set"; lockId: LockId; slot: number; codeId: CodeId; pin: string }
  | { kind: "clear"; lockId: LockId; slot: number; codeId: CodeId };

/** What the executor is doing about a slot right now, for the snapshot's sync chips. */
export type SlotRuntime =
  | { state: "pending" }
  | { state: "syncing" }
  | ({ state: "waiting" } & ReturnType<typeof syncReason>)
  | { state: "failed"; reason: string; attempts: number; nextRetryAt: Date };
