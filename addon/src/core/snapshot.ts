import type { ActivityEntry } from "../../../src/model/activity";
import { withoutPin, type Code } from "../../../src/model/code";
import type { Lock } from "../../../src/model/lock";
import type { AlertChoices } from "../../../src/model/lock-alerts";
import type { LockId } from "../../../src/model/primitives";
import type { Snapshot } from "../../../src/model/protocol";
import { syncReason, type ClearingSlot, type SyncStatus, type UnmanagedSlot } from "../../../src/model/slot";
import { ownerCodeId, type SlotClaim } from "../../../src/model/slot-claim";
import type { SlotRuntime } from "./operations";
import type { StoreDocument } from "../store/schema";
import { claimRule, desiredPin, owningCode } from "./claim-rules";
import { codeActivity } from "./schedule";

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
  /** Which door events alert at a lock now. */
  alerts: (lockId: LockId) => AlertChoices;
}

/** What clients see. Never a PIN; non-admins may also be denied names (add-on option). */
export function buildSnapshot(input: SnapshotInput): Snapshot {
  const slots: Snapshot["slots"] = {};
  const sync: Snapshot["sync"] = {};
  const held: Snapshot["held"] = [];
  const clearing: ClearingSlot[] = [];
  const codesById = new Map(input.document.codes.map((c) => [c.id, c]));
  const present = new Set(input.locks.map((l) => l.id));
  const unmanaged = new Map(input.unmanaged.map((u) => [`${u.lockId}#${u.slot}`, u]));
  // Every claim is listed in exactly one place (its rule says where).
  for (const claim of input.document.claims) {
    const rule = claimRule(claim, codesById, input.now, input.timeZone);
    const at = { lockId: claim.lockId, slot: claim.slot };
    const code = owningCode(claim, codesById);
    if (rule.listing === "unmanaged") unmanaged.set(`${claim.lockId}#${claim.slot}`, at);
    else if (rule.listing === "clearing") {
      const codeId = ownerCodeId(claim);
      clearing.push({ ...at, ...(codeId ? { codeId } : {}), status: clearingStatus(claim, present, input) });
    } else if (code) {
      if (rule.listing === "held" && claim.held) held.push({ ...at, codeId: code.id, ...claim.held });
      (slots[code.id] ??= {})[claim.lockId] = claim.slot;
      (sync[code.id] ??= {})[claim.lockId] = statusOf(claim, code, present, input);
    }
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
  const offLocks: Snapshot["offLocks"] = {};
  for (const code of input.document.codes) {
    const activity = codeActivity(code, input.now, input.timeZone);
    if (!activity.active) offLocks[code.id] = activity.reason;
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
    unmanaged: [...unmanaged.values()],
    lastActivity: Object.fromEntries(
      input.lastDoorActivity.flatMap((e) =>
        e.lockId === null ? [] : [[e.lockId, hideNames ? withoutNames(e) : e]],
      ),
    ),
    held,
    clearing,
    offLocks,
    alerts: Object.fromEntries(input.locks.map((l) => [l.id, input.alerts(l.id)])),
    connected: input.connected,
  };
}

function statusOf(
  claim: SlotClaim,
  code: Code,
  present: ReadonlySet<LockId>,
  input: SnapshotInput,
): SyncStatus {
  if (claim.held) {
    return {
      state: "waiting",
      ...syncReason(`sync_reason.${claim.held.reason}`),
    };
  }
  const working = workStatus(claim, present, input);
  if (working) return working;
  const { observed } = claim;
  if (observed.status === "unknown" || claim.readFirst) return { state: "pending" };
  const pin = desiredPin(code, input.now, input.timeZone);
  const matches =
    pin === null ? observed.status === "empty" : observed.status === "set" && observed.pin === pin;
  if (!matches) return { state: "pending" };
  if (observed.confirmed) return { state: "synced", via: observed.via, at: observed.verifiedAt };
  // The lock hid the PIN or never answered: said on the chip, and never "synced".
  if (observed.status === "set" && observed.why)
    return {
      state: "unverified",
      at: observed.verifiedAt,
      why: observed.why,
      ...syncReason(`sync_reason.${observed.why}`),
    };
  return { state: "unverified", at: observed.verifiedAt };
}

/** What the sync engine is doing about a slot, if anything; a lock gone from HA waits. */
function workStatus(
  claim: SlotClaim,
  present: ReadonlySet<LockId>,
  input: SnapshotInput,
): SyncStatus | undefined {
  // A lock that left HA (entity disabled, node re-interviewed) is not shown as in step: nobody
  // can tell what it holds now.
  if (!present.has(claim.lockId)) return { state: "waiting", ...syncReason("sync_reason.lock_gone") };
  const runtime = input.runtime(claim.lockId, claim.slot);
  if (runtime?.state === "failed")
    return { ...runtime, nextRetryAt: runtime.nextRetryAt ? runtime.nextRetryAt.toISOString() : null };
  return runtime;
}

/** A slot being emptied: what the engine is doing about it, else waiting its turn. */
function clearingStatus(claim: SlotClaim, present: ReadonlySet<LockId>, input: SnapshotInput): SyncStatus {
  return workStatus(claim, present, input) ?? { state: "pending" };
}

/** An activity entry for someone who may not see names: neither the code's nor the person's. */
export function withoutNames(entry: ActivityEntry): ActivityEntry {
  return { ...entry, codeName: null, userName: null };
}
