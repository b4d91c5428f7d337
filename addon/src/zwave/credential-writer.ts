import type { Lock } from "../../../src/model/lock";
import type { SlotObservation } from "../../../src/model/slot-claim";
import type { Operation } from "../core/operations";
import type { HaClient } from "../ha/client";
import { HaCommandError } from "../ha/errors";
import { withTimeout } from "../ha/timeout";
import type { Logger } from "../log/logger";
import type { SlotWriter } from "../sync/executor";
import { readLockUsers } from "./credential-reader";
import { hasOtherCredentials, PIN_CODE, pinOf, pinSlotsOf, type LockUsers } from "./credential-users";

export interface CredentialWriterOptions {
  client: HaClient;
  log: Logger;
  callTimeoutMs: number;
  now?: () => Date;
}

/** What a user index holds, from the lock's users as just read. */
function readUser(users: LockUsers, user: number, at: Date): SlotObservation {
  const pin = pinOf(users, user);
  const verifiedAt = at.toISOString();
  if (pin === undefined && !hasOtherCredentials(users, user))
    return { status: "empty", confirmed: true, verifiedAt, via: "lock_report" };
  // A PIN the lock keeps unreadable, or a tag or fingerprint: taken, by someone.
  return {
    status: "set",
    pin: pin ?? "",
    confirmed: pin !== null && pin !== undefined,
    verifiedAt,
    via: "lock_report",
  };
}

/**
 * Writes a slot of a User Credential lock with HA's credential actions. Latchkey's slot is the
 * user index: a code is that user's PIN credential. Clearing deletes the user's PIN credentials
 * but keeps the user, so an RFID tag or fingerprint enrolled at the lock for that user survives.
 * Each write is read back with `get_users`; the lock's own answer to the write has updated it.
 */
export function createCredentialWriter(options: CredentialWriterOptions): SlotWriter {
  const now = options.now ?? (() => new Date());
  // Errors that quote the PIN are masked where every write failure is handled (the executor).
  const call = async (
    lock: Lock,
    service: string,
    data: Record<string, unknown>,
    returnResponse = false,
  ): Promise<void> => {
    const sending = options.client.callService(
      "zwave_js",
      service,
      data,
      { entity_id: lock.id },
      returnResponse,
    );
    await withTimeout(
      sending,
      options.callTimeoutMs,
      `${lock.name} did not answer within ${Math.round(options.callTimeoutMs / 1000)} s.`,
    );
  };

  const writePin = async (lock: Lock, user: number, pin: string, before: LockUsers): Promise<void> => {
    // Latchkey's users only ever hold PINs; one with a tag or fingerprint is a person enrolled at the lock.
    if (hasOtherCredentials(before, user)) {
      throw new HaCommandError(
        "conflict",
        `User ${user} on ${lock.name} has an RFID tag or fingerprint enrolled at the lock; Latchkey does not add a PIN to that person.`,
      );
    }
    if (!before.users.some((u) => u.user_id === user)) await call(lock, "set_user", { user_id: user }, true);
    // Change the user's PIN in place; a user without one gets the first free PIN slot from HA.
    const existing = pinSlotsOf(before, user)[0];
    const slot = existing === undefined ? {} : { credential_slot: existing };
    await call(
      lock,
      "set_credential",
      { user_id: user, credential_type: PIN_CODE, credential_data: pin, ...slot },
      true,
    );
  };

  const clearPins = async (lock: Lock, user: number, before: LockUsers): Promise<void> => {
    for (const slot of pinSlotsOf(before, user)) {
      await call(lock, "delete_credential", {
        user_id: user,
        credential_type: PIN_CODE,
        credential_slot: slot,
      });
    }
  };

  return async (op: Operation, lock: Lock, signal?: AbortSignal): Promise<SlotObservation> => {
    const before = await readLockUsers(options.client, lock);
    if (op.kind === "read") return readUser(before, op.slot, now());
    // Overran its time while reading: the executor has given up on it, so nothing is written.
    if (signal?.aborted)
      throw new HaCommandError("aborted", `${lock.name} took too long; nothing was written.`);
    if (op.kind === "set") await writePin(lock, op.slot, op.pin, before);
    else await clearPins(lock, op.slot, before);

    const held = pinOf(await readLockUsers(options.client, lock), op.slot);
    const verifiedAt = now().toISOString();
    options.log.debug(
      `${op.kind === "set" ? "Wrote" : "Cleared"} the PIN of user ${op.slot} on ${lock.name}${held === null ? " (the lock does not let it be read back)" : ""}.`,
    );
    if (op.kind === "clear") {
      if (held !== undefined)
        throw new HaCommandError(
          "verify_mismatch",
          `${lock.name} still holds a PIN for user ${op.slot} after the clear.`,
        );
      return { status: "empty", confirmed: true, verifiedAt, via: "lock_report" };
    }
    if (held === undefined || (held !== null && held !== op.pin))
      throw new HaCommandError(
        "verify_mismatch",
        `${lock.name} holds something else for user ${op.slot} after the write.`,
      );
    // A PIN the lock keeps unreadable proves only that the user has a PIN, not which: unverified.
    return held === null
      ? { status: "set", pin: op.pin, confirmed: false, verifiedAt, via: "none" }
      : { status: "set", pin: op.pin, confirmed: true, verifiedAt, via: "lock_report" };
  };
}
