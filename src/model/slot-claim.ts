import { z } from "zod/mini";
import { CodeIdSchema, IsoTimeSchema, LockIdSchema, SlotNumberSchema } from "./primitives";
import { HoldReasonSchema, VerificationPathSchema } from "./slot";

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
  }),
]);
export type SlotObservation = z.infer<typeof SlotObservationSchema>;

/**
 * A slot Latchkey owns on a lock. It stays claimed by its code while the code lists the lock
 * (also while disabled, so re-enabling reuses the slot) and is released once the slot is
 * observed empty after the code left the lock.
 */
export const SlotClaimSchema = z.object({
  lockId: LockIdSchema,
  slot: SlotNumberSchema,
  codeId: CodeIdSchema,
  observed: SlotObservationSchema,
  /**
   * Someone changed this slot at the lock's own keypad. Nothing is written to it (no silent
   * overwrite, no write loop) until an admin keeps the lock's code or restores Latchkey's.
   */
  held: z.optional(z.object({ reason: HoldReasonSchema, since: IsoTimeSchema })),
});
export type SlotClaim = z.infer<typeof SlotClaimSchema>;
