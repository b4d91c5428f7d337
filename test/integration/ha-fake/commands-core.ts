// Core websocket commands of HA 2024.3: websocket_api/commands.py, auth/__init__.py
// (auth/current_user) and config/{entity,device,area}_registry.py (…/list).
import { z } from "zod";
import { command, type CommandDef } from "./command-types.js";
import { newContext } from "./event-bus.js";
import { HaError, eventFrame, jsonObject, pongFrame, resultFrame } from "./protocol.js";

const base = { id: z.number().int().positive() };
const bare = (type: string) => z.strictObject({ ...base, type: z.literal(type) });

/** auth/permissions/events.py SUBSCRIBE_ALLOWLIST (2024.3). */
export const SUBSCRIBE_ALLOWLIST = new Set([
  "area_registry_updated",
  "component_loaded",
  "core_config_updated",
  "device_registry_updated",
  "entity_registry_updated",
  "repairs_issue_registry_updated",
  "lovelace_updated",
  "panels_updated",
  "recorder_5min_statistics_generated",
  "recorder_hourly_statistics_generated",
  "service_registered",
  "service_removed",
  "shopping_list_updated",
  "state_changed",
  "themes_updated",
]);

export const CORE_COMMANDS: Record<string, CommandDef> = {
  ping: command(bare("ping"), false, (_core, conn, msg) => {
    conn.send(pongFrame(msg.id));
  }),
  supported_features: command(
    z.strictObject({
      ...base,
      type: z.literal("supported_features"),
      features: z.record(z.string(), z.number().int()),
    }),
    false,
    (_c, conn, msg) => {
      conn.send(resultFrame(msg.id));
    },
  ),
  "auth/current_user": command(bare("auth/current_user"), false, (_c, conn, msg) => {
    const u = conn.user;
    conn.send(
      resultFrame(msg.id, {
        id: u.id,
        name: u.name,
        is_owner: false,
        is_admin: u.isAdmin,
        credentials: [{ auth_provider_type: "homeassistant", auth_provider_id: null }],
        mfa_modules: [{ id: "totp", name: "Authenticator app", enabled: false }],
      }),
    );
  }),
  // core.py Config.as_dict
  get_config: command(bare("get_config"), false, (core, conn, msg) => {
    conn.send(
      resultFrame(msg.id, {
        latitude: 52.37,
        longitude: 4.89,
        elevation: 0,
        unit_system: {
          length: "km",
          accumulated_precipitation: "mm",
          mass: "g",
          pressure: "Pa",
          temperature: "°C",
          volume: "L",
          wind_speed: "m/s",
        },
        location_name: "Home",
        time_zone: core.timeZone,
        components: [
          "websocket_api",
          "auth",
          "config",
          "lock",
          "sensor",
          "notify",
          "persistent_notification",
          "zwave_js",
          "zwave_js.lock",
          "zwave_js.sensor",
        ],
        config_dir: "/config",
        whitelist_external_dirs: [],
        allowlist_external_dirs: [],
        allowlist_external_urls: [],
        version: core.haVersion,
        config_source: "storage",
        recovery_mode: false,
        state: core.haState,
        external_url: null,
        internal_url: null,
        currency: "EUR",
        country: null,
        language: core.language,
        safe_mode: false,
      }),
    );
  }),
  get_states: command(bare("get_states"), false, (core, conn, msg) => {
    conn.send(resultFrame(msg.id, [...core.home.states.values()]));
  }),
  get_services: command(bare("get_services"), false, (core, conn, msg) => {
    const out: Record<string, Record<string, unknown>> = {};
    for (const [domain, services] of core.services.defs) {
      out[domain] = Object.fromEntries([...services].map(([name, def]) => [name, def.description]));
    }
    conn.send(resultFrame(msg.id, out));
  }),
  subscribe_events: command(
    z.strictObject({ ...base, type: z.literal("subscribe_events"), event_type: z.string().default("*") }),
    false,
    (core, conn, msg) => {
      if (!SUBSCRIBE_ALLOWLIST.has(msg.event_type) && !conn.user.isAdmin)
        throw new HaError("unauthorized", "Unauthorized");
      conn.subscriptions.set(
        msg.id,
        core.home.bus.listen(msg.event_type, (event) => {
          conn.send(eventFrame(msg.id, event));
        }),
      );
      conn.send(resultFrame(msg.id));
    },
  ),
  unsubscribe_events: command(
    z.strictObject({
      ...base,
      type: z.literal("unsubscribe_events"),
      subscription: z.number().int().positive(),
    }),
    false,
    (_c, conn, msg) => {
      const unsub = conn.subscriptions.get(msg.subscription);
      if (!unsub) throw new HaError("not_found", "Subscription not found.");
      conn.subscriptions.delete(msg.subscription);
      unsub();
      conn.send(resultFrame(msg.id));
    },
  ),
  fire_event: command(
    z.strictObject({
      ...base,
      type: z.literal("fire_event"),
      event_type: z.string(),
      event_data: jsonObject.optional(),
    }),
    true,
    (core, conn, msg) => {
      const context = newContext(conn.user.id);
      core.home.bus.fire(msg.event_type, msg.event_data ?? {}, context);
      conn.send(resultFrame(msg.id, { context }));
    },
  ),
  call_service: command(
    z.strictObject({
      ...base,
      type: z.literal("call_service"),
      domain: z.string(),
      service: z.string(),
      target: jsonObject.optional(),
      service_data: jsonObject.optional(),
      return_response: z.boolean().default(false),
    }),
    false,
    async (core, conn, msg) => {
      const context = newContext(conn.user.id);
      const response = await core.services.call(
        msg.domain,
        msg.service,
        msg.service_data ?? {},
        msg.target,
        msg.return_response,
        conn.user.id,
        context,
        conn.user.isAdmin,
      );
      conn.send(resultFrame(msg.id, msg.return_response ? { context, response } : { context }));
    },
  ),
  "config/entity_registry/list": command(bare("config/entity_registry/list"), false, (core, conn, msg) => {
    conn.send(resultFrame(msg.id, core.home.entityRegistry));
  }),
  "config/device_registry/list": command(bare("config/device_registry/list"), false, (core, conn, msg) => {
    conn.send(resultFrame(msg.id, core.home.deviceRegistry));
  }),
  "config/area_registry/list": command(bare("config/area_registry/list"), false, (core, conn, msg) => {
    conn.send(resultFrame(msg.id, core.home.areaRegistry));
  }),
};
