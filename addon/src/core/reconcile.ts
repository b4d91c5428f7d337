import type { Code } from "../../../src/model/code";
import type { SlotClaim } from "../../../src/model/slot-claim";
import type { Operation } from "./operations";
import { codeActivity } from "./schedule";

export interface Plan {
  operations: Operation[];
  /** Claims whose slot is known empty and no longer wanted: drop them, the slot is free. */
  release: SlotClaim[];
}

/** What a claimed slot should hold right now. */
export type DesiredSlot = { status: "set"; pin: string } | { status: "empty"; keepClaim: boolean };

export function desiredSlot(
  claim: SlotClaim,
  code: Code | undefined,
  now: Date,
  timeZone: string,
): DesiredSlot {
  const wanted = code !== undefined && code.lockIds.includes(claim.lockId);
  if (wanted && codeActivity(code, now, timeZone).active) return { status: "set", pin: code.pin };
  return { status: "empty", keepClaim: wanted };
}

/**
 * The minimum operations that take the locks from what they are known to hold to what the
 * codes say they should hold. Pure: a slot already right yields nothing, so re-running after
 * a restart or crash sends only what is still missing.
 */
export function reconcile(
  codes: readonly Code[],
  claims: readonly SlotClaim[],
  now: Date,
  timeZone: string,
): Plan {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const operations: Operation[] = [];
  const release: SlotClaim[] = [];
  for (const claim of claims) {
    if (claim.held) continue;
    const desired = desiredSlot(claim, byId.get(claim.codeId), now, timeZone);
    const { observed } = claim;
    const target = { lockId: claim.lockId, slot: claim.slot, codeId: claim.codeId };
    if (desired.status === "set") {
      // An accepted-but-unconfirmed write of the same PIN is not re-sent: that would loop on
      // locks that cannot confirm. It stays visible as "unverified" instead.
      if (observed.status !== "set" || observed.pin !== desired.pin)
        operations.push({ kind: "set", ...target, pin: desired.pin });
    } else if (observed.status === "empty") {
      if (!desired.keepClaim) release.push(claim);
    } else {
      operations.push({ kind: "clear", ...target });
    }
  }
  return { operations, release };
}
