import type { Lock } from "../../../src/model/lock";
import type { SlotObservation } from "../../../src/model/slot-claim";
import type { Operation } from "../core/operations";
import type { HaClient } from "../ha/client";
import { HaCommandError } from "../ha/errors";
import { withTimeout } from "../ha/timeout";
import type { Logger } from "../log/logger";
import type { SlotWriter } from "../sync/executor";
import { readLockUsers } from "./credential-reader";
import { hasOtherCredentials, hasPin, PIN_CODE, pinSlotsOf, type LockUsers } from "./credential-users";

export interface CredentialWriterOptions {
  client: HaClient;
  log: Logger;
  callTimeoutMs: number;
  now?: () => Date;
}

/** What a user index holds, from the lock's users as just read. */
function readUser(users: LockUsers, user: number, at: Date): SlotObservation {
  const verifiedAt = at.toISOString();
  if (!hasPin(users, user) && !hasOtherCredentials(users, user))
    return { status: "empty", confirmed: true, verifiedAt, via: "lock_report" };
  // A PIN HA cannot read back, or a tag or fingerprint: taken, by someone.
  return { status: "set", pin: "", confirmed: false, verifiedAt, via: "lock_report" };
}

/**
 * Writes a slot of a User Credential lock with HA's credential actions. Latchkey's slot is the
 * user index: a code is that user's PIN credential.
 *
 * What confirms a write: HA cannot hand a PIN back on these locks (`get_users` lists credentials
 * by slot only, and `invoke_cc_api` cannot reach the User Credential CC). But `set_credential`
 * succeeds only when the lock itself answered that very write with a Credential Report of
 * "added" or "modified" (zwave-js maps anything else, or no answer, to an error), and the lock's
 * user list then shows the PIN: together that is the lock's own confirmation, reported as
 * `lock_report`. Clearing removes a user Latchkey made entirely; a user who also has an RFID
 * tag or fingerprint enrolled at the lock keeps it and loses only the PIN.
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
    const credential = { user_id: user, credential_type: PIN_CODE, credential_data: pin };
    const existing = pinSlotsOf(before, user)[0];
    if (before.users.some((u) => u.user_id === user)) {
      // Change the user's PIN in place; a user without one gets the first free PIN slot from HA.
      await call(
        lock,
        "set_credential",
        { ...credential, ...(existing === undefined ? {} : { credential_slot: existing }) },
        true,
      );
      return;
    }
    // A new user with its PIN in one action. HA keeps the user when the lock refuses the PIN
    // (a duplicate, say): take it away again, so no empty user of Latchkey's is left behind.
    try {
      await call(lock, "set_user", credential, true);
    } catch (error) {
      await call(lock, "delete_user", { user_id: user }).catch(() => undefined);
      throw error;
    }
  };

  const clearPins = async (lock: Lock, user: number, before: LockUsers): Promise<void> => {
    if (!before.users.some((u) => u.user_id === user)) return;
    if (!hasOtherCredentials(before, user)) {
      await call(lock, "delete_user", { user_id: user });
      return;
    }
    for (const slot of pinSlotsOf(before, user))
      await call(lock, "delete_credential", {
        user_id: user,
        credential_type: PIN_CODE,
        credential_slot: slot,
      });
  };

  return async (op: Operation, lock: Lock, signal?: AbortSignal): Promise<SlotObservation> => {
    const before = await readLockUsers(options.client, lock);
    if (op.kind === "read") return readUser(before, op.slot, now());
    // Overran its time while reading: the executor has given up on it, so nothing is written.
    if (signal?.aborted)
      throw new HaCommandError("aborted", `${lock.name} took too long; nothing was written.`);
    if (op.kind === "set") await writePin(lock, op.slot, op.pin, before);
    else await clearPins(lock, op.slot, before);

    const holdsPin = hasPin(await readLockUsers(options.client, lock), op.slot);
    const verifiedAt = now().toISOString();
    options.log.debug(
      `${op.kind === "set" ? "Wrote" : "Cleared"} the PIN of user ${op.slot} on ${lock.name}.`,
    );
    if (op.kind === "clear") {
      if (holdsPin)
        throw new HaCommandError(
          "verify_mismatch",
          `${lock.name} still holds a PIN for user ${op.slot} after the clear.`,
        );
      return { status: "empty", confirmed: true, verifiedAt, via: "lock_report" };
    }
    if (!holdsPin)
      throw new HaCommandError(
        "verify_mismatch",
        `${lock.name} shows no PIN for user ${op.slot} after the write.`,
      );
    return { status: "set", pin: op.pin, confirmed: true, verifiedAt, via: "lock_report" };
  };
}
