// The services the fake offers, with HA 2024.3's schemas: zwave_js/lock.py
// (set/clear_lock_usercode entity services), lock/__init__.py (lock, unlock),
// persistent_notification/__init__.py (create, dismiss), notify/legacy.py (notify.<name>).
import { z } from "zod";
import type { LockDriver } from "./lock-driver.js";
import type { HaProfile } from "./options.js";
import { HaError, type JsonObject } from "./protocol.js";
import { registerCredentialServices } from "./service-defs-credentials.js";
import { registerMatterServices } from "./service-defs-matter.js";
import { anyDict, coerceInt, cvString, type ServiceSchema } from "./service-schema.js";
import type { ServiceRegistry } from "./services.js";

export interface Notifications {
  persistent: Map<string, { message: string; title: string | null }>;
  sent: { service: string; data: JsonObject }[];
}

/** invoke_cc_api's `parameters: list` (vol list check). */
const parameterList = (v: unknown): unknown[] => {
  const list = z.array(z.unknown()).safeParse(v);
  if (!list.success)
    throw new HaError("invalid_format", "expected list for dictionary value @ data['parameters']");
  return list.data;
};

const num = (v: unknown): number => (typeof v === "number" ? v : 0);
const str = (v: unknown): string => (typeof v === "string" ? v : "");

