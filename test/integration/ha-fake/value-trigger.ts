// subscribe_trigger with platform "zwave_js.value_updated", mirroring
// zwave_js/triggers/value_updated.py (TRIGGER_SCHEMA, async_validate_trigger_config,
// async_attach_trigger) and helpers/trigger.py async_initialize_triggers (id/idx/alias).
import { z } from "zod";
import type { FakeLock, Home } from "./home.js";
import { HaError, invalidFormat, type JsonObject } from "./protocol.js";
import type { ValueUpdate } from "./zwave-node.js";

const intish = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);
const listOf = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));
const valueMatch = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])),
]);

export const valueUpdatedTrigger = z.strictObject({
  platform: z.literal("zwave_js.value_updated"),
  id: z.string().optional(),
  alias: z.string().optional(),
  enabled: z.boolean().optional(),
  device_id: listOf.optional(),
  entity_id: listOf.optional(),
  command_class: z.number().int(),
  property: z.union([z.number().int(), z.string()]),
  endpoint: intish.optional(),
  property_key: z.union([intish, z.string()]).optional(),
  from: valueMatch.optional(),
  to: valueMatch.optional(),
});
export type ValueUpdatedTrigger = z.infer<typeof valueUpdatedTrigger>;

type Send = (variables: JsonObject) => void;

/** Locks the trigger targets (helpers.async_get_nodes_from_targets). */
function targetLocks(home: Home, conf: ValueUpdatedTrigger): FakeLock[] {
  const found = new Set<FakeLock>();
  for (const id of conf.device_id ?? []) {
    const lock = home.lockByDevice(id);
    if (lock) found.add(lock);
  }
  for (const id of conf.entity_id ?? []) {
    const lock = home.lockByEntity(id);
    if (lock) found.add(lock);
  }
  return [...found];
}

/** Validation as async_validate_trigger_config: schema, then "no nodes" is a vol.Invalid. */
export function validateTrigger(home: Home, raw: unknown): ValueUpdatedTrigger {
  const parsed = valueUpdatedTrigger.safeParse(raw);
  if (!parsed.success) throw invalidFormat(parsed.error.issues[0]?.message ?? "invalid trigger", raw);
  if (parsed.data.device_id === undefined && parsed.data.entity_id === undefined) {
    throw invalidFormat("must contain at least one of entity_id, device_id.", raw);
  }
  if (targetLocks(home, parsed.data).length === 0)
    throw invalidFormat("No nodes found for given device_ids or entity_ids.", raw);
  return parsed.data;
}

function matches(match: ValueUpdatedTrigger["from"], value: unknown, raw: unknown): boolean {
  if (match === undefined) return true; // MATCH_ALL
  if (Array.isArray(match)) return match.some((m) => m === value || m === raw);
  return match === value || match === raw;
}

/**
 * Attach one trigger. A value id that does not exist (e.g. userCode without property_key)
 * raises KeyError inside HA's attach, which HA only logs: the subscription succeeds and
 * never fires. We mirror that by attaching nothing.
 */
export function attachValueTrigger(
  home: Home,
  conf: ValueUpdatedTrigger,
  idx: number,
  send: Send,
): () => void {
  const unsubs: (() => void)[] = [];
  const key = conf.property_key === undefined ? null : Number(conf.property_key);
  for (const lock of targetLocks(home, conf)) {
    const value = lock.node.get(
      conf.command_class,
      String(conf.property),
      Number.isNaN(key) ? null : key,
      conf.endpoint ?? 0,
    );
    if (!value) continue;
    const device = home.deviceRegistry.find((d) => d.id === lock.deviceId);
    const deviceName = typeof device?.name_by_user === "string" ? device.name_by_user : lock.config.name;
    unsubs.push(
      lock.node.onValueUpdated((u: ValueUpdate) => {
        if (u.value !== value) return;
        const prev = u.prevValue === null ? null : (value.states[String(u.prevValue)] ?? u.prevValue);
        const curr = u.newValue === null ? null : (value.states[String(u.newValue)] ?? u.newValue);
        if (!matches(conf.from, prev, u.prevValue) || !matches(conf.to, curr, u.newValue)) return;
        send({
          trigger: {
            id: conf.id ?? String(idx),
            idx: String(idx),
            alias: conf.alias ?? null,
            platform: "zwave_js.value_updated",
            device_id: lock.deviceId,
            node_id: lock.config.nodeId,
            command_class: value.commandClass,
            command_class_name: value.commandClassName,
            property: value.property,
            property_name: value.propertyName,
            endpoint: conf.endpoint ?? null,
            property_key: value.propertyKey,
            property_key_name: value.propertyKeyName,
            previous_value: prev,
            previous_value_raw: u.prevValue,
            current_value: curr,
            current_value_raw: u.newValue,
            description: `Z-Wave value ${lock.node.idOf(value)} updated on ${deviceName}`,
          },
        });
      }),
    );
  }
  return () => {
    for (const u of unsubs) u();
  };
}

export function unsupportedPlatform(raw: unknown): HaError {
  return invalidFormat("Invalid platform specified (the fake supports only zwave_js.value_updated)", raw);
}
