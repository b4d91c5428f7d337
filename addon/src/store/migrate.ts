import { z } from "zod";
import { describeZodError } from "../../../src/model/errors";
import {
  claimedTwice,
  CURRENT_STORE_VERSION,
  StoreDocumentSchema,
  storeV1ToV2,
  StoreV1Schema,
  storeV2ToV3,
  StoreV2Schema,
  type StoreDocument,
} from "./schema";

export class StoreFormatError extends Error {
  override name = "StoreFormatError";
}

const VersionedSchema = z.object({ version: z.number().int().min(1) });

/** Steps that lift a document of version N to N+1; each parses what it lifts with that version's schema. */
const steps: Record<number, (doc: unknown) => unknown> = {
  1: (doc) => {
    const parsed = StoreV1Schema.safeParse(doc);
    if (!parsed.success)
      throw new StoreFormatError(describeZodError(parsed.error, "The store file (format 1) is not valid"));
    return storeV1ToV2(parsed.data);
  },
  2: (doc) => {
    const parsed = StoreV2Schema.safeParse(doc);
    if (!parsed.success)
      throw new StoreFormatError(describeZodError(parsed.error, "The store file (format 2) is not valid"));
    return storeV2ToV3(parsed.data);
  },
};

/** Parses a store document of any known version into the current one. Throws StoreFormatError. */
export function migrate(raw: unknown): StoreDocument {
  const versioned = VersionedSchema.safeParse(raw);
  if (!versioned.success) throw new StoreFormatError("The store file has no valid version number.");
  let version = versioned.data.version;
  if (version > CURRENT_STORE_VERSION) {
    throw new StoreFormatError(
      `The store file was written by a newer Latchkey (format ${version}; this one reads up to ${CURRENT_STORE_VERSION}).`,
    );
  }
  let doc = raw;
  while (version < CURRENT_STORE_VERSION) {
    const step = steps[version];
    if (!step) throw new StoreFormatError(`No migration from store format ${version}.`);
    doc = step(doc);
    version += 1;
  }
  const parsed = StoreDocumentSchema.safeParse(doc);
  if (!parsed.success)
    throw new StoreFormatError(describeZodError(parsed.error, "The store file is not valid"));
  const twice = claimedTwice(parsed.data);
  if (twice) throw new StoreFormatError(`The store file is not valid — ${twice}.`);
  return parsed.data;
}