export function registerServices(
  reg: ServiceRegistry,
  driver: LockDriver,
  profile: HaProfile,
  notifyNames: string[],
  notes: Notifications,
): void {
  const entity = (
    required: ServiceSchema["required"],
    optional: ServiceSchema["optional"] = {},
  ): ServiceSchema => ({ required, optional, entity: true });

  const newest = profile === "newest";
  /** HA 2026 words a failed code action with a translation of its own. */
  const codeActionFailed = (
    action: "set" | "clear",
    lock: { config: { entityId: string } },
    slot: number,
    error: string,
  ) =>
    new HaError(
      "home_assistant_error",
      `Unable to ${action} lock usercode on lock ${lock.config.entityId} code_slot ${slot}: ${error}`,
      newest
        ? {
            key: `${action}_lock_usercode_failed`,
            domain: "zwave_js",
            placeholders: { entity_id: lock.config.entityId, code_slot: String(slot), error },
          }
        : undefined,
    );

  reg.register("zwave_js", "set_lock_usercode", {
    schema: entity({ code_slot: coerceInt, usercode: cvString }),
    supports: "none",
    adminOnly: true,
    description: {
      name: "Set lock user code",
      description: "Sets a user code on a lock.",
      fields: {},
      target: { entity: [{ domain: ["lock"], integration: "zwave_js" }] },
    },
    run: async (call, lock) => {
      if (!lock) return null;
      const slot = num(call.data.code_slot);
      const code = str(call.data.usercode);
      // zwave_js_server util/lock.py set_usercode: the slot lookup comes before the length check.
      if (!lock.node.get(99, "userCode", slot))
        throw codeActionFailed("set", lock, slot, `userCode for code slot ${slot} not found`);
      if (code.length < 4) {
        // 2026.11 answers success and the lock keeps what it had; 2024.3 raised a ValueError.
        if (newest) return null;
        throw new HaError("unknown_error", "User code must be at least 4 digits");
      }
      await driver.writeSlot(lock, slot, code);
      return null;
    },
  });

  reg.register("zwave_js", "clear_lock_usercode", {
    schema: entity({ code_slot: coerceInt }),
    supports: "none",
    description: {
      name: "Clear lock user code",
      description: "Clears a user code from a lock.",
      fields: {},
      target: { entity: [{ domain: ["lock"], integration: "zwave_js" }] },
    },
    adminOnly: true,
    run: async (call, lock) => {
      if (!lock) return null;
      const slot = num(call.data.code_slot);
      if (!lock.node.get(99, "userIdStatus", slot)) {
        throw codeActionFailed("clear", lock, slot, `userIdStatus for code slot ${slot} not found`);
      }
      await driver.writeSlot(lock, slot, null);
      return null;
    },
  });

  // services.py async_invoke_cc_api (2024.3 too): response-less; a User Code "get" makes the
  // driver re-read the slot, whose report reaches value_updated triggers. Real HA validates
  // targets with has_at_least_one_key rather than as an entity service; for one lock the
  // observable behaviour is the same.
  reg.register("zwave_js", "invoke_cc_api", {
    schema: entity(
      { command_class: coerceInt, method_name: cvString, parameters: parameterList },
      { endpoint: coerceInt },
    ),
    supports: "none",
    description: {
      name: "Invoke a Command Class API on a node",
      description: "Calls a Command Class API on a node.",
      fields: {},
    },
    run: async (call, lock) => {
      if (!lock) return null;
      const slot: unknown = z.array(z.unknown()).parse(call.data.parameters)[0];
      if (num(call.data.command_class) === 99 && call.data.method_name === "get" && typeof slot === "number")
        await driver.readSlot(lock, slot);
      return null;
    },
  });

  if (profile === "newest") {
    registerCredentialServices(reg, driver);
    registerMatterServices(reg);
    // Newer HA (notes/ha-api.md): response-only, answers from the driver's cache.
    reg.register("zwave_js", "get_lock_usercode", {
      schema: entity({}, { code_slot: coerceInt }),
      supports: "only",
      description: {
        name: "Get lock user codes",
        description: "Returns the cached user codes of a lock.",
        fields: {},
        response: { optional: false },
      },
      adminOnly: true,
      run: (call, lock) => {
        const out: JsonObject = {};
        // A User Credential lock has no User Code values: nothing to list.
        if (!lock || lock.credentials) return Promise.resolve(out);
        const only = call.data.code_slot;
        for (let slot = 1; slot <= lock.config.slotCount; slot++) {
          if (only !== undefined && only !== slot) continue;
          const status = lock.node.get(99, "userIdStatus", slot)?.value;
          out[String(slot)] = {
            usercode: lock.node.get(99, "userCode", slot)?.value ?? null,
            in_use: status === null || status === undefined ? null : status === 1,
          };
        }
        return Promise.resolve(out);
      },
    });
  }

  for (const [service, locked] of [
    ["lock", true],
    ["unlock", false],
  ] as const) {
    reg.register("lock", service, {
      schema: entity({}, { code: cvString }),
      supports: "none",
      description: {
        name: service === "lock" ? "Lock" : "Unlock",
        description: `${service === "lock" ? "Locks" : "Unlocks"} a lock.`,
        fields: {},
        target: { entity: [{ domain: ["lock"] }] },
      },
      run: async (call, lock) => {
        if (lock) await driver.setLocked(lock, locked, call.context);
        return null;
      },
    });
  }

  reg.register("persistent_notification", "create", {
    schema: {
      required: { message: cvString },
      optional: { title: cvString, notification_id: cvString },
      entity: false,
    },
    supports: "none",
    description: {
      name: "Create",
      description: "Shows a notification on the notifications panel.",
      fields: {},
    },
    run: (call) => {
      const id =
        typeof call.data.notification_id === "string"
          ? call.data.notification_id
          : Math.random().toString(36).slice(2);
      notes.persistent.set(id, {
        message: str(call.data.message),
        title: typeof call.data.title === "string" ? call.data.title : null,
      });
      return Promise.resolve(null);
    },
  });

  reg.register("persistent_notification", "dismiss", {
    schema: { required: { notification_id: cvString }, optional: {}, entity: false },
    supports: "none",
    description: {
      name: "Dismiss",
      description: "Removes a notification from the notifications panel.",
      fields: {},
    },
    run: (call) => {
      notes.persistent.delete(str(call.data.notification_id));
      return Promise.resolve(null);
    },
  });

  for (const name of notifyNames) {
    reg.register("notify", name, {
      schema: {
        required: { message: cvString },
        optional: { title: cvString, target: (v) => v, data: anyDict },
        entity: false,
      },
      supports: "none",
      description: {
        name: `Send a notification with ${name}`,
        description: `Sends a notification message using the ${name} integration.`,
        fields: {},
      },
      run: (call) => {
        notes.sent.push({ service: `notify.${name}`, data: call.data });
        return Promise.resolve(null);
      },
    });
  }
}
