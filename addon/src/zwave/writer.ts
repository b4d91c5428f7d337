import type { Lock } from "../../../src/model/lock";
import type { UnverifiedWhy } from "../../../src/model/slot";
import type { SlotObservation } from "../../../src/model/slot-claim";
import type { Operation } from "../core/operations";
import type { HaClient } from "../ha/client";
import type { Logger } from "../log/logger";
import { HaCommandError } from "../ha/errors";
import { withTimeout } from "../ha/timeout";
import type { UserCodeCcApi } from "./user-code-cc-api";
import { WriteRefused } from "../sync/write-refused";
import type { RefusalNotices } from "./refusal-notices";
import { watchSlot, type SlotWatch } from "./slot-reports";
import { writeVerdict, type WriteVerdict } from "./write-verdict";
import { USER_CODE_CC, type SlotContent } from "./user-code-values";

export interface WriterOptions {
  client: HaClient;
  log: Logger;
  /** Present when the running HA has zwave_js/invoke_cc_api (newest HA): writes and reads through the CC. */
  ccApi: UserCodeCcApi | null;
  /** Duplicate-code refusals the locks sent (Access Control 15); none heard where absent. */
  refusals?: RefusalNotices;
  callTimeoutMs: number;
  verifyTimeoutMs: number;
  now?: () => Date;
}

/**
 * Writes one slot and confirms it by the best path the running HA offers. Newer HA: the User
 * Code CC's own Set and one Get, both through zwave_js/invoke_cc_api — the radio's floor for a
 * confirmed write (Set, report, and the Supervision Report where the lock has it). Older HA: the
 * Z-Wave JS lock services, confirmed by the lock's own report. An accepted write that nothing
 * confirmed is returned as unconfirmed — never as synced.
 */
export function createZwaveWriter(options: WriterOptions) {
  const now = options.now ?? (() => new Date());
  const readSlot = createSlotReader(options, now);
  return async (op: Operation, lock: Lock, signal?: AbortSignal): Promise<SlotObservation> => {
    if (signal?.aborted)
      throw new HaCommandError("aborted", `${lock.name} took too long; nothing was written.`);
    // A read writes nothing: it is never turned into a clear by falling through.
    if (op.kind === "read") return readSlot(lock, op.slot);
    return writeAndVerify(op, lock, signal);
  };

  async function writeAndVerify(
    op: Exclude<Operation, { kind: "read" }>,
    lock: Lock,
    signal: AbortSignal | undefined,
  ): Promise<SlotObservation> {
    const target = { entity_id: lock.id };
    // Real time, as the refusal notices are stamped: a test clock does not move them.
    const startedAt = Date.now();
    const pin = op.kind === "set" ? op.pin : null;
    // Where HA has the CC API, the lock's own Set, confirmed by one Get; else HA's lock services,
    // whose setValue zwave-js follows with a read-back of its own.
    const call = options.ccApi
      ? options.ccApi.write(lock, op.slot, pin)
      : pin !== null
        ? options.client.callService(
            "zwave_js",
            "set_lock_usercode",
            { code_slot: op.slot, usercode: pin },
            target,
          )
        : options.client.callService("zwave_js", "clear_lock_usercode", { code_slot: op.slot }, target);
    await withTimeout(
      call,
      options.callTimeoutMs,
      `${lock.name} did not answer within ${Math.round(options.callTimeoutMs / 1000)} s.`,
    ).catch(async (error: unknown) => {
      // A supervised Set the lock refused fails here (its Supervision "fail" through the CC API,
      // or HA's service error); its Access Control notice says why. Either way it is not sent again.
      const supervisionFail = error instanceof HaCommandError && error.code === "lock_refused";
      if (op.kind === "set" && (supervisionFail || (await refusedSince(lock, startedAt))))
        throw new WriteRefused();
      throw explainMissingSlot(error, lock, op.slot);
    });
    const expected: SlotContent = op.kind === "set" ? { status: "set", pin: op.pin } : { status: "empty" };

    // The executor gave up waiting: the write was accepted, so it is reported as such, unconfirmed.
    if (signal?.aborted) return observation(expected, "none", now());
    const { verdict, via } = await verify(lock, op.slot, expected);
    if (verdict.kind === "mismatch" && op.kind === "set" && (await refusedSince(lock, startedAt)))
      throw new WriteRefused();
    if (verdict.kind === "mismatch" && via === "cc_read")
      throw new HaCommandError(
        "verify_mismatch",
        `${lock.name} holds something else in slot ${op.slot} after the write.`,
      );
    const confirmed = verdict.kind === "confirmed";
    const why = verdict.kind === "unverified" ? verdict.why : undefined;
    options.log.debug(
      `${op.kind === "set" ? "Wrote" : "Cleared"} slot ${op.slot} on ${lock.name}; ${confirmed ? `confirmed (${via})` : `not confirmed${why ? ` (${why})` : ""}`}.`,
    );
    return observation(expected, confirmed ? via : "none", now(), why);
  }

  /**
   * Reads the slot back once: a direct User Code Get where HA has it, else the lock's report to a
   * Get. A direct read that fails after an accepted write is a lock that does not answer: it is
   * not asked again (no read loop on a silent lock).
   */
  async function verify(
    lock: Lock,
    slot: number,
    expected: SlotContent,
  ): Promise<{ verdict: WriteVerdict; via: "cc_read" | "lock_report" }> {
    if (options.ccApi) {
      const reader = options.ccApi;
      const readBack = await reader.readBack(lock, slot).then(
        (found) => ({ found }),
        (error: unknown) => {
          options.log.debug(`No answer from ${lock.name} to the read of slot ${slot}.`, error);
          return null;
        },
      );
      if (readBack === null) return { verdict: { kind: "unverified", why: "no_answer" }, via: "cc_read" };
      // No report to the driver's own Get (HA answers null once the driver gave up waiting): the
      // lock is silent. A second Get and a watch for its report would only wait out another
      // timeout on a lock that has already not answered.
      return { verdict: writeVerdict(expected, readBack.found), via: "cc_read" };
    }
    return { verdict: await confirmByReport(lock, slot, expected, options), via: "lock_report" };
  }

  /** The lock sent a duplicate-code refusal since `since`; the notice may trail the Set by a moment. */
  async function refusedSince(lock: Lock, since: number): Promise<boolean> {
    const notices = options.refusals;
    if (!notices) return false;
    for (let waited = 0; ; waited += REFUSAL_POLL_MS) {
      if (notices.refusedSince(lock.deviceId, since)) return true;
      if (waited >= REFUSAL_GRACE_MS) return false;
      await new Promise((resolve) => setTimeout(resolve, REFUSAL_POLL_MS));
    }
  }
}

