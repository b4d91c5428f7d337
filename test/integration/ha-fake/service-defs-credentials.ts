// The credential services of newer HA (2026.6+, "newest" profile): entity services on zwave_js
// locks, names and fields per home-assistant.io/actions/zwave_js.* and zwave_js/lock.py; the
// checks and error keys in HA's order (access_control_helpers.py). What the README marks [I]
// (response support, validator texts, messages) was not checked against a running HA.
import { z } from "zod";
import { FAKE_PIN_LENGTH, type CredentialStore } from "./credential-store.js";
import type { FakeLock } from "./home.js";
import type { LockDriver } from "./lock-driver.js";
import { HaError, type JsonObject } from "./protocol.js";
import { coerceInt, cvString, zodCheck, type ServiceSchema } from "./service-schema.js";
import type { ServiceRegistry } from "./services.js";

const USER_TYPES = [
  "general",
  "programming",
  "non_access",
  "duress",
  "disposable",
  "expiring",
  "remote_only",
] as const;
const CREDENTIAL_TYPES = ["pin_code", "password"] as const;
const oneOf = (values: readonly [string, ...string[]]) =>
  zodCheck(
    z.enum(values),
    `value must be one of [${[...values]
      .sort()
      .map((v) => `'${v}'`)
      .join(", ")}]`,
  );
const positiveInt = (v: unknown): unknown =>
  zodCheck(z.number().int().min(1), "value must be at least 1")(coerceInt(v));
const cvBoolean = zodCheck(z.boolean(), "invalid boolean value");

const entity = (
  required: ServiceSchema["required"],
  optional: ServiceSchema["optional"] = {},
): ServiceSchema => ({ required, optional, entity: true });
const target = { entity: [{ domain: ["lock"], integration: "zwave_js" }] };
const num = (v: unknown): number => (typeof v === "number" ? v : 0);
const str = (v: unknown): string => (typeof v === "string" ? v : "");

/** ServiceValidationError: a bad request, reported before anything is sent to the lock. */
const invalid = (key: string, message: string, placeholders: Record<string, string> = {}) =>
  new HaError("service_validation_error", message, { key, domain: "zwave_js", placeholders });
/** HomeAssistantError from a status the lock answered (SetUserResult / SetCredentialResult). */
const rejected = (key: string, message: string) =>
  new HaError("home_assistant_error", message, { key, domain: "zwave_js", placeholders: {} });

/** The fake models credential writes on User Credential locks only; see the README. */
function writable(lock: FakeLock): CredentialStore {
  if (!lock.credentials)
    throw new HaError(
      "not_supported",
      `ha-fake models credential writes only on user_credential locks, not ${lock.config.entityId}`,
    );
  return lock.credentials;
}

/** zwave-js' access-control API also covers User Code locks: each occupied slot is a user with one PIN. */
function userCodeView(lock: FakeLock): JsonObject {
  const users: JsonObject[] = [];
  for (let slot = 1; slot <= lock.config.slotCount; slot++) {
    const code = lock.node.get(99, "userCode", slot)?.value;
    if (lock.node.get(99, "userIdStatus", slot)?.value !== 1 || typeof code !== "string") continue;
    users.push({
      user_id: slot,
      user_name: null,
      active: true,
      user_type: "general",
      credential_rule: null,
      credentials: [{ type: "pin_code", slot, data: code }],
    });
  }
  return { max_users: lock.config.slotCount, users };
}

function firstFree(count: number, used: (n: number) => boolean): number | undefined {
  for (let n = 1; n <= count; n++) if (!used(n)) return n;
  return undefined;
}

