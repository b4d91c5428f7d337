// zwave_js websocket commands of HA 2024.3 (zwave_js/api.py) plus subscribe_trigger
// (websocket_api/commands.py handle_subscribe_trigger), and the "newest" profile's
// zwave_js/invoke_cc_api (notes/ha-api.md; not present in 2024.3).
import { z } from "zod";
import { command, type CommandDef, type FakeCore } from "./command-types.js";
import type { FakeLock } from "./home.js";
import { HaError, eventFrame, resultFrame } from "./protocol.js";
import { attachValueTrigger, unsupportedPlatform, validateTrigger } from "./value-trigger.js";
import { NODE_STATUS_CODE } from "./zwave-node.js";

const base = { id: z.number().int().positive() };

/** zwave_js/api.py _async_get_node via helpers.async_get_node_from_device_id. */
function nodeOf(core: FakeCore, deviceId: string): FakeLock {
  const lock = core.home.lockByDevice(deviceId);
  if (lock) return lock;
  if (!core.home.deviceRegistry.some((d) => d.id === deviceId))
    throw new HaError("not_found", `Device ID ${deviceId} is not valid`);
  throw new HaError("not_found", `Device ${deviceId} is not from an existing zwave_js config entry`);
}

/** zwave_js/api.py node_status(). */
function nodeStatus(lock: FakeLock): Record<string, unknown> {
  return {
    node_id: lock.config.nodeId,
    is_routing: false,
    status: NODE_STATUS_CODE[lock.node.status],
    is_secure: true,
    ready: true,
    zwave_plus_version: 2,
    highest_security_class: 2,
    is_controller_node: false,
    has_firmware_update_cc: true,
  };
}

/** Command class ids zwave_js_server's CommandClass enum knows (subset the fake cares about). */
const KNOWN_CC = new Set([32, 37, 38, 98, 99, 108, 112, 113, 114, 128, 134, 159]);

export const ZWAVE_COMMANDS: Record<string, CommandDef> = {
  subscribe_trigger: command(
    z.strictObject({
      ...base,
      type: z.literal("subscribe_trigger"),
      trigger: z.unknown(),
      variables: z.record(z.string(), z.unknown()).optional(),
    }),
    true,
    (core, conn, msg) => {
      const raw = Array.isArray(msg.trigger) ? msg.trigger : [msg.trigger];
      const confs = raw.map((t) => {
        const platform = z.looseObject({ platform: z.string() }).safeParse(t);
        if (!platform.success || platform.data.platform !== "zwave_js.value_updated")
          throw unsupportedPlatform(t);
        return validateTrigger(core.home, t);
      });
      const unsubs = confs.map((conf, idx) =>
        conf.enabled === false
          ? () => undefined
          : attachValueTrigger(core.home, conf, idx, (variables) => {
              conn.send(eventFrame(msg.id, { variables, context: null }));
            }),
      );
      conn.subscriptions.set(msg.id, () => {
        for (const u of unsubs) u();
      });
      conn.send(resultFrame(msg.id));
    },
  ),
  "zwave_js/node_status": command(
    z.strictObject({ ...base, type: z.literal("zwave_js/node_status"), device_id: z.string() }),
    false,
    (core, conn, msg) => {
      conn.send(resultFrame(msg.id, nodeStatus(nodeOf(core, msg.device_id))));
    },
  ),
  "zwave_js/subscribe_node_status": command(
    z.strictObject({ ...base, type: z.literal("zwave_js/subscribe_node_status"), device_id: z.string() }),
    false,
    (core, conn, msg) => {
      const lock = nodeOf(core, msg.device_id);
      conn.subscriptions.set(
        msg.id,
        lock.node.onStatusEvent((event) => {
          conn.send(eventFrame(msg.id, { event, status: NODE_STATUS_CODE[lock.node.status], ready: true }));
        }),
      );
      conn.send(resultFrame(msg.id));
    },
  ),
  "zwave_js/refresh_node_cc_values": command(
    z.strictObject({
      ...base,
      type: z.literal("zwave_js/refresh_node_cc_values"),
      device_id: z.string(),
      command_class_id: z.number().int(),
    }),
    true,
    async (core, conn, msg) => {
      const lock = nodeOf(core, msg.device_id);
      if (!KNOWN_CC.has(msg.command_class_id))
        throw new HaError("not_found", `Command class ${msg.command_class_id} not found`);
      // node.async_refresh_cc_values returns once the driver accepted the refresh; values follow.
      if (msg.command_class_id === 99 && lock.node.status !== "dead") void core.driver.refreshUserCodes(lock);
      await Promise.resolve();
      conn.send(resultFrame(msg.id));
    },
  ),
};

