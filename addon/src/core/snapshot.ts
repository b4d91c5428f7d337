import type { ActivityEntry } from "../../../src/model/activity";
import { withoutPin } from "../../../src/model/code";
import type { Lock } from "../../../src/model/lock";
import type { LockId } from "../../../src/model/primitives";
import type { Snapshot } from "../../../src/model/protocol";
import { syncReason, type SyncStatus, type UnmanagedSlot } from "../../../src/model/slot";
import { type SlotClaim } from "../../../src/model/slot-claim";
import type { SlotRuntime } from "./operations";
import type { StoreDocument } from "../store/schema";
import { desiredSlot } from "./reconcile";

export interface SnapshotInput {
  document: StoreDocument;
  locks: readonly Lock[];
  unmanaged: readonly UnmanagedSlot[];
  runtime: (lockId: LockId, slot: number) => SlotRuntime | undefined;
  /** (code, lock) pairs that found no free slot. */
  full: ReadonlySet<string>;
  /** Locks whose codes could not be listed yet: no slot is picked there. */
  unlisted: ReadonlySet<LockId>;
  connected: boolean;
  now: Date;
  timeZone: string;
  user: { name: string; isAdmin: boolean };
  showNames: boolean;
  lastDoorActivity: readonly ActivityEntry[];
}

/** What clients see. Never a PIN; non-admins may also be denied names (add-on option). */
export function buildSnapshot(input: SnapshotInput): Snapshot {
  const slots: Snapshot["slots"] = {};
  const sync: Snapshot["sync"] = {};
  const codesById = new Map(input.document.codes.map((c) => [c.id, c]));
  for (const claim of input.document.claims) {
    const code = codesById.get(claim.codeId);
    if (!code?.lockIds.includes(claim.lockId)) continue;
    (slots[code.id] ??= {})[claim.lockId] = claim.slot;
    (sync[code.id] ??= {})[claim.lockId] = statusOf(claim, input);
  }
  for (const code of input.document.codes) {
    for (const lockId of code.lockIds) {
      const perCode = (sync[code.id] ??= {});
      if (perCode[lockId]) continue;
      perCode[lockId] = input.full.has(`${code.id}|${lockId}`)
        ? { state: "failed", ...syncReason("sync_reason.no_free_slot"), attempts: 1, nextRetryAt: null }
        : input.unlisted.has(lockId)
          ? { state: "waiting", ...syncReason("sync_reason.lock_unlisted") }
          : { state: "waiting", ...syncReason("sync_reason.lock_gone") };
    }
  }
  const hideNames = !input.user.isAdmin && !input.showNames;
  return {
    user: input.user,
    locks: [...input.locks],
    codes: input.document.codes.map((c, i) => ({
      ...withoutPin(c),
      name: hideNames ? `Code ${i + 1}` : c.name,
    })),
    slots,
    sync,
    unmanaged: [...input.unmanaged],
    lastActivity: Object.fromEntries(
      input.lastDoorActivity.flatMap((e) =>
        e.lockId === null ? [] : [[e.lockId, hideNames ? withoutNames(e) : e]],
      ),
    ),
    held: input.document.claims.flatMap((c) =>
      c.held && codesById.has(c.codeId)
        ? [{ lockId: c.lockId, slot: c.slot, codeId: c.codeId, ...c.held }]
        : [],
    ),
    connected: input.connected,
  };
}

function statusOf(claim: SlotClaim, input: SnapshotInput): SyncStatus {
  if (claim.held) {
    return {
      state: "waiting",
      ...syncReason(
        claim.held.reason === "removed_at_lock"
          ? "sync_reason.removed_at_lock"
          : "sync_reason.changed_at_lock",
      ),
    };
  }
  const runtime = input.runtime(claim.lockId, claim.slot);
  if (runtime) {
    if (runtime.state === "failed") return { ...runtime, nextRetryAt: runtime.nextRetryAt.toISOString() };
    return runtime;
  }
  const desired = desiredSlot(
    claim,
    input.document.codes.find((c) => c.id === claim.codeId),
    input.now,
    input.timeZone,
  );
  const { observed } = claim;
  if (observed.status === "unknown") return { state: "pending" };
  const matches =
    desired.status === observed.status &&
    (desired.status === "empty" || (observed.status === "set" && observed.pin === desired.pin));
  if (!matches) return { state: "pending" };
  return observed.confirmed
    ? { state: "synced", via: observed.via, at: observed.verifiedAt }
    : { state: "unverified", at: observed.verifiedAt };
}

/** An activity entry for someone who may not see names: neither the code's nor the person's. */
export function withoutNames(entry: ActivityEntry): ActivityEntry {
  return { ...entry, codeName: null, userName: null };
}