export function registerCredentialServices(reg: ServiceRegistry, driver: LockDriver): void {
  reg.register("zwave_js", "get_users", {
    schema: entity({}),
    supports: "only",
    description: {
      name: "Get users",
      description: "Lists the access-control users of a lock.",
      fields: {},
      target,
      response: { optional: false },
    },
    run: (_call, lock) => Promise.resolve(lock ? (lock.credentials?.view() ?? userCodeView(lock)) : {}),
  });

  reg.register("zwave_js", "set_user", {
    schema: entity(
      {},
      {
        user_id: positiveInt,
        user_name: cvString,
        user_type: oneOf(USER_TYPES),
        credential_rule: oneOf(["single", "dual", "triple"]),
        active: cvBoolean,
      },
    ),
    supports: "optional",
    description: {
      name: "Set user",
      description: "Creates or updates an access-control user on a lock.",
      fields: {},
      target,
      response: { optional: true },
    },
    run: async (call, lock) => {
      if (!lock) return null;
      const store = writable(lock);
      const userId =
        call.data.user_id === undefined
          ? firstFree(store.maxUsers, (n) => store.users.has(n))
          : num(call.data.user_id);
      if (userId === undefined)
        throw invalid("no_available_user_slots", "No available user slots on this lock");
      return driver.writeCredential(lock, () => {
        if (userId > store.maxUsers)
          throw rejected("user_rejected_unknown", "The lock rejected the user change");
        const existing = store.users.get(userId);
        store.users.set(userId, {
          name: typeof call.data.user_name === "string" ? call.data.user_name : (existing?.name ?? null),
          active: typeof call.data.active === "boolean" ? call.data.active : (existing?.active ?? true),
          userType:
            typeof call.data.user_type === "string" ? call.data.user_type : (existing?.userType ?? "general"),
          pins: existing?.pins ?? new Map<number, string>(),
          tags: existing?.tags ?? [],
        });
        return { user_id: userId };
      });
    },
  });

  reg.register("zwave_js", "set_credential", {
    schema: entity(
      { user_id: positiveInt, credential_type: oneOf(CREDENTIAL_TYPES), credential_data: cvString },
      { credential_slot: positiveInt },
    ),
    supports: "optional",
    description: {
      name: "Set credential",
      description: "Adds or updates a credential of an existing user.",
      fields: {},
      target,
      response: { optional: true },
    },
    run: async (call, lock) => {
      if (!lock) return null;
      const store = writable(lock);
      const userId = num(call.data.user_id);
      const type = str(call.data.credential_type);
      const data = str(call.data.credential_data);
      if (type !== "pin_code")
        throw invalid(
          "credential_type_not_supported",
          `Credential type ${type} is not supported by this lock`,
          { credential_type: type },
        );
      if (data.length < FAKE_PIN_LENGTH.min || data.length > FAKE_PIN_LENGTH.max) {
        throw invalid(
          "credential_data_invalid_length",
          `The pin_code must be between ${FAKE_PIN_LENGTH.min} and ${FAKE_PIN_LENGTH.max} characters long`,
          {
            credential_type: type,
            min_length: String(FAKE_PIN_LENGTH.min),
            max_length: String(FAKE_PIN_LENGTH.max),
          },
        );
      }
      if (!/^\d+$/.test(data))
        throw invalid("credential_data_pin_not_digits", "A PIN code must contain only digits");
      const slot =
        call.data.credential_slot === undefined
          ? firstFree(store.pinSlots, (n) => store.ownerOfPinSlot(n) !== undefined)
          : num(call.data.credential_slot);
      if (slot === undefined)
        throw invalid("no_available_credential_slots", "No available pin_code slots on this lock", {
          credential_type: type,
        });
      if (slot > store.pinSlots)
        throw invalid(
          "credential_slot_out_of_range",
          `Credential slot must be between 1 and ${store.pinSlots}`,
          { credential_type: type, max_slot: String(store.pinSlots) },
        );
      return driver.writeCredential(lock, () => {
        const user = store.users.get(userId);
        // Real locks answer a credential for a missing user with a rejection status.
        if (!user) throw rejected("credential_rejected_unknown", "The lock rejected the credential");
        const owner = store.ownerOfPinSlot(slot);
        if (owner !== undefined && owner !== userId)
          throw rejected(
            "credential_rejected_add_occupied",
            "The lock rejected the credential: the slot is occupied",
          );
        if (store.holdsPinElsewhere(data, slot))
          throw rejected(
            "credential_rejected_duplicate",
            "The lock rejected the credential: it is a duplicate",
          );
        user.pins.set(slot, data);
        return { credential_slot: slot, user_id: userId };
      });
    },
  });

  reg.register("zwave_js", "delete_credential", {
    schema: entity({
      user_id: positiveInt,
      credential_type: oneOf(CREDENTIAL_TYPES),
      credential_slot: positiveInt,
    }),
    supports: "none",
    description: {
      name: "Delete credential",
      description: "Removes one credential of a user.",
      fields: {},
      target,
    },
    run: async (call, lock) => {
      if (!lock) return null;
      const store = writable(lock);
      const slot = num(call.data.credential_slot);
      return driver.writeCredential(lock, () => {
        const user = store.users.get(num(call.data.user_id));
        if (call.data.credential_type !== "pin_code" || !user?.pins.has(slot))
          throw rejected(
            "credential_rejected_modify_empty",
            "The lock rejected the change: the credential slot is empty",
          );
        user.pins.delete(slot);
        return null;
      });
    },
  });
}
