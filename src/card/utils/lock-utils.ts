/** Pure helpers for the locks view: which entities, their state, their battery. */
import type { Snapshot } from "../../model/protocol";
import type { HassEntity, HomeAssistant } from "../ha/types";
import type { TranslationKey } from "../i18n/card-translations";

export type LockState =
  "locked" | "unlocked" | "jammed" | "unavailable" | "unknown" | "locking" | "unlocking" | "open" | "opening";

const KNOWN_STATES: readonly LockState[] = [
  "locked",
  "unlocked",
  "jammed",
  "unavailable",
  "unknown",
  "locking",
  "unlocking",
  "open",
  "opening",
];

export interface LockView {
  entityId: string;
  name: string;
  state: LockState;
  battery: number | null;
}

/** Identifies one slot on one lock, e.g. for a list row: "lock.front_door:3". */
export function slotKey(slot: { lockId: string; slot: number }): string {
  return `${slot.lockId}:${String(slot.slot)}`;
}

/** The configured locks, or every `lock.*` entity HA knows, sorted by entity id. */
export function lockEntityIds(
  hass: Pick<HomeAssistant, "states">,
  configured: readonly string[] | undefined,
): string[] {
  if (configured) return [...configured];
  return Object.keys(hass.states)
    .filter((id) => id.startsWith("lock."))
    .sort();
}

export function lockStateOf(entity: HassEntity | undefined): LockState {
  if (!entity) return "unavailable";
  return KNOWN_STATES.find((s) => s === entity.state) ?? "unknown";
}

export function stateKey(state: LockState): TranslationKey {
  return `state.${state}`;
}

/** HA 2024.3 joins device and entity name with a space even when the entity name is empty. */
export function friendlyName(entity: HassEntity | undefined, entityId: string): string {
  const name = entity?.attributes["friendly_name"];
  return typeof name === "string" && name.trim().length > 0 ? name.trim() : entityId;
}

/** The battery sensor on the lock's device, if the entity registry tells us the device. */
export function batteryEntityId(
  hass: Pick<HomeAssistant, "entities" | "states">,
  lockId: string,
): string | null {
  const deviceId = hass.entities?.[lockId]?.device_id;
  if (!deviceId || !hass.entities) return null;
  for (const entry of Object.values(hass.entities)) {
    if (!entry || entry.device_id !== deviceId || !entry.entity_id.startsWith("sensor.")) continue;
    const state = hass.states[entry.entity_id];
    if (entry.device_class === "battery" || state?.attributes["device_class"] === "battery")
      return entry.entity_id;
  }
  return null;
}

export function batteryLevel(entity: HassEntity | undefined): number | null {
  if (!entity) return null;
  const value = Number.parseFloat(entity.state);
  return Number.isFinite(value) ? Math.round(value) : null;
}

/** Entities whose state the card shows: the locks and their battery sensors. */
export function watchedEntityIds(
  hass: Pick<HomeAssistant, "entities" | "states">,
  lockIds: readonly string[],
): string[] {
  const ids = [...lockIds];
  for (const id of lockIds) {
    const battery = batteryEntityId(hass, id);
    if (battery) ids.push(battery);
  }
  return ids;
}

/** True when any watched entity got a new state object (HA replaces the object on change). */
export function statesChanged(
  before: Pick<HomeAssistant, "states">,
  after: Pick<HomeAssistant, "states">,
  ids: readonly string[],
): boolean {
  return ids.some((id) => before.states[id] !== after.states[id]);
}

export function lockViews(
  hass: Pick<HomeAssistant, "entities" | "states">,
  lockIds: readonly string[],
): LockView[] {
  return lockIds.map((entityId) => {
    const entity = hass.states[entityId];
    const battery = batteryEntityId(hass, entityId);
    return {
      entityId,
      name: friendlyName(entity, entityId),
      state: lockStateOf(entity),
      battery: battery ? batteryLevel(hass.states[battery]) : null,
    };
  });
}

/** How many codes this lock has not taken (their write failed), for a warning on the lock. */
export function failedCodesOn(snapshot: Snapshot, lockId: string): number {
  return Object.values(snapshot.sync).filter((perLock) => perLock[lockId]?.state === "failed").length;
}
