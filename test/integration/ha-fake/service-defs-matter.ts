// HA's matter lock actions (2026.4+; "newest" profile), with the fields, responses and error keys
// of HA 2026.11's matter/services.py and matter/lock_helpers.py, on a Matter lock of the fake
// (matter-door-lock.ts). Not admin-only: the matter integration does not restrict them. Held to
// real HA by contract-matter.ts.
import { z } from "zod";
import type { FakeLock } from "./home.js";
import { HA_FABRIC, MATTER_PIN_LENGTH, type MatterDoorLock } from "./matter-door-lock.js";
import { HaError, type JsonObject } from "./protocol.js";
import { coerceInt, cvString, zodCheck, type ServiceSchema } from "./service-schema.js";
import type { ServiceRegistry } from "./services.js";

const CREDENTIAL_TYPES = ["pin", "rfid", "fingerprint", "finger_vein", "face"] as const;
const oneOf = (values: readonly [string, ...string[]]) =>
  zodCheck(
    z.enum(values),
    `value must be one of [${[...values]
      .sort()
      .map((v) => `'${v}'`)
      .join(", ")}]`,
  );
const atLeast =
  (min: number) =>
  (v: unknown): unknown =>
    zodCheck(z.number().int().min(min), `value must be at least ${min}`)(coerceInt(v));
const entity = (
  required: ServiceSchema["required"],
  optional: ServiceSchema["optional"] = {},
): ServiceSchema => ({
  required,
  optional,
  entity: true,
});
const target = { entity: [{ domain: ["lock"], integration: "matter" }] };
const num = (v: unknown): number | null => (typeof v === "number" ? v : null);
const str = (v: unknown): string => (typeof v === "string" ? v : "");

function doorLock(lock: FakeLock | null): MatterDoorLock {
  if (!lock?.matter) throw new HaError("home_assistant_error", "No lock endpoint found on this device");
  return lock.matter;
}

/** lock_helpers.py _validate_credential_data, for PINs (the fake lock has no other credential type). */
function checkPin(type: string, pin: string): void {
  if (type !== "pin")
    throw new HaError(
      "service_validation_error",
      `Validation error: The lock does not support credential type \`${type}\`.`,
      {
        key: "credential_type_not_supported",
        domain: "matter",
        placeholders: { credential_type: type },
      },
    );
  const reason = !/^\d+$/.test(pin)
    ? "PIN must contain only digits"
    : pin.length < MATTER_PIN_LENGTH.min || pin.length > MATTER_PIN_LENGTH.max
      ? `PIN length must be between ${MATTER_PIN_LENGTH.min} and ${MATTER_PIN_LENGTH.max}`
      : null;
  if (reason)
    throw new HaError("service_validation_error", `Validation error: Invalid credential data: ${reason}.`, {
      key: "invalid_credential_data",
      domain: "matter",
      placeholders: { reason },
    });
}

const respond = (view: JsonObject) => Promise.resolve(view);

export function registerMatterServices(reg: ServiceRegistry): void {
  const description = (name: string, fields: JsonObject = {}) => ({
    name,
    description: name,
    fields,
    target,
  });
  reg.register("matter", "get_lock_info", {
    schema: entity({}),
    supports: "only",
    integration: "matter",
    description: description("Get lock info"),
    run: (_call, lock) => respond(doorLock(lock).infoView()),
  });
  reg.register("matter", "get_lock_users", {
    schema: entity({}),
    supports: "only",
    integration: "matter",
    description: description("Get lock users"),
    run: (_call, lock) => respond(doorLock(lock).usersView()),
  });
  reg.register("matter", "get_lock_credential_status", {
    schema: entity({
      credential_type: oneOf(["programming_pin", ...CREDENTIAL_TYPES]),
      credential_index: atLeast(0),
    }),
    supports: "only",
    integration: "matter",
    description: description("Get lock credential status"),
    run: (call, lock) => respond(doorLock(lock).statusView(num(call.data.credential_index) ?? 0)),
  });
  reg.register("matter", "set_lock_credential", {
    schema: entity(
      { credential_type: oneOf(CREDENTIAL_TYPES), credential_data: cvString },
      {
        credential_index: atLeast(0),
        user_index: atLeast(1),
        user_status: oneOf(["occupied_enabled", "occupied_disabled"]),
      },
    ),
    supports: "only",
    integration: "matter",
    description: description("Set lock credential"),
    run: (call, lock) => {
      const door = doorLock(lock);
      const pin = str(call.data.credential_data);
      checkPin(str(call.data.credential_type), pin);
      // No index: HA takes the first PIN index whose GetCredentialStatus says it is free.
      const index = num(call.data.credential_index) ?? door.firstFreeCredential();
      if (index === undefined)
        throw new HaError(
          "service_validation_error",
          "Validation error: No available credential slots on the lock",
        );
      const answer = door.setCredential(index, pin, num(call.data.user_index), HA_FABRIC);
      if (answer.status !== "success") {
        const status = answer.status === "invalid_command" ? "unknown(133)" : answer.status;
        throw new HaError(
          "home_assistant_error",
          `Failed to set credential: lock returned status \`${status}\``,
          {
            key: "set_credential_failed",
            domain: "matter",
            placeholders: { status },
          },
        );
      }
      return respond({
        credential_index: index,
        user_index: answer.userIndex,
        next_credential_index: door.firstFreeCredential() ?? null,
      });
    },
  });
  reg.register("matter", "clear_lock_credential", {
    schema: entity({ credential_type: oneOf(CREDENTIAL_TYPES), credential_index: atLeast(0) }),
    supports: "none",
    integration: "matter",
    description: description("Clear lock credential"),
    run: (call, lock) => {
      const index = num(call.data.credential_index) ?? 0;
      // The simulated lock answers InvalidCommand for an empty index; the Matter server raises it.
      if (!doorLock(lock).clearCredential(index))
        throw new HaError(
          "home_assistant_error",
          `Failed to clear lock credential on ${lock?.config.entityId ?? ""}: Command ClearCredential failed: InvalidCommand (0x85)`,
        );
      return Promise.resolve(null);
    },
  });
  reg.register("matter", "set_lock_user", {
    schema: entity(
      {},
      {
        user_index: atLeast(1),
        user_name: (v: unknown) => (v === null ? null : cvString(v)),
        user_type: cvString,
        credential_rule: cvString,
      },
    ),
    supports: "none",
    integration: "matter",
    description: description("Set lock user"),
    run: (call, lock) => {
      const index = num(call.data.user_index);
      const name = typeof call.data.user_name === "string" ? call.data.user_name : null;
      if (doorLock(lock).setUser(index, name, HA_FABRIC) === null)
        throw new HaError(
          "service_validation_error",
          index === null
            ? "Validation error: No available user slots on the lock"
            : `Validation error: User slot ${index} is empty`,
        );
      return Promise.resolve(null);
    },
  });
  reg.register("matter", "clear_lock_user", {
    schema: entity({ user_index: atLeast(1) }),
    supports: "none",
    integration: "matter",
    description: description("Clear lock user"),
    run: (call, lock) => {
      doorLock(lock).clearUser(num(call.data.user_index) ?? 0);
      return Promise.resolve(null);
    },
  });
}
