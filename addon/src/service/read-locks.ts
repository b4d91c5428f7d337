import type { Lock } from "../../../src/model/lock";
import type { LockId } from "../../../src/model/primitives";
import type { Options } from "../config";
import { discoverLocks } from "../core/discover";
import { discoverLockSensors, type LockSensor } from "../core/lock-sensors";
import type { HaClient } from "../ha/client";
import { readHaSnapshot } from "../ha/registry";
import type { Logger } from "../log/logger";
import type { CodeInventory, LockListing } from "../zwave/code-inventory";
import type { SlotCountReader } from "../zwave/lock-routes";
import type { PinLengthReader } from "../matter/lock-limits";
import { readNodeStatuses } from "./lock-watch";

export interface LockReading {
  locks: Lock[];
  timeZone: string;
  /** HA's language, for what the add-on tells the household. */
  language: string;
  /** What each lock was listed to hold (taken and unknown slots); null where the running HA cannot list codes. */
  occupied: Map<LockId, LockListing> | null;
  /** Locks whose codes could not be listed this time (an error, not an HA without the means). */
  unlisted: Set<LockId>;
  /** False while HA is still starting (after a restart): what was read may be incomplete. */
  haRunning: boolean;
  /** The locks' jam and keypad-lockout sensors, by entity id. */
  sensors: Map<string, LockSensor>;
  /** Each lock's state when HA was read ("locked", "unlocked", …). */
  doorStates: Map<LockId, string>;
}

export interface LockSources {
  client: HaClient;
  inventory: CodeInventory | null;
  slotCount: SlotCountReader | null;
  /** The PIN lengths a lock accepts, where it can say (Matter locks). */
  pinLength?: PinLengthReader;
  /**
   * Reads these slots from the lock itself again, so the driver's cache (which may keep codes the
   * lock has forgotten) follows the lock. Absent where HA cannot list codes afterwards.
   */
  rereadCodes?: (lock: Lock, slots: readonly number[]) => Promise<void>;
  /**
   * Calls back when a Z-Wave lock's node is found dead or alive again. HA 2026.11 keeps a dead
   * node's lock entity available, so its state alone does not say that the lock was away.
   */
  watchNode?: (lock: Lock, onDeadOrAlive: () => void) => Promise<void>;
  /** Whose locks are managed besides zwave_js: "matter" where HA has the matter lock actions. */
  platforms?: readonly string[];
}

/** Everything Latchkey learns about the locks from HA, read after every (re)connect. */
export async function readLocks(sources: LockSources, options: Options, log: Logger): Promise<LockReading> {
  const ha = await readHaSnapshot(sources.client);
  // Node status is Z-Wave's: a Matter lock's reachability shows in its entity's availability.
  const deviceIds = ha.entities
    .filter((e) => e.platform === "zwave_js" && e.entity_id.startsWith("lock."))
    .flatMap((e) => (e.device_id ? [e.device_id] : []));
  const nodeStatus = await readNodeStatuses(sources.client, deviceIds);
  const settings = { defaultSlotCount: options.default_slot_count, slotCounts: options.lock_slot_counts };
  const platforms = new Set(["zwave_js", ...(sources.platforms ?? [])]);
  let locks = discoverLocks(ha, { nodeStatus, slotCounts: new Map(), platforms }, settings);
  const { slotCount: askCount, pinLength: askLength } = sources;
  if (askCount || askLength) {
    // A lock that cannot say now keeps the slot count and PIN lengths from the settings.
    const measured = await Promise.all(
      locks.map(async (lock) => ({
        deviceId: lock.deviceId,
        count: askCount ? await askCount(lock).catch(() => null) : null,
        length: askLength ? await askLength(lock).catch(() => null) : null,
      })),
    );
    const slotCounts = new Map(
      measured.flatMap((m) => (m.count === null ? [] : [[m.deviceId, m.count] as const])),
    );
    const pinLengths = new Map(
      measured.flatMap((m) => (m.length === null ? [] : [[m.deviceId, m.length] as const])),
    );
    locks = discoverLocks(ha, { nodeStatus, slotCounts, pinLengths, platforms }, settings);
  }
  const matter = locks.filter((l) => l.protocol === "matter").length;
  log.info(
    `Found ${locks.length - matter} Z-Wave lock(s)${matter > 0 ? ` and ${matter} Matter lock(s)` : ""}: ${locks.map((l) => `${l.name} (${l.id}, ${l.protocol === "matter" ? "matter" : l.nodeStatus})`).join(", ") || "none"}.`,
  );
  const home = {
    locks,
    timeZone: ha.timeZone,
    language: ha.language,
    haRunning: ha.running,
    sensors: discoverLockSensors(ha, locks),
    doorStates: new Map(
      ha.states.flatMap((s) =>
        locks.some((l) => l.id === s.entity_id) ? [[s.entity_id, s.state] as const] : [],
      ),
    ),
  };
  if (!sources.inventory) return { ...home, occupied: null, unlisted: new Set() };
  return { ...home, ...(await readInventory(sources.inventory, locks, log)) };
}

async function readInventory(
  inventory: CodeInventory,
  locks: readonly Lock[],
  log: Logger,
): Promise<Pick<LockReading, "unlisted"> & { occupied: Map<LockId, LockListing> }> {
  const occupied = new Map<LockId, LockListing>();
  const unlisted = new Set<LockId>();
  for (const lock of locks) {
    try {
      const found = await inventory(lock);
      if (found) occupied.set(lock.id, found);
    } catch (error) {
      unlisted.add(lock.id);
      log.warn(`Could not list the codes on ${lock.name}; no new slot is picked there until it can.`, error);
    }
  }
  return { occupied, unlisted };
}
