/** Pure helpers for the locks view: which entities, their state, their battery. */
import type { Snapshot } from "../../model/protocol";
import type { HassEntity, HomeAssistant } from "../ha/types";
import type { Translate, TranslationKey } from "../i18n/card-translations";

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
  /** The state as Home Assistant words it for this person ("Locked", "Verriegelt"). */
  stateText: string;
  /** When HA last saw the state change (ms), if it says. */
  changedAt: number | null;
  battery: BatteryView | null;
}

export interface BatteryView {
  level: number;
  /** The level as Home Assistant formats it ("15 %", "15 %"). */
  text: string;
  low: boolean;
}

/** At or below this a lock's battery is shown as a warning: it needs replacing soon. */
export const LOW_BATTERY_PERCENT = 20;

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

/** HA's own wording of an entity's state in the person's language; ours where HA offers none. */
function haStateText(hass: Pick<HomeAssistant, "formatEntityState">, entity: HassEntity): string | null {
  try {
    return hass.formatEntityState?.(entity) ?? null;
  } catch {
    return null;
  }
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
  hass: Pick<HomeAssistant, "entities" | "states" | "formatEntityState">,
  lockIds: readonly string[],
  t: Translate,
): LockView[] {
  return lockIds.map((entityId) => {
    const entity = hass.states[entityId];
    const state = lockStateOf(entity);
    const changedAt = entity ? Date.parse(entity.last_changed) : Number.NaN;
    return {
      entityId,
      name: friendlyName(entity, entityId),
      state,
      stateText: (entity && haStateText(hass, entity)) ?? t(stateKey(state)),
      changedAt: Number.isFinite(changedAt) ? changedAt : null,
      battery: batteryView(hass, entityId),
    };
  });
}

function batteryView(
  hass: Pick<HomeAssistant, "entities" | "states" | "formatEntityState">,
  lockId: string,
): BatteryView | null {
  const id = batteryEntityId(hass, lockId);
  const entity = id ? hass.states[id] : undefined;
  const level = batteryLevel(entity);
  if (!entity || level === null) return null;
  return {
    level,
    text: haStateText(hass, entity) ?? `${String(level)} %`,
    low: level <= LOW_BATTERY_PERCENT,
  };
}

/** How many codes this lock has not taken (their write failed), for a warning on the lock. */
export function failedCodesOn(snapshot: Snapshot, lockId: string): number {
  return Object.values(snapshot.sync).filter((perLock) => perLock[lockId]?.state === "failed").length;
}
