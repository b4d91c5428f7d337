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

/** Reads what a lock holds, by taken slot. Resolves null when the running HA cannot list this lock's codes. */
export type CodeInventory = (lock: Lock) => Promise<Map<number, SlotHolding> | null>;

/**
 * Newer HA answers `zwave_js.get_lock_usercode` (response-only) with the driver's cached codes
 * of every slot; that is how Latchkey finds codes it did not write. Older HA has no way to list
 * them, so unmanaged codes are then only learned from the lock's own events.
 */
export async function detectCodeInventory(client: HaClient): Promise<CodeInventory | null> {
  const services = await client.command(ServicesSchema, { type: "get_services" });
  if (!services.zwave_js || !("get_lock_usercode" in services.zwave_js)) return null;
  return async (lock) => {
    const response = ResponseSchema.parse(
      await client.callService("zwave_js", "get_lock_usercode", {}, { entity_id: lock.id }, true),
    );
    const slots = new Map<number, SlotHolding>();
    for (const [slot, entry] of Object.entries(response[lock.id] ?? {})) {
      if (entry.in_use && entry.usercode && /^\d+$/.test(entry.usercode))
        slots.set(Number(slot), entry.usercode);
    }
    return slots;
  };
}
