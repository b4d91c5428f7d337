import { z } from "zod";
import type { Lock } from "../../../src/model/lock";
import type { HaClient } from "../ha/client";

const ServicesSchema = z.record(z.string(), z.record(z.string(), z.unknown()));
const ResponseSchema = z.record(
  z.string(),
  z.record(
    z.string(),
    z
      .object({ usercode: z.string().nullable().optional(), in_use: z.boolean().nullable().optional() })
      .loose(),
  ),
);

/**
 * A slot taken by a person enrolled at the lock with an RFID tag or a fingerprint and no PIN
 * (User Credential locks): Latchkey must not use it, and it is no code to adopt or clear.
 */
export const NOT_A_PIN = Symbol("tag or fingerprint, no PIN");

/** What a taken slot holds: its PIN, null where the PIN cannot be read, or no PIN at all. */
export type SlotHolding = string | null | typeof NOT_A_PIN;

/** What HA listed for one lock: the taken slots, and the slots whose content nobody knows yet. */
export interface LockListing {
  taken: Map<number, SlotHolding>;
  /** Slots the driver never read: neither free nor taken, so read before anything is written there. */
  unknown: Set<number>;
}

/** Reads what a lock holds, by slot. Resolves null when the running HA cannot list this lock's codes. */
export type CodeInventory = (lock: Lock) => Promise<LockListing | null>;

/**
 * Newer HA answers `zwave_js.get_lock_usercode` (response-only) with the driver's cached codes
 * of every slot; that is how Latchkey finds codes it did not write. Older HA has no way to list
 * them, so unmanaged codes are then only learned from the lock's own events.
 */
export async function detectCodeInventory(client: HaClient): Promise<CodeInventory | null> {
  const services = await client.command(ServicesSchema, { type: "get_services" });
  if (!services.zwave_js || !("get_lock_usercode" in services.zwave_js)) return null;
  return async (lock) =>
    listingOf(
      await client.callService("zwave_js", "get_lock_usercode", {}, { entity_id: lock.id }, true),
      lock.id,
    );
}

/**
 * A User Code lock's slot count as the driver learned it at the lock's interview (it keeps a
 * value per slot, 1 to the lock's user count, read or not): HA lists them all from the driver's
 * cache, so nothing goes on the air. Null when HA cannot list codes or lists none.
 */
export async function listedSlotCount(client: HaClient, lock: Lock): Promise<number | null> {
  const response = ResponseSchema.safeParse(
    await client.callService("zwave_js", "get_lock_usercode", {}, { entity_id: lock.id }, true),
  );
  const slots = Object.keys((response.success ? response.data[lock.id] : undefined) ?? {}).filter((key) =>
    /^[1-9]\d*$/.test(key),
  );
  return slots.length > 0 ? slots.length : null;
}

/**
 * One lock's slots from HA's answer. `in_use` is the driver's cached User ID status: true taken
 * (its PIN, or null when the cache has no digits), false free, null never read — a code set at
 * the keypad of a lock that reports only an Access Control notification stays null there (HA
 * 2026.11 with the zwave-js mock), so such a slot is unknown, never free.
 */
export function listingOf(response: unknown, lockId: string): LockListing {
  const listing: LockListing = { taken: new Map(), unknown: new Set() };
  for (const [key, entry] of Object.entries(ResponseSchema.parse(response)[lockId] ?? {})) {
    const slot = Number(key);
    if (!Number.isInteger(slot) || slot < 1) continue;
    if (entry.in_use === null || entry.in_use === undefined) listing.unknown.add(slot);
    else if (entry.in_use)
      listing.taken.set(slot, entry.usercode && /^\d+$/.test(entry.usercode) ? entry.usercode : null);
  }
  return listing;
}
