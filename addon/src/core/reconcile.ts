import type { Code } from "../../../src/model/code";
import type { SlotClaim } from "../../../src/model/slot-claim";
import { claimRule } from "./claim-rules";
import type { Operation } from "./operations";

export interface Plan {
  operations: Operation[];
  /** Claims to drop: their slot is free again, or Latchkey never wrote it. */
  release: SlotClaim[];
}

/**
 * The minimum operations that take the locks from what they are known to hold to what the
 * codes say they should hold: each claim's rule (./claim-rules.ts). Pure: a slot already right
 * yields nothing, so re-running after a restart or crash sends only what is still missing.
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
    const { action } = claimRule(claim, byId, now, timeZone);
    const target = {
      lockId: claim.lockId,
      slot: claim.slot,
      codeId: claim.owner.kind === "code" ? claim.owner.codeId : null,
    };
    if (action.kind === "set") operations.push({ kind: "set", ...target, pin: action.pin });
    else if (action.kind === "clear" || action.kind === "read")
      operations.push({ kind: action.kind, ...target });
    else if (action.kind === "release") release.push(claim);
  }
  return { operations, release };
}