/** Command classes of a fake lock's root endpoint (id, name, version), as zwave-js lists them. */
function commandClasses(lock: FakeLock): [number, string, number][] {
  const codes: [number, string, number] = lock.credentials
    ? [131, "User Credential", 1]
    : [99, "User Code", 2];
  const battery: [number, string, number][] = lock.config.battery === undefined ? [] : [[128, "Battery", 1]];
  return [
    [98, "Door Lock", 4],
    codes,
    [113, "Notification", 8],
    ...battery,
    [134, "Version", 3],
    [159, "Security 2", 1],
  ];
}

export const NEWEST_ZWAVE_COMMANDS: Record<string, CommandDef> = {
  // api.py websocket_node_capabilities (not in 2024.3): endpoint index → CommandClassInfo.to_dict()
  // plus a snake_case is_secure; JSON turns the int endpoint keys into strings.
  "zwave_js/node_capabilities": command(
    z.strictObject({ ...base, type: z.literal("zwave_js/node_capabilities"), device_id: z.string() }),
    false,
    (core, conn, msg) => {
      const lock = nodeOf(core, msg.device_id);
      const classes = commandClasses(lock).map(([id, name, version]) => ({
        id,
        name,
        version,
        isSecure: true,
        is_secure: true,
      }));
      conn.send(resultFrame(msg.id, { "0": classes }));
    },
  ),
  "zwave_js/invoke_cc_api": command(
    z.strictObject({
      ...base,
      type: z.literal("zwave_js/invoke_cc_api"),
      device_id: z.string(),
      command_class: z.number().int(),
      endpoint: z.number().int().optional(),
      method_name: z.string(),
      parameters: z.array(z.unknown()),
      wait_for_result: z.boolean().optional(),
    }),
    true,
    async (core, conn, msg) => {
      // zwave_js_server's CommandClass enum has no User Credential (131): HA's schema refuses it.
      if (msg.command_class === 131)
        throw new HaError(
          "invalid_format",
          "expected CommandClass or one of 0, …, 163 at 'command_class'. Got 131",
        );
      const lock = nodeOf(core, msg.device_id);
      // zwave-js refuses a CC API the node does not have; the exact error text is not modelled.
      if (lock.credentials && msg.command_class === 99)
        throw new HaError("not_supported", `Node ${lock.config.nodeId} does not support the User Code CC`);
      if (msg.command_class !== 99)
        throw new HaError(
          "not_supported",
          `The fake only models User Code CC API calls, not CC ${msg.command_class}`,
        );
      if (msg.method_name === "getUsersCount") {
        conn.send(resultFrame(msg.id, lock.config.slotCount));
        return;
      }
      if (msg.method_name === "getUserCodeChecksum") {
        conn.send(resultFrame(msg.id, await core.driver.userCodeChecksum(lock)));
        return;
      }
      const [slot, status, code] = msg.parameters;
      if (!["get", "set", "clear"].includes(msg.method_name) || typeof slot !== "number")
        throw new HaError("not_supported", `User Code API method ${msg.method_name} is not modelled`);
      if (slot < 1 || slot > lock.config.slotCount)
        throw new HaError("home_assistant_error", `User ID ${slot} is out of range`);
      if (msg.method_name === "get") {
        conn.send(resultFrame(msg.id, await core.driver.readSlot(lock, slot)));
        return;
      }
      if (msg.method_name === "set" && (typeof status !== "number" || typeof code !== "string"))
        throw new HaError("invalid_format", "User Code set takes a user id, a status and a code");
      const written = msg.method_name === "set" && status !== 0 && typeof code === "string" ? code : null;
      conn.send(resultFrame(msg.id, await core.driver.writeSlotDirect(lock, slot, written)));
    },
  ),
};
