import type { Lock } from "../../../src/model/lock";
import type { HaClient } from "../ha/client";
import type { SlotWriter } from "../sync/executor";
import type { CodeInventory } from "./code-inventory";
import { credentialInventory, credentialUserCount } from "./credential-reader";
import type { CredentialLocks } from "./credential-locks";

/**
 * Picks, per lock, the User Credential path (credential actions) or the User Code path. Without
 * credential detection every lock stays on the User Code path exactly as before.
 */
export function routeWriter(
  credentialLocks: CredentialLocks | null,
  credentialWriter: SlotWriter,
  userCodeWriter: SlotWriter,
): SlotWriter {
  if (!credentialLocks) return userCodeWriter;
  return async (op, lock) =>
    (await credentialLocks.isCredentialOnly(lock)) ? credentialWriter(op, lock) : userCodeWriter(op, lock);
}

export function routeInventory(
  credentialLocks: CredentialLocks | null,
  client: HaClient,
  userCodeInventory: CodeInventory | null,
): CodeInventory | null {
  if (!credentialLocks) return userCodeInventory;
  return async (lock) => {
    if (await credentialLocks.isCredentialOnly(lock)) return credentialInventory(client, lock);
    return userCodeInventory ? userCodeInventory(lock) : null;
  };
}

export type SlotCountReader = (lock: Lock) => Promise<number | null>;

export function routeSlotCount(
  credentialLocks: CredentialLocks | null,
  client: HaClient,
  userCodeSlotCount: SlotCountReader | null,
): SlotCountReader | null {
  if (!credentialLocks) return userCodeSlotCount;
  return async (lock) => {
    if (await credentialLocks.isCredentialOnly(lock)) return credentialUserCount(client, lock);
    return userCodeSlotCount ? userCodeSlotCount(lock) : null;
  };
}

/**
 * A lock's slot count does not change while it stays the same device, and asking costs a
 * round trip on the radio (a battery lock wakes for it): each device is asked once per add-on
 * run, not after every reconnect. Only answers are kept; a lock that could not say is asked again.
 */
export function rememberSlotCounts(reader: SlotCountReader | null): SlotCountReader | null {
  if (!reader) return null;
  const known = new Map<string, number>();
  return async (lock) => {
    const remembered = known.get(lock.deviceId);
    if (remembered !== undefined) return remembered;
    const count = await reader(lock);
    if (count !== null) known.set(lock.deviceId, count);
    return count;
  };
}
