import type { Code } from "../../../src/model/code";
import { LatchkeyError } from "../../../src/model/errors";
import type { LockId } from "../../../src/model/primitives";
import type { SlotClaim } from "../../../src/model/slot-claim";
import type { StoreDocument } from "../store/schema";
import { desiredPin, owningCode } from "./claim-rules";

/** What a lock was listed to hold: its taken slots, and the slots nobody knows the content of. */
export interface ListedSlots {
  taken: ReadonlySet<number>;
  unknown: ReadonlySet<number>;
}

/** At most one automatic refill per lock in this long: a lock that keeps forgetting is held, not looped. */
export const AUTO_REFILL_EVERY_MS = 24 * 60 * 60 * 1000;

/**
 * The slots a lock lost on its own — a battery swap, a factory reset: every slot where Latchkey
 * had confirmed an active code's PIN was listed empty again. One emptied slot among others still
 * there is no loss of the lock's memory (a keypad or another app removed that one), so nothing is
 * returned then; nor for slots held, still to be read, unconfirmed, or unknown to the listing.
 */
export function lostSlots(
  doc: Pick<StoreDocument, "codes" | "claims">,
  lockId: LockId,
  listed: ListedSlots,
  now: Date,
  timeZone: string,
): SlotClaim[] {
  const codes = new Map(doc.codes.map((c) => [c.id, c]));
  const confirmed = doc.claims.filter((claim) => {
    if (claim.lockId !== lockId || claim.held || claim.readFirst) return false;
    if (claim.observed.status !== "set" || !claim.observed.confirmed) return false;
    if (listed.unknown.has(claim.slot)) return false;
    const code = owningCode(claim, codes);
    return code !== undefined && desiredPin(code, now, timeZone) === claim.observed.pin;
  });
  const emptied = confirmed.filter((claim) => !listed.taken.has(claim.slot));
  return emptied.length > 0 && emptied.length === confirmed.length ? emptied : [];
}

/**
 * A lock said itself that it deleted all its user codes (Access Control 12: a factory reset, a
 * "delete all" at its keypad): every slot where Latchkey had put an active code's PIN is lost —
 * confirmed or not (a lock that hides PINs never confirms one). A slot held, still to be read,
 * or whose PIN is still being written is left out: the plan writes it as it would have.
 */
export function wipedSlots(
  doc: Pick<StoreDocument, "codes" | "claims">,
  lockId: LockId,
  now: Date,
  timeZone: string,
): SlotClaim[] {
  const codes = new Map(doc.codes.map((c) => [c.id, c]));
  return doc.claims.filter((claim) => {
    if (claim.lockId !== lockId || claim.held || claim.readFirst || claim.observed.status !== "set")
      return false;
    const code = owningCode(claim, codes);
    return code !== undefined && desiredPin(code, now, timeZone) === claim.observed.pin;
  });
}

/**
 * The lock's other slots after it deleted all its codes: what Latchkey knew to be there (a
 * disabled code's PIN still to clear, someone's code to clear) is gone, so nothing is cleared.
 */
export function markWiped(doc: StoreDocument, lockId: LockId, at: string): StoreDocument {
  const claims = doc.claims.map((c) =>
    c.lockId === lockId && !c.held && !c.readFirst && c.observed.status === "set"
      ? {
          ...c,
          observed: {
            status: "empty" as const,
            confirmed: true,
            verifiedAt: at,
            via: "lock_report" as const,
          },
        }
      : c,
  );
  return { ...doc, claims };
}

/** The lost slots held (nothing written there) with reason `codes_lost`, until a refill. */
export function holdLost(
  doc: StoreDocument,
  lost: readonly SlotClaim[],
  since: string,
): { document: StoreDocument; codes: Code[] } {
  const lostSet = new Set(lost);
  const claims = doc.claims.map((c) =>
    lostSet.has(c)
      ? { ...c, held: { reason: "codes_lost" as const, since }, observed: { status: "unknown" as const } }
      : c,
  );
  const owners = new Set(lost.flatMap((c) => (c.owner.kind === "code" ? [c.owner.codeId] : [])));
  return { document: { ...doc, claims }, codes: doc.codes.filter((c) => owners.has(c.id)) };
}

/**
 * A lock's lost slots let go: with nothing known to be in them, the reconciler writes each
 * code's PIN there again. Throws when none of the lock's slots waits for a refill.
 */
export function refillLost(
  doc: StoreDocument,
  lockId: LockId,
): { document: StoreDocument; refilled: { codeId: string; slot: number }[] } {
  const lost = (c: SlotClaim) => c.lockId === lockId && c.held?.reason === "codes_lost";
  const refilled = doc.claims
    .filter(lost)
    .flatMap((c) => (c.owner.kind === "code" ? [{ codeId: c.owner.codeId, slot: c.slot }] : []));
  if (refilled.length === 0) throw new LatchkeyError("not_found", "error.nothing_to_refill");
  const claims = doc.claims.map((c) => (lost(c) ? { ...c, held: undefined } : c));
  return { document: { ...doc, claims }, refilled };
}

/** Whether a lock may be refilled without a tap now: never before, or not within the last day. */
export function mayAutoRefill(autoRefilledAt: string | undefined, now: Date): boolean {
  return autoRefilledAt === undefined || now.getTime() - Date.parse(autoRefilledAt) >= AUTO_REFILL_EVERY_MS;
}
