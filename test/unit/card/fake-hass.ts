import type { HassEntity, HomeAssistant } from "../../../src/card/ha/types";

export interface ServiceCall {
  domain: string;
  service: string;
  data: Record<string, unknown> | undefined;
}

export function entity(
  entityId: string,
  state: string,
  attributes: Record<string, unknown> = {},
  changedAt = "2026-01-01T00:00:00Z",
): HassEntity {
  return {
    entity_id: entityId,
    state,
    attributes,
    last_changed: changedAt,
    last_updated: changedAt,
  };
}

/** A fake `hass` with three locks (one with a battery sensor) that records service calls. */
export function fakeHass(
  options: { language?: string; failLock?: Record<string, string> } = {},
): HomeAssistant & { calls: ServiceCall[] } {
  const calls: ServiceCall[] = [];
  return {
    calls,
    language: options.language ?? "en",
    states: {
      "lock.front_door": entity("lock.front_door", "locked", { friendly_name: "Front door" }),
      "lock.back_door": entity("lock.back_door", "unlocked", { friendly_name: "Back door" }),
      "lock.garage": entity("lock.garage", "jammed", { friendly_name: "Garage" }),
      "sensor.front_door_battery": entity("sensor.front_door_battery", "87", { device_class: "battery" }),
      "light.kitchen": entity("light.kitchen", "on"),
    },
    entities: {
      "lock.front_door": { entity_id: "lock.front_door", device_id: "dev-front" },
      "sensor.front_door_battery": {
        entity_id: "sensor.front_door_battery",
        device_id: "dev-front",
        device_class: "battery",
      },
    },
    user: { id: "u1", name: "Ada", is_admin: true },
    services: {
      notify: { persistent_notification: {}, sms_gateway: {}, mobile_app_pixel: {} },
      lock: { lock: {}, unlock: {} },
    },
    auth: { data: { access_token: "token-abc" } },
    callService(domain, service, data) {
      calls.push({ domain, service, data });
      const entityId = data?.["entity_id"];
      const failure = typeof entityId === "string" ? options.failLock?.[entityId] : undefined;
      return failure ? Promise.reject(new Error(failure)) : Promise.resolve({});
    },
  };
}

/** The same hass with one entity's state replaced, as HA does on a state change. */
export function withState(
  hass: HomeAssistant & { calls: ServiceCall[] },
  entityId: string,
  state: string,
  changedAt?: string,
): HomeAssistant & { calls: ServiceCall[] } {
  const old = hass.states[entityId];
  return {
    ...hass,
    states: { ...hass.states, [entityId]: entity(entityId, state, old?.attributes ?? {}, changedAt) },
  };
}
