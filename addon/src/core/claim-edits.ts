import type { Code } from "../../../src/model/code";
import { LatchkeyError } from "../../../src/model/errors";
import type { LockId } from "../../../src/model/primitives";
import type { HoldReason } from "../../../src/model/slot";
import { ownerCodeId, type SlotClaim, type SlotObservation } from "../../../src/model/slot-claim";
import type { StoreDocument } from "../store/schema";
import { owningCode } from "./claim-rules";
import { isForeign } from "./commands";

/** Pure edits of the claims in the store document; the code book runs them in its queue. */

const at = (lockId: LockId, slot: number) => (c: SlotClaim) => c.lockId === lockId && c.slot === slot;

/**
 * Some locks also report a code written over Z-Wave as "added at the keypad", within a moment
 * of the write: such an echo of Latchkey's own write is not a change by a person.
 */
export function isOwnEcho(claim: SlotClaim, now: Date, windowMs: number): boolean {
  return (
    claim.observed.status !== "unknown" && now.getTime() - Date.parse(claim.observed.verifiedAt) < windowMs
  );
}

/** The claim of a code's slot held at the keypad, waiting for an admin's choice. */
export function heldClaim(doc: StoreDocument, lockId: LockId, slot: number): SlotClaim | undefined {
  const codes = new Map(doc.codes.map((c) => [c.id, c]));
  return doc.claims.find((c) => at(lockId, slot)(c) && c.held && owningCode(c, codes));
}

export interface HoldOutcome {
  /** Null when nothing is held. */
  document: StoreDocument | null;
  held: Code[];
  /** The report only echoed Latchkey's own recent write. */
  echo: boolean;
}

/**
 * A lock reported a slot (or all of them) changed at its keypad: the claims there are held,
 * matched by lock and slot. A claim whose write has just been confirmed (`isEcho`) is left
 * alone; one still to be read was never written (the read finds out what is there now).
 */
export function holdChanged(
  doc: StoreDocument,
  lockId: LockId,
  slot: number | "all",
  reason: HoldReason,
  isEcho: (claim: SlotClaim) => boolean,
  since: string,
): HoldOutcome {
  const touched = doc.claims.filter(
    (c) => c.lockId === lockId && (slot === "all" || c.slot === slot) && !c.held && !c.readFirst,
  );
  const affected = new Set(touched.filter((c) => !isEcho(c)).map((c) => c.slot));
  if (affected.size === 0) return { document: null, held: [], echo: touched.length > 0 };
  const holds = (c: SlotClaim) => c.lockId === lockId && affected.has(c.slot) && !c.held && !c.readFirst;
  const codes = new Map(doc.codes.map((c) => [c.id, c]));
  // Only a code's slot is reported held; a clear-only or orphaned slot becomes a person's code.
  const owners = new Set(doc.claims.filter(holds).flatMap((c) => owningCode(c, codes)?.id ?? []));
  const claims = doc.claims.map((c) =>
    holds(c) ? { ...c, held: { reason, since }, observed: { status: "unknown" as const } } : c,
  );
  return { document: { ...doc, claims }, held: doc.codes.filter((c) => owners.has(c.id)), echo: false };
}

/** An admin's choice for a held slot: restore Latchkey's code there, or let the lock keep its own. */
export function resolveHeld(
  doc: StoreDocument,
  lockId: LockId,
  slot: number,
  keep: "lock" | "latchkey",
  now: string,
): StoreDocument {
  const claim = heldClaim(doc, lockId, slot);
  const codeId = claim ? ownerCodeId(claim) : undefined;
  if (!claim || codeId === undefined) throw new LatchkeyError("not_found", "error.slot_not_held");
  if (keep === "latchkey")
    return { ...doc, claims: doc.claims.map((c) => (c === claim ? { ...c, held: undefined } : c)) };
  // The code leaves that lock; the slot stays as the lock has it and is no longer Latchkey's.
  const codes = doc.codes.map((code) =>
    code.id === codeId
      ? { ...code, lockIds: code.lockIds.filter((id) => id !== lockId), updatedAt: now }
      : code,
  );
  return { ...doc, codes, claims: doc.claims.filter((c) => c !== claim) };
}

/**
 * Claims a slot only to clear it: a code Latchkey found there (unmanaged), or one a person set
 * at the keypad in a slot whose Latchkey code is gone (that claim gives way).
 */
export function claimToClear(doc: StoreDocument, lockId: LockId, slot: number): StoreDocument {
  const existing = doc.claims.find(at(lockId, slot));
  if (existing && !isForeign(existing, doc.codes)) throw new LatchkeyError("conflict", "error.slot_managed");
  const claim: SlotClaim = { lockId, slot, owner: { kind: "clear" }, observed: { status: "unknown" } };
  return { ...doc, claims: [...doc.claims.filter((c) => !at(lockId, slot)(c)), claim] };
}

/**
 * What a write found the slot to hold. A held slot keeps "unknown": nothing is written to a held
 * slot, so the write ended was already on its way when someone changed the slot elsewhere, and
 * which of the two the lock kept is not known (its confirmation may predate the other change).
 */
export function observe(
  doc: StoreDocument,
  lockId: LockId,
  slot: number,
  observed: SlotObservation,
): StoreDocument {
  return {
    ...doc,
    claims: doc.claims.map((c) => (at(lockId, slot)(c) && !c.held ? { ...c, observed } : c)),
  };
}

/**
 * What a slot picked on a lock that cannot list its codes was read to hold. Empty: it is the
 * code's, and written next. Anything else: someone's code is there, and the claim goes (the
 * code gets another slot). Null when no such claim is waiting for its read.
 */
export function readFirstResult(
  doc: StoreDocument,
  lockId: LockId,
  slot: number,
  observed: SlotObservation,
): { document: StoreDocument; kept: boolean } | null {
  const claim = doc.claims.find((c) => at(lockId, slot)(c) && c.readFirst);
  if (!claim) return null;
  const kept = observed.status === "empty";
  const claims = kept
    ? doc.claims.map((c) => (c === claim ? { ...c, observed, readFirst: undefined } : c))
    : doc.claims.filter((c) => c !== claim);
  return { document: { ...doc, claims }, kept };
}
