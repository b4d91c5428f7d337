import { DEFAULT_PIN_LENGTH, type Lock, type LockProtocol, type NodeStatus } from "../../../src/model/lock";
import { LockIdSchema, type LockId } from "../../../src/model/primitives";
import type { HaSnapshot } from "../ha/registry";

export interface LockFacts {
  nodeStatus: ReadonlyMap<string, NodeStatus>;
  /** Slot counts the running HA could read from the lock, by device id. */
  slotCounts: ReadonlyMap<string, number>;
  /** PIN lengths the lock itself gave (Matter locks), by device id. */
  pinLengths?: ReadonlyMap<string, { min: number; max: number }>;
  /**
   * Which integrations' locks Latchkey manages: zwave_js always; matter where HA has the matter
   * lock actions (2026.4+).
   */
  platforms?: ReadonlySet<string>;
}

/** The HA integrations whose locks Latchkey can manage, and what it calls them. */
const PROTOCOLS: Readonly<Record<string, LockProtocol>> = { zwave_js: "zwave", matter: "matter" };

export interface LockSettings {
  defaultSlotCount: number;
  /** Per-lock slot counts set by the user, for locks HA cannot ask. */
  slotCounts: Readonly<Record<string, number>>;
}

/**
 * The locks Latchkey manages in HA: `lock.*` entities of the `zwave_js` platform (and of `matter`
 * where HA can manage Matter PINs) that are not disabled. Pure; the registries and states come
 * from `readHaSnapshot`.
 */
export function discoverLocks(ha: HaSnapshot, facts: LockFacts, settings: LockSettings): Lock[] {
  const devices = new Map(ha.devices.map((d) => [d.id, d]));
  const areas = new Map(ha.areas.map((a) => [a.area_id, a.name]));
  const states = new Map(ha.states.map((s) => [s.entity_id, s]));
  const locks: Lock[] = [];
  const platforms = facts.platforms ?? new Set(["zwave_js"]);
  for (const entry of ha.entities) {
    const protocol = PROTOCOLS[entry.platform];
    if (!protocol || !platforms.has(entry.platform) || entry.disabled_by || !entry.device_id) continue;
    const id = LockIdSchema.safeParse(entry.entity_id);
    if (!id.success) continue;
    const device = devices.get(entry.device_id);
    const state = states.get(entry.entity_id);
    const friendly = state?.attributes.friendly_name;
    const measured = facts.slotCounts.get(entry.device_id);
    const configured = settings.slotCounts[id.data];
    const areaId = entry.area_id ?? device?.area_id ?? null;
    locks.push({
      id: id.data,
      deviceId: entry.device_id,
      nodeId: nodeIdOf(device?.identifiers ?? []),
      // HA 2024.3 builds friendly_name as "<device> <entity name>" and leaves a trailing space for an empty entity name.
      name: (typeof friendly === "string"
        ? friendly
        : (entry.name ?? device?.name_by_user ?? device?.name ?? entry.entity_id)
      ).trim(),
      area: areaId ? (areas.get(areaId) ?? null) : null,
      available: state !== undefined && state.state !== "unavailable",
      nodeStatus: facts.nodeStatus.get(entry.device_id) ?? "unknown",
      slotCount: measured ?? configured ?? settings.defaultSlotCount,
      slotCountSource: measured !== undefined ? "lock" : "setting",
      pinLength: { ...(facts.pinLengths?.get(entry.device_id) ?? DEFAULT_PIN_LENGTH) },
      protocol,
    });
  }
  return locks.sort((a, b) => a.name.localeCompare(b.name));
}

/** zwave_js device identifiers look like ["zwave_js", "<home id>-<node id>"]. */
function nodeIdOf(identifiers: readonly (readonly [string, string])[]): number | undefined {
  for (const [domain, value] of identifiers) {
    const match = domain === "zwave_js" ? /^\d+-(\d+)$/.exec(value) : null;
    if (match?.[1]) return Number(match[1]);
  }
  return undefined;
}

export function lockMap(locks: readonly Lock[]): Map<LockId, Lock> {
  return new Map(locks.map((l) => [l.id, l]));
}
