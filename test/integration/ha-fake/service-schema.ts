// Service-data validation with voluptuous' observable behaviour: the same coercions
// (vol.Coerce(int), cv.string, cv.comp_entity_ids) and the same str(vol.Invalid) texts that
// websocket_api/commands.py handle_call_service sends back as invalid_format. HA 2026 validates
// with probatio, which words the path differently ("at 'key'" instead of "@ data['key']").
import type { z } from "zod";
import { HaError, type JsonObject } from "./protocol.js";

type Check = (value: unknown) => unknown;

export interface ServiceSchema {
  required: Record<string, Check>;
  optional: Record<string, Check>;
  /** make_entity_service_schema: adds entity_id/device_id/area_id and needs one of them. */
  entity: boolean;
  /** notify services accept extra keys; entity services use vol.PREVENT_EXTRA. */
  allowExtra?: boolean;
}

class FieldInvalid extends Error {}

export const coerceInt: Check = (v) => {
  const n =
    typeof v === "number"
      ? v
      : typeof v === "boolean"
        ? Number(v)
        : typeof v === "string" && /^\s*[-+]?\d+\s*$/.test(v)
          ? Number(v)
          : NaN;
  if (!Number.isFinite(n)) throw new FieldInvalid("expected int");
  return Math.trunc(n);
};

// helpers/config_validation.py string()
export const cvString: Check = (v) => {
  if (v === null || v === undefined) throw new FieldInvalid("string value is None");
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  throw new FieldInvalid("value should be a string");
};

/** A check from a zod schema, failing with the text of the voluptuous validator it stands for. */
export function zodCheck(schema: z.ZodType, invalidText: string): Check {
  return (v) => {
    const parsed = schema.safeParse(v);
    if (!parsed.success) throw new FieldInvalid(invalidText);
    return parsed.data;
  };
}

export const anyDict: Check = (v) => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new FieldInvalid("expected dict");
  return v;
};

const ENTITY_ID = /^(?!.+__)(?!_)[\da-z_]+(?<!_)\.(?!_)[\da-z_]+(?<!_)$/;

// cv.comp_entity_ids: "all", a comma separated string or a list of entity ids.
const entityIds: Check = (v) => {
  if (v === "all" || v === "none") return v;
  const list = typeof v === "string" ? v.split(",").map((s) => s.trim()) : Array.isArray(v) ? v : null;
  if (list === null) throw new FieldInvalid("Entity IDs should be a string or list");
  return list.map((item) => {
    const id = typeof item === "string" ? item.toLowerCase() : "";
    if (!ENTITY_ID.test(id)) throw new FieldInvalid(`Entity ID ${String(item)} is an invalid entity ID`);
    return id;
  });
};

const stringList: Check = (v) => (Array.isArray(v) ? v : [v]).map((x) => cvString(x));

const ENTITY_FIELDS: Record<string, Check> = {
  entity_id: entityIds,
  device_id: stringList,
  area_id: stringList,
};

/** How a release words a bad field: 2024.3's voluptuous or 2026's probatio. */
export type ValidationWording = "voluptuous" | "probatio";

const WORDING = {
  voluptuous: {
    invalid: (text: string, key: string) => `${text} for dictionary value @ data['${key}']`,
    extra: (key: string) => `extra keys not allowed @ data['${key}']`,
    missing: (key: string) => `required key not provided @ data['${key}']`,
  },
  probatio: {
    invalid: (text: string, key: string) => `${text} at '${key}'`,
    extra: (key: string) => `not a valid option at '${key}'`,
    missing: (key: string) => `required key not provided at '${key}'`,
  },
} as const;

export function validateServiceData(
  schema: ServiceSchema,
  data: JsonObject,
  wording: ValidationWording = "voluptuous",
): JsonObject {
  const words = WORDING[wording];
  const optional = schema.entity ? { ...schema.optional, ...ENTITY_FIELDS } : schema.optional;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(data)) {
    if (key === "metadata" && schema.entity) continue; // vol.Remove("metadata")
    const check = schema.required[key] ?? optional[key];
    if (!check) {
      if (schema.allowExtra === true) {
        out[key] = value;
        continue;
      }
      throw new HaError("invalid_format", words.extra(key));
    }
    try {
      out[key] = check(value);
    } catch (err) {
      const text = err instanceof FieldInvalid ? err.message : "invalid value";
      throw new HaError("invalid_format", words.invalid(text, key));
    }
  }
  for (const key of Object.keys(schema.required)) {
    if (!(key in data)) throw new HaError("invalid_format", words.missing(key));
  }
  if (schema.entity && !Object.keys(ENTITY_FIELDS).some((k) => k in out)) {
    throw new HaError("invalid_format", "must contain at least one of entity_id, device_id, area_id.");
  }
  return out;
}

/** Entity ids a validated entity-service call refers to, as string lists. */
export function referencedIds(
  data: JsonObject,
  key: "entity_id" | "device_id" | "area_id",
): string[] | "all" {
  const v = data[key];
  if (v === "all") return "all";
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}
