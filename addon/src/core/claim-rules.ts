import type { Code } from "../../../src/model/code";
import type { SlotClaim } from "../../../src/model/slot-claim";
import { codeActivity } from "./schedule";

/**
 * What a claim is, from its owner and the codes as they are now:
 * - owned: its code exists and lists the claim's lock;
 * - held: changed at the lock's keypad, its code still there — an admin decides;
 * - clear-only: an admin asked Latchkey to clear what it found in the slot;
 * - orphaned: its code was deleted or no longer lists the lock.
 * A keypad change on a clear-only or orphaned claim makes it `foreign`: what is in the slot now
 * was put there by a person, and Latchkey does not touch it until an admin says so.
 */
export type ClaimState = "owned" | "held" | "clear-only" | "orphaned" | "foreign";

/** What the sync engine does with a claim now. */
export type ClaimAction =
  | { kind: "none" }
  | { kind: "set"; pin: string }
  | { kind: "clear" }
  /** Read the slot before anything is written to it (`readFirst`). */
  | { kind: "read" }
  /** Drop the claim: the slot is free, or was never written by Latchkey. */
  | { kind: "release" };

/**
 * Where a client sees the claim, so that none is listed nowhere: on its code's sync chips, in
 * the held list, in the unmanaged list (adopt or clear), or among the slots being cleared.
 */
export type ClaimListing = "code" | "held" | "unmanaged" | "clearing";

export interface ClaimRule {
  state: ClaimState;
  action: ClaimAction;
  listing: ClaimListing;
}

/** The code a claim is for, if that code exists and lists the claim's lock. */
export function owningCode(claim: SlotClaim, codes: ReadonlyMap<string, Code>): Code | undefined {
  if (claim.owner.kind !== "code") return undefined;
  const code = codes.get(claim.owner.codeId);
  return code?.lockIds.includes(claim.lockId) ? code : undefined;
}

/** What an owned slot should hold right now: its code's PIN while the code is active, else nothing. */
export function desiredPin(code: Code, now: Date, timeZone: string): string | null {
  return codeActivity(code, now, timeZone).active ? code.pin : null;
}

/** The rule for one claim; pure, so the same claim always gets the same answer. */
export function claimRule(
  claim: SlotClaim,
  codes: ReadonlyMap<string, Code>,
  now: Date,
  timeZone: string,
): ClaimRule {
  const code = owningCode(claim, codes);
  const { observed } = claim;
  if (code) {
    if (claim.held) return { state: "held", action: { kind: "none" }, listing: "held" };
    // Reserved on a lock that cannot list its codes: read even for a disabled code, so the slot
    // it will use is known to be free.
    if (claim.readFirst) return { state: "owned", action: { kind: "read" }, listing: "code" };
    const pin = desiredPin(code, now, timeZone);
    if (pin !== null) {
      // An accepted-but-unconfirmed write of the same PIN is not re-sent: that would loop on
      // locks that cannot confirm. It stays visible as "unverified" instead.
      const inStep = observed.status === "set" && observed.pin === pin;
      return { state: "owned", action: inStep ? { kind: "none" } : { kind: "set", pin }, listing: "code" };
    }
    return {
      state: "owned",
      action: observed.status === "empty" ? { kind: "none" } : { kind: "clear" },
      listing: "code",
    };
  }
  const state = claim.owner.kind === "clear" ? "clear-only" : "orphaned";
  if (claim.held) {
    // Emptied at the keypad, or lost by the lock: nothing is left to clear. Changed there: a
    // person's code now.
    if (claim.held.reason === "removed_at_lock" || claim.held.reason === "codes_lost")
      return { state, action: { kind: "release" }, listing: "clearing" };
    return { state: "foreign", action: { kind: "none" }, listing: "unmanaged" };
  }
  // Latchkey never wrote a slot it still had to read: there is nothing of its own to clear.
  if (claim.readFirst || observed.status === "empty")
    return { state, action: { kind: "release" }, listing: "clearing" };
  return { state, action: { kind: "clear" }, listing: "clearing" };
}
