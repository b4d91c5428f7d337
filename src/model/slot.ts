import { z } from "zod/mini";
import { problemFields } from "./errors";
import { fillPlaceholders } from "./placeholders";
import { SYNC_REASON_TEXTS, type ProblemValues, type SyncReason } from "./problem-texts";
import { CodeIdSchema, IntSchema, IsoTimeSchema, LockIdSchema, SlotNumberSchema } from "./primitives";

/** How a slot's content was confirmed, best first. Recorded so users can see how sure we are. */
export const VerificationPathSchema = z.enum([
  "cc_read", // User Code Get through zwave_js/invoke_cc_api (newest HA)
  "lock_report", // the lock's own report after the write (value_updated / driver cache refreshed from the lock)
  "driver_cache", // the Z-Wave JS driver's cached value, not re-read from the lock
  "none", // the write was accepted but nothing confirmed it
]);
export type VerificationPath = z.infer<typeof VerificationPathSchema>;

/**
 * Why an accepted write stays unconfirmed: the lock's reports hide PINs ("****" or zeros), or
 * the lock never answered the reads that follow a write. Neither is a mismatch: nothing is re-sent.
 */
export const UnverifiedWhySchema = z.enum(["pin_hidden", "no_answer"]);
export type UnverifiedWhy = z.infer<typeof UnverifiedWhySchema>;

/**
 * Why Latchkey stopped writing a slot until a person decides: the code there was changed or
 * removed at the lock's keypad, or by someone else through Home Assistant (its own Manage
 * access dialog, a script calling the zwave_js code actions), or the lock lost every code
 * Latchkey had confirmed on it (a battery swap, a factory reset) — refilled with one tap.
 */
export const HoldReasonSchema = z.enum([
  "changed_at_lock",
  "removed_at_lock",
  "changed_in_ha",
  "removed_in_ha",
  "codes_lost",
]);
export type HoldReason = z.infer<typeof HoldReasonSchema>;

/** Per (code, lock) sync state as users see it. */
// A plain union, not a discriminated one: the card parses this, and no other schema it bundles
// needs zod's discriminated-union code (about 0.4 KB gzipped of the card's size budget).
export const SyncStatusSchema = z.union([
  z.object({ state: z.literal("pending") }),
  z.object({ state: z.literal("syncing") }),
  z.object({ state: z.literal("synced"), via: VerificationPathSchema, at: IsoTimeSchema }),
  z.object({
    state: z.literal("unverified"),
    at: IsoTimeSchema,
    /** Why the lock could not confirm an accepted write, when it is known; with its text. */
    why: z.optional(UnverifiedWhySchema),
    reason: z.optional(z.string()),
    ...problemFields,
  }),
  z.object({
    state: z.literal("failed"),
    /** English; `problem` names it for a translation when Latchkey (not HA) found it. */
    reason: z.string(),
    ...problemFields,
    attempts: IntSchema.check(z.minimum(1)),
    nextRetryAt: z.nullable(IsoTimeSchema),
  }),
  z.object({ state: z.literal("waiting"), reason: z.string(), ...problemFields }),
]);
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

/** A sync status's reason in English and by key. */
export function syncReason(
  problem: SyncReason,
  values: ProblemValues = {},
): { reason: string; problem: SyncReason; values: ProblemValues } {
  return { reason: fillPlaceholders(SYNC_REASON_TEXTS[problem], values), problem, values };
}

/** A held slot as clients see it (no PIN). */
export const HeldSlotSchema = z.object({
  lockId: LockIdSchema,
  slot: SlotNumberSchema,
  codeId: CodeIdSchema,
  reason: HoldReasonSchema,
  since: IsoTimeSchema,
});
export type HeldSlot = z.infer<typeof HeldSlotSchema>;

/** A code on a lock that Latchkey did not put there. Its PIN is never reported. */
export const UnmanagedSlotSchema = z.object({ lockId: LockIdSchema, slot: SlotNumberSchema });
export type UnmanagedSlot = z.infer<typeof UnmanagedSlotSchema>;

/**
 * A slot Latchkey is emptying: with the code it held (a deleted code, or a lock taken off a
 * code), and how far the clear is — so a card can show a delete's progress lock by lock.
 */
export const ClearingSlotSchema = z.object({
  lockId: LockIdSchema,
  slot: SlotNumberSchema,
  codeId: z.optional(CodeIdSchema),
  status: z.optional(SyncStatusSchema),
});
export type ClearingSlot = z.infer<typeof ClearingSlotSchema>;
