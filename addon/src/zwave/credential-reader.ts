import type { Lock } from "../../../src/model/lock";
import type { HaClient } from "../ha/client";
import { HaCommandError } from "../ha/errors";
import type { LockListing } from "./code-inventory";
import { occupiedUsers, usersOfLock, type LockUsers } from "./credential-users";

/** The lock's users and credentials through the response-only `zwave_js.get_users` (the driver's cache). */
export async function readLockUsers(client: HaClient, lock: Lock): Promise<LockUsers> {
  const response = await client.callService("zwave_js", "get_users", {}, { entity_id: lock.id }, true);
  const users = usersOfLock(response, lock.id);
  if (!users)
    throw new HaCommandError(
      "unexpected_response",
      `Home Assistant answered get_users for ${lock.name} in an unexpected shape.`,
    );
  return users;
}

/** Taken user indexes of a User Credential lock → what each holds (see `SlotHolding`); HA lists every user. */
export async function credentialInventory(client: HaClient, lock: Lock): Promise<LockListing> {
  return { taken: occupiedUsers(await readLockUsers(client, lock)), unknown: new Set() };
}

/** How many users the lock has room for; Latchkey's slots on it are its user indexes. */
export async function credentialUserCount(client: HaClient, lock: Lock): Promise<number | null> {
  try {
    return (await readLockUsers(client, lock)).max_users ?? null;
  } catch {
    return null;
  }
}
