import { z } from "zod/mini";
import { CodeIdSchema, IsoTimeSchema, LockIdSchema, SlotNumberSchema } from "./primitives";
import { HoldReasonSchema, UnverifiedWhySchema, VerificationPathSchema } from "./slot";

// What the add-on stores per slot. Clients never see it: they get sync states (./slot).

/** What a lock slot is known to hold. `pin` is kept only for slots Latchkey claims. */
export const SlotObservationSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("unknown") }),
  z.object({
    status: z.literal("empty"),
    confirmed: z.boolean(),
    verifiedAt: IsoTimeSchema,
    via: VerificationPathSchema,
  }),
  z.object({
    status: z.literal("set"),
    pin: z.string(),
    /** False after an accepted write nobody confirmed: never shown as "synced". */
    confirmed: z.boolean(),
    verifiedAt: IsoTimeSchema,
    via: VerificationPathSchema,
    /** Why it is unconfirmed, where the lock told (it hides PINs) or never answered. */
    why: z.optional(UnverifiedWhySchema),
  }),
]);
export type SlotObservation = z.infer<typeof SlotObservationSchema>;

/**
 * Who a claimed slot is for: a code (the slot holds its PIN while the code is active there), or
 * nobody — an admin asked Latchkey to clear what it found in the slot.
 */
export const SlotOwnerSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("code"), codeId: CodeIdSchema }),
  z.object({ kind: z.literal("clear") }),
]);
export type SlotOwner = z.infer<typeof SlotOwnerSchema>;

/**
 * A slot Latchkey looks after on a lock. A code's claim stays while the code lists the lock
 * (also while disabled, so re-enabling reuses the slot); once the code is gone or left the lock
 * the claim is orphaned, and the slot is cleared and released. What happens in each state is
 * one rule of the reconciler (addon/src/core/claim-rules.ts).
 */
export const SlotClaimSchema = z.object({
  lockId: LockIdSchema,
  slot: SlotNumberSchema,
  owner: SlotOwnerSchema,
  observed: SlotObservationSchema,
  /**
   * Someone changed this slot at the lock's own keypad. Nothing is written to it (no silent
   * overwrite, no write loop) until an admin keeps the lock's code or restores Latchkey's.
   */
  held: z.optional(z.object({ reason: HoldReasonSchema, since: IsoTimeSchema })),
  /**
   * Picked on a lock whose codes HA cannot list: the slot may hold a code someone set at the
   * keypad, so it is read before anything is written to it.
   */
  readFirst: z.optional(z.literal(true)),
});
export type SlotClaim = z.infer<typeof SlotClaimSchema>;

/** The code a claim is for, if it is a code's. */
export function ownerCodeId(claim: Pick<SlotClaim, "owner">): string | undefined {
  return claim.owner.kind === "code" ? claim.owner.codeId : undefined;
}