/** How long a failed or mismatched Set waits for the lock's refusal notice to come through HA. */
const REFUSAL_GRACE_MS = 500;
const REFUSAL_POLL_MS = 50;

function observation(
  expected: SlotContent,
  via: "cc_read" | "lock_report" | "none",
  at: Date,
  why?: UnverifiedWhy,
): SlotObservation {
  const verifiedAt = at.toISOString();
  if (expected.status === "empty") return { status: "empty", confirmed: via !== "none", verifiedAt, via };
  return {
    status: "set",
    pin: expected.pin,
    confirmed: via !== "none",
    verifiedAt,
    via,
    ...(via === "none" && why ? { why } : {}),
  };
}

/**
 * What a slot holds, before Latchkey writes to a slot HA cannot list: the lock's answer to a
 * User Code Get, directly where HA has the command, else through the lock's report.
 */
function createSlotReader(options: WriterOptions, now: () => Date) {
  return async (lock: Lock, slot: number): Promise<SlotObservation> => {
    const direct = options.ccApi ? await options.ccApi.read(lock, slot) : null;
    if (direct) return observation(direct, "cc_read", now());
    const reported = await askAndWatch(lock, slot, options, (watch) =>
      watch.content(options.verifyTimeoutMs),
    );
    if (!reported)
      throw new HaCommandError(
        "unreadable",
        `${lock.name} did not report what slot ${slot} holds, so nothing is written there yet. (A lock that keeps its codes in the User Credential command class needs Home Assistant 2026.6 or newer, with its credential actions.)`,
      );
    return observation(reported, "lock_report", now());
  };
}

/**
 * Asks the lock for one slot (User Code Get through the invoke_cc_api service, which every HA
 * Latchkey supports has) and waits for its report through HA's value trigger. The watch starts
 * before the Get, so the report it causes is always seen.
 */
async function askAndWatch<T>(
  lock: Lock,
  slot: number,
  options: WriterOptions,
  until: (watch: SlotWatch) => Promise<T>,
): Promise<T> {
  const watch = await watchSlot(options.client, lock, slot, options.log);
  try {
    await options.client.callService(
      "zwave_js",
      "invoke_cc_api",
      { command_class: USER_CODE_CC, method_name: "get", parameters: [slot] },
      { entity_id: lock.id },
    );
    return await until(watch);
  } finally {
    await watch.close();
  }
}

/**
 * Where HA cannot read a slot on demand, the lock's report confirms the write. The driver reads
 * the slot back by itself only about a second after the write, and HA's trigger misses that
 * report when the driver had never read the slot (it is then a "value added"): so Latchkey asks
 * the lock for the slot right after the write (User Code Get through the invoke_cc_api service,
 * available on every HA Latchkey supports) and takes the first report that matches: no fixed
 * wait. zwave-js cancels its own read-back when a report updates the slot to the value it
 * expected, so on a slot it had read before this is the only read-back on the air.
 */
async function confirmByReport(
  lock: Lock,
  slot: number,
  expected: SlotContent,
  options: WriterOptions,
): Promise<WriteVerdict> {
  return askAndWatch(lock, slot, options, (watch) => watch.wait(expected, options.verifyTimeoutMs));
}

/**
 * HA says "not found" when the driver has no User Code value for the slot: the slot is beyond the
 * lock's range, or the lock has no User Code CC at all (a User Credential-only lock, which the
 * User Code services can never reach). Say so, instead of passing on the driver's wording.
 */
function explainMissingSlot(error: unknown, lock: Lock, slot: number): unknown {
  if (
    !(error instanceof HaCommandError) ||
    error.code !== "home_assistant_error" ||
    !/not found/i.test(error.message)
  )
    return error;
  return new HaCommandError(
    "slot_not_found",
    `${lock.name} has no User Code slot ${slot} in Home Assistant. If the lock keeps its codes in the User Credential command class, Latchkey needs Home Assistant 2026.6 or newer (its credential actions) to manage it.`,
  );
}
