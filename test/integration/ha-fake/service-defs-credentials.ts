// The credential actions of HA 2026.6+ ("newest" profile): entity services on zwave_js locks,
// with the fields, checks, responses and error keys of HA 2026.11's zwave_js/lock.py and
// lock_helpers.py, held to the real release by contract-credentials.ts. They serve User Code
// locks too, through zwave-js' access-control API (access-control.ts).
import { z } from "zod";
import { lockAccess, type LockAccess } from "./access-control.js";
import { FAKE_PIN_LENGTH, usersView } from "./credential-store.js";
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

/** ServiceValidationError: a bad request, refused before anything is sent to the lock. */
const invalid = (key: string, message: string, placeholders: Record<string, string> = {}) =>
  new HaError("service_validation_error", `Validation error: ${message}`, {
    key,
    domain: "zwave_js",
    placeholders,
  });

function firstFree(count: number, used: (n: number) => boolean): number | undefined {
  for (let n = 1; n <= count; n++) if (!used(n)) return n;
  return undefined;
}

/** lock_helpers.py _validate_credential_data: type, length, ASCII digits. */
function checkPin(type: string, data: string): void {
  if (type !== "pin_code")
    throw invalid(
      "credential_type_not_supported",
      `Credential type ${type} is not supported by this device`,
      {
        credential_type: type,
      },
    );
  if (data.length < FAKE_PIN_LENGTH.min || data.length > FAKE_PIN_LENGTH.max)
    throw invalid(
      "credential_data_invalid_length",
      `The ${type} must be between ${FAKE_PIN_LENGTH.min} and ${FAKE_PIN_LENGTH.max} characters long`,
      {
        credential_type: type,
        min_length: String(FAKE_PIN_LENGTH.min),
        max_length: String(FAKE_PIN_LENGTH.max),
      },
    );
  if (!/^[0-9]+$/.test(data))
    throw invalid("credential_data_pin_not_digits", "A PIN code must contain only digits");
}

function usedPinSlots(access: LockAccess): Set<number> {
  return new Set([...access.users().values()].flatMap((u) => [...u.pins.keys()]));
}

/** _async_resolve_credential_slot: an explicit slot as asked; else the first free one, or the user's own. */
function resolveSlot(access: LockAccess, userId: number, asked: unknown): number {
  if (asked !== undefined) return num(asked);
  if (!access.usersWithoutCredentials) return userId;
  const used = usedPinSlots(access);
  const slot = firstFree(access.pinSlots, (n) => used.has(n));
  if (slot === undefined)
    throw invalid("no_available_credential_slots", "No available pin_code slots on this device", {
      credential_type: "pin_code",
    });
  return slot;
}

