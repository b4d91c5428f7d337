import type { Lock } from "../../../src/model/lock";
import type { HaClient } from "../ha/client";
import type { LockListing, SlotHolding } from "../zwave/code-inventory";
import { askLock, LockUsersSchema, pinIndexes, type LockUsers } from "./lock-answers";

/** The lock's users and the credentials they hold (`matter.get_lock_users`, walks the lock's user table). */
export function readMatterUsers(client: HaClient, lock: Lock): Promise<LockUsers> {
  return askLock(client, lock, "get_lock_users", LockUsersSchema);
}

/**
 * Taken slots of a Matter lock: every PIN credential index a user holds, whose PIN the lock never
 * gives out (null). RFID tags, fingerprints and faces are numbered apart from PINs, so they take
 * no slot Latchkey could use; a user without a PIN holds no code.
 */
export function takenPinSlots(users: LockUsers): Map<number, SlotHolding> {
  const taken = new Map<number, SlotHolding>();
  for (const user of users.users) for (const index of pinIndexes(user)) taken.set(index, null);
  return taken;
}

/** A Matter lock lists its whole user table: no slot is left unknown. */
export async function matterInventory(client: HaClient, lock: Lock): Promise<LockListing> {
  return { taken: takenPinSlots(await readMatterUsers(client, lock)), unknown: new Set() };
}
