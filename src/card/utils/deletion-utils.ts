/** Pure: how far a deleted code's removal from its locks is, lock by lock. */
import type { Snapshot } from "../../model/protocol";
import { clearingChip, type LockChip } from "./sync-utils";

/** A code the admin deleted, as it was: the add-on's snapshot no longer has its name or locks. */
export interface DeletedCode {
  codeId: string;
  name: string;
  lockIds: string[];
}

/** One chip per lock the code was on: "removing" while its slot is being emptied, then "removed". */
export function deletionChips(deleted: DeletedCode, snapshot: Snapshot): LockChip[] {
  return deleted.lockIds.map((lockId) => {
    const entry = snapshot.clearing.find((c) => c.codeId === deleted.codeId && c.lockId === lockId);
    if (entry) return clearingChip(entry, snapshot);
    return {
      lockId,
      lockName: snapshot.locks.find((l) => l.id === lockId)?.name ?? lockId,
      state: "removed",
      detail: null,
      slot: null,
    };
  });
}

/** Done once the add-on dropped the code and no slot of it is being emptied any more. */
export function deletionDone(deleted: DeletedCode, snapshot: Snapshot): boolean {
  return (
    !snapshot.codes.some((c) => c.id === deleted.codeId) &&
    !snapshot.clearing.some((c) => c.codeId === deleted.codeId)
  );
}