export function registerCredentialServices(reg: ServiceRegistry, driver: LockDriver): void {
  const access = (lock: FakeLock) => lockAccess(lock, driver);

  reg.register("zwave_js", "get_users", {
    schema: entity({}),
    supports: "only",
    description: {
      name: "Get users",
      description: "Lists the access-control users of a lock.",
      fields: {},
      target,
    },
    run: (_call, lock) => {
      if (!lock) return Promise.resolve({});
      const view = access(lock);
      return Promise.resolve(usersView(view.maxUsers, view.users()));
    },
  });

  reg.register("zwave_js", "get_credential_capabilities", {
    schema: entity({}),
    supports: "only",
    description: {
      name: "Get credential capabilities",
      description: "Returns what users and credentials a lock supports.",
      fields: {},
      target,
    },
    run: (_call, lock) => {
      if (!lock) return Promise.resolve({});
      const view = access(lock);
      const result: JsonObject = {
        supports_user_management: true,
        max_users: view.maxUsers,
        supported_user_types: ["general"],
        max_user_name_length: view.usersWithoutCredentials ? 32 : 0,
        supported_credential_rules: view.usersWithoutCredentials ? ["single"] : [],
        supported_credential_types: {
          pin_code: {
            num_slots: view.pinSlots,
            min_length: FAKE_PIN_LENGTH.min,
            max_length: FAKE_PIN_LENGTH.max,
            supports_learn: false,
          },
        },
      };
      return Promise.resolve(result);
    },
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
        credential_type: oneOf(CREDENTIAL_TYPES),
        credential_data: cvString,
        credential_slot: positiveInt,
      },
    ),
    supports: "optional",
    adminOnly: true,
    description: {
      name: "Set user",
      description: "Creates or updates an access-control user.",
      fields: {},
      target,
    },
    run: async (call, lock) => {
      if (!lock) return null;
      const view = access(lock);
      const pin =
        call.data.credential_type !== undefined && call.data.credential_data !== undefined
          ? { type: str(call.data.credential_type), data: str(call.data.credential_data) }
          : null;
      const changes = {
        ...(typeof call.data.user_name === "string" ? { name: call.data.user_name } : {}),
        ...(typeof call.data.active === "boolean" ? { active: call.data.active } : {}),
        ...(typeof call.data.user_type === "string" ? { userType: call.data.user_type } : {}),
      };
      if (call.data.user_id === undefined) {
        // A new user, created together with its credential where the lock needs one (addUser).
        const users = view.users();
        const userId = firstFree(view.maxUsers, (n) => users.has(n));
        if (userId === undefined)
          throw invalid("no_available_user_slots", "No available user slots on this device");
        if (!pin && !view.usersWithoutCredentials)
          throw invalid("credential_required", "This device requires a credential when adding a user");
        if (pin) checkPin(pin.type, pin.data);
        const slot = pin ? resolveSlot(view, userId, call.data.credential_slot) : null;
        if (view.usersWithoutCredentials) await view.setUser(userId, changes);
        if (pin && slot !== null) {
          try {
            await view.setPin(userId, slot, pin.data);
          } catch (error) {
            // addUser rolls the user back when its credential is refused.
            if (view.usersWithoutCredentials) await view.deleteUser(userId);
            throw error;
          }
        }
        return { user_id: userId, credential_slot: slot };
      }
      const userId = num(call.data.user_id);
      await view.setUser(userId, changes);
      if (!pin) return { user_id: userId, credential_slot: null };
      checkPin(pin.type, pin.data);
      const slot = resolveSlot(view, userId, call.data.credential_slot);
      await view.setPin(userId, slot, pin.data);
      return { user_id: userId, credential_slot: slot };
    },
  });

  reg.register("zwave_js", "set_credential", {
    schema: entity(
      { user_id: positiveInt, credential_type: oneOf(CREDENTIAL_TYPES), credential_data: cvString },
      { credential_slot: positiveInt },
    ),
    supports: "only",
    adminOnly: true,
    description: {
      name: "Set credential",
      description: "Adds or updates a credential of an existing user.",
      fields: {},
      target,
      response: { optional: false },
    },
    run: async (call, lock) => {
      if (!lock) return null;
      const view = access(lock);
      const userId = num(call.data.user_id);
      const data = str(call.data.credential_data);
      checkPin(str(call.data.credential_type), data);
      let slot: number;
      if (call.data.credential_slot !== undefined) slot = num(call.data.credential_slot);
      else {
        const used = usedPinSlots(view);
        const free = firstFree(view.pinSlots, (n) => used.has(n));
        if (free === undefined)
          throw invalid("no_available_credential_slots", "No available pin_code slots on this device", {
            credential_type: "pin_code",
          });
        slot = free;
      }
      await view.setPin(userId, slot, data);
      return { credential_slot: slot, user_id: userId };
    },
  });

  const deleteService = (
    service: string,
    fields: ServiceSchema["required"],
    run: (view: LockAccess, data: JsonObject) => Promise<void>,
  ) => {
    reg.register("zwave_js", service, {
      schema: entity(fields),
      supports: "none",
      adminOnly: true,
      description: { name: service, description: `zwave_js.${service}`, fields: {}, target },
      run: async (call, lock) => {
        if (lock) await run(access(lock), call.data);
        return null;
      },
    });
  };
  deleteService(
    "delete_credential",
    { user_id: positiveInt, credential_type: oneOf(CREDENTIAL_TYPES), credential_slot: positiveInt },
    (view, data) => view.deletePin(num(data.user_id), num(data.credential_slot)),
  );
  deleteService("delete_user", { user_id: positiveInt }, (view, data) => view.deleteUser(num(data.user_id)));
  deleteService("delete_all_users", {}, async (view) => {
    for (const userId of [...view.users().keys()]) await view.deleteUser(userId);
  });
  deleteService("delete_all_credentials", { user_id: positiveInt }, async (view, data) => {
    const userId = num(data.user_id);
    for (const slot of [...(view.users().get(userId)?.pins.keys() ?? [])]) await view.deletePin(userId, slot);
  });
}
