import { z } from "zod";
import { CodeSchema } from "../../../src/model/code";
import { SlotClaimSchema, SlotObservationSchema, type SlotClaim } from "../../../src/model/slot-claim";

/**
 * The model's schemas are zod/mini (small in the card), and mini objects parse field by field.
 * A store holds thousands of claims: the same shapes, with the same checks inside, rebuilt as
 * zod's compiled (JIT) objects parse about five times faster. `schema.test.ts` holds the two to
 * the same answers.
 */
const [unknownObservation, emptyObservation, setObservation] = SlotObservationSchema.def.options;
const StoredObservationSchema = z.discriminatedUnion("status", [
  z.object(unknownObservation.def.shape),
  z.object(emptyObservation.def.shape),
  z.object(setObservation.def.shape),
]);
export const StoredClaimSchema: z.ZodType<SlotClaim> = z.object({
  ...SlotClaimSchema.def.shape,
  observed: StoredObservationSchema,
});

/**
 * The store document. Every version keeps its schema here, and `migrate` lifts any older
 * document to the current one step by step; add a `StoreV2Schema` and a `v1 → v2` step when
 * the shape changes, never edit an old schema. What spans records (`claimedTwice`) is checked
 * after the parse: a check on the document object itself made zod's parse of a 5,000-claim
 * store several milliseconds slower than the check's own work.
 */
export const StoreV1Schema = z.object({
  version: z.literal(1),
  codes: z.array(CodeSchema),
  claims: z.array(StoredClaimSchema),
});
export type StoreV1 = z.infer<typeof StoreV1Schema>;

/** A slot two claims hold, said for a person ("slot 3 on lock.front_door is claimed twice"); null when none is. */
export function claimedTwice(doc: StoreV1): string | null {
  const seen = new Set<string>();
  for (const claim of doc.claims) {
    const key = `${claim.lockId}#${claim.slot}`;
    if (seen.has(key)) return `slot ${claim.slot} on ${claim.lockId} is claimed twice`;
    seen.add(key);
  }
  return null;
}

export const CURRENT_STORE_VERSION = 1;
export type StoreDocument = StoreV1;
export const StoreDocumentSchema = StoreV1Schema;

export function emptyStore(): StoreDocument {
  return { version: 1, codes: [], claims: [] };
}
