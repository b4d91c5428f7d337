import { z } from "zod";
import { CodeSchema } from "../../../src/model/code";
import { SlotClaimSchema } from "../../../src/model/slot";

/**
 * The store document. Every version keeps its schema here, and `migrate` lifts any older
 * document to the current one step by step; add a `StoreV2Schema` and a `v1 → v2` step when
 * the shape changes, never edit an old schema.
 */
export const StoreV1Schema = z
  .object({
    version: z.literal(1),
    codes: z.array(CodeSchema),
    claims: z.array(SlotClaimSchema),
  })
  .superRefine((doc, ctx) => {
    const seen = new Set<string>();
    for (const claim of doc.claims) {
      const key = `${claim.lockId}#${claim.slot}`;
      if (seen.has(key)) ctx.addIssue({ code: "custom", message: `slot ${claim.slot} on ${claim.lockId} is claimed twice` });
      seen.add(key);
    }
  });
export type StoreV1 = z.infer<typeof StoreV1Schema>;

export const CURRENT_STORE_VERSION = 1;
export type StoreDocument = StoreV1;
export const StoreDocumentSchema = StoreV1Schema;

export function emptyStore(): StoreDocument {
  return { version: 1, codes: [], claims: [] };
}
