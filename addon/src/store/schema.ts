import { z } from "zod";
import { CodeSchema } from "../../../src/model/code";
import {
  SlotClaimSchema,
  SlotObservationSchema,
  SlotOwnerSchema,
  type SlotClaim,
} from "../../../src/model/slot-claim";
import { CodeIdSchema, IsoTimeSchema, LockIdSchema, SlotNumberSchema } from "../../../src/model/primitives";
import { HoldReasonSchema } from "../../../src/model/slot";
import { LockAlertsSchema } from "../../../src/model/lock-alerts";

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
const [codeOwner, clearOwner] = SlotOwnerSchema.def.options;
export const StoredClaimSchema: z.ZodType<SlotClaim> = z.object({
  ...SlotClaimSchema.def.shape,
  owner: z.discriminatedUnion("kind", [z.object(codeOwner.def.shape), z.object(clearOwner.def.shape)]),
  observed: StoredObservationSchema,
});

/**
 * The store document. Every version keeps its schema here, and `migrate` lifts any older
 * document to the current one step by step; add a schema and a step when the shape changes,
 * never edit an old schema. What spans records (`claimedTwice`) is checked after the parse: a
 * check on the document object itself made zod's parse of a 5,000-claim store several
 * milliseconds slower than the check's own work.
 */

/** Version 1 (frozen): a claim named its code by id; "cleared-by-user" meant "clear this slot". */
export const StoreV1Schema = z.object({
  version: z.literal(1),
  codes: z.array(CodeSchema),
  claims: z.array(
    z.object({
      lockId: LockIdSchema,
      slot: SlotNumberSchema,
      codeId: CodeIdSchema,
      observed: StoredObservationSchema,
      held: z.optional(z.object({ reason: HoldReasonSchema, since: IsoTimeSchema })),
    }),
  ),
});
export type StoreV1 = z.infer<typeof StoreV1Schema>;

/** Version 2: a claim names its owner (a code, or "clear this slot"), and may have to be read first. */
export const StoreV2Schema = z.object({
  version: z.literal(2),
  codes: z.array(CodeSchema),
  claims: z.array(StoredClaimSchema),
});
export type StoreV2 = z.infer<typeof StoreV2Schema>;

/**
 * What Latchkey keeps about a lock itself: its own alert choices (kinds left out follow the
 * household's options) and when it last refilled codes the lock had lost on its own.
 */
export const StoredLockSchema = z.object({
  lockId: LockIdSchema,
  alerts: z.optional(z.object(LockAlertsSchema.def.shape)),
  autoRefilledAt: z.optional(IsoTimeSchema),
});
export type StoredLock = z.infer<typeof StoredLockSchema>;

/** Version 3: per-lock settings beside the codes and claims. */
export const StoreV3Schema = z.object({
  version: z.literal(3),
  codes: z.array(CodeSchema),
  claims: z.array(StoredClaimSchema),
  locks: z.array(StoredLockSchema),
});
export type StoreV3 = z.infer<typeof StoreV3Schema>;

/** v2 → v3: no lock has settings of its own yet. */
export function storeV2ToV3(doc: StoreV2): StoreV3 {
  return { version: 3, codes: doc.codes, claims: doc.claims, locks: [] };
}

/** The magic code id version 1 used for a slot an admin asked to clear. */
const V1_CLEAR_ONLY = "cleared-by-user";

/** v1 → v2: each claim's `codeId` becomes its owner. */
export function storeV1ToV2(doc: StoreV1): StoreV2 {
  return {
    version: 2,
    codes: doc.codes,
    claims: doc.claims.map(({ codeId, ...claim }) => ({
      ...claim,
      owner: codeId === V1_CLEAR_ONLY ? { kind: "clear" as const } : { kind: "code" as const, codeId },
    })),
  };
}

/** A slot two claims hold, said for a person ("slot 3 on lock.front_door is claimed twice"); null when none is. */
export function claimedTwice(doc: Pick<StoreDocument, "claims">): string | null {
  const seen = new Set<string>();
  for (const claim of doc.claims) {
    const key = `${claim.lockId}#${claim.slot}`;
    if (seen.has(key)) return `slot ${claim.slot} on ${claim.lockId} is claimed twice`;
    seen.add(key);
  }
  return null;
}

export const CURRENT_STORE_VERSION = 3;
export type StoreDocument = StoreV3;
export const StoreDocumentSchema = StoreV3Schema;

export function emptyStore(): StoreDocument {
  return { version: 3, codes: [], claims: [], locks: [] };
}
