import type { Lock } from "../../../src/model/lock";
import type { SlotObservation } from "../../../src/model/slot-claim";
import type { Operation } from "../core/operations";
import type { HaClient } from "../ha/client";
import { HaCommandError } from "../ha/errors";
import { withTimeout } from "../ha/timeout";
import type { Logger } from "../log/logger";
import type { SlotWriter } from "../sync/executor";
import {
  askLock,
  CredentialStatusSchema,
  PIN,
  pinIndexes,
  SetCredentialSchema,
  type CredentialStatus,
} from "./lock-answers";
import { readMatterUsers } from "./lock-inventory";

export interface MatterWriterOptions {
  client: HaClient;
  log: Logger;
  callTimeoutMs: number;
  now?: () => Date;
}

/**
 * Writes a slot of a Matter lock with HA's matter lock actions. Latchkey's slot is the lock's PIN
 * credential index: a code there is a PIN credential of a user of its own, which the lock makes
 * when the PIN is added (no user named) and which goes with the PIN when the code is cleared.
 *
 * What confirms a write: a Matter lock never reads a PIN back. `set_lock_credential` succeeds only
 * when the lock answered the SetCredential with success (HA raises on any other status, a duplicate
 * PIN included), and the lock's GetCredentialStatus then says the slot holds a PIN (or, after a
 * clear, that it is empty): that is the lock's own confirmation, recorded as `lock_report`. The
 * digits themselves cannot be checked on the lock.
 */
export function createMatterWriter(options: MatterWriterOptions): SlotWriter {
  const now = options.now ?? (() => new Date());
  const { client } = options;
  const within = <T>(lock: Lock, call: Promise<T>) =>
    withTimeout(
      call,
      options.callTimeoutMs,
      `${lock.name} did not answer within ${Math.round(options.callTimeoutMs / 1000)} s.`,
    );
  const status = (lock: Lock, slot: number): Promise<CredentialStatus> =>
    within(
      lock,
      askLock(client, lock, "get_lock_credential_status", CredentialStatusSchema, {
        credential_type: PIN,
        credential_index: slot,
      }),
    );
  const act = (lock: Lock, service: string, data: Record<string, unknown>) =>
    within(lock, client.callService("matter", service, data, { entity_id: lock.id }));

  const clear = async (lock: Lock, slot: number, before: CredentialStatus): Promise<void> => {
    if (!before.credential_exists) return;
    const owner = before.user_index;
    const user =
      owner === null
        ? undefined
        : (await readMatterUsers(client, lock)).users.find((u) => u.user_index === owner);
    // The user goes with its only credential (ClearUser also clears its credentials); a user who
    // holds more (a tag, another PIN) keeps the rest.
    const onlyThis = user !== undefined && user.credentials.length === 1 && pinIndexes(user)[0] === slot;
    if (owner !== null && onlyThis) await act(lock, "clear_lock_user", { user_index: owner });
    else await act(lock, "clear_lock_credential", { credential_type: PIN, credential_index: slot });
  };

  return async (op: Operation, lock: Lock, signal?: AbortSignal): Promise<SlotObservation> => {
    const before = await status(lock, op.slot);
    const verifiedAt = () => now().toISOString();
    if (op.kind === "read")
      return before.credential_exists
        ? { status: "set", pin: "", confirmed: false, verifiedAt: verifiedAt(), via: "lock_report" }
        : { status: "empty", confirmed: true, verifiedAt: verifiedAt(), via: "lock_report" };
    if (signal?.aborted)
      throw new HaCommandError("aborted", `${lock.name} took too long; nothing was written.`);
    if (op.kind === "set") {
      // HA adds the PIN to an empty slot (the lock makes its user) or changes it in place.
      const written = await within(
        lock,
        askLock(client, lock, "set_lock_credential", SetCredentialSchema, {
          credential_type: PIN,
          credential_data: op.pin,
          credential_index: op.slot,
        }),
      );
      if (written.credential_index !== op.slot)
        throw new HaCommandError(
          "verify_mismatch",
          `${lock.name} put the PIN in slot ${written.credential_index}, not ${op.slot}.`,
        );
    } else await clear(lock, op.slot, before);

    const after = await status(lock, op.slot);
    options.log.debug(
      `${op.kind === "set" ? "Wrote" : "Cleared"} PIN slot ${op.slot} on ${lock.name}; the lock confirms it.`,
    );
    if (op.kind === "clear") {
      if (after.credential_exists)
        throw new HaCommandError(
          "verify_mismatch",
          `${lock.name} still holds a PIN in slot ${op.slot} after the clear.`,
        );
      return { status: "empty", confirmed: true, verifiedAt: verifiedAt(), via: "lock_report" };
    }
    if (!after.credential_exists)
      throw new HaCommandError(
        "verify_mismatch",
        `${lock.name} shows no PIN in slot ${op.slot} after the write.`,
      );
    return { status: "set", pin: op.pin, confirmed: true, verifiedAt: verifiedAt(), via: "lock_report" };
  };
}
