import type { Lock } from "../../../src/model/lock";
import type { SlotObservation } from "../../../src/model/slot-claim";
import type { Operation } from "../core/operations";
import type { HaClient } from "../ha/client";
import type { Logger } from "../log/logger";
import { HaCommandError } from "../ha/errors";
import { withTimeout } from "../ha/timeout";
import type { UserCodeCcApi } from "./user-code-cc-api";
import { watchSlot, type SlotWatch } from "./slot-reports";
import { USER_CODE_CC, type SlotContent } from "./user-code-values";

export interface WriterOptions {
  client: HaClient;
  log: Logger;
  /** Present when the running HA has zwave_js/invoke_cc_api (newest HA): writes and reads through the CC. */
  ccApi: UserCodeCcApi | null;
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
    ).catch((error: unknown) => {
      throw explainMissingSlot(error, lock, op.slot);
    });
    const expected: SlotContent = op.kind === "set" ? { status: "set", pin: op.pin } : { status: "empty" };

    let via: "cc_read" | "lock_report" | "none" = "none";
    // The executor gave up waiting: the write was accepted, so it is reported as such, unconfirmed.
    if (signal?.aborted) return observation(expected, "none", now());
    if (options.ccApi) {
      const read = await options.ccApi.read(lock, op.slot);
      if (read && sameContent(read, expected)) via = "cc_read";
      else if (read)
        throw new HaCommandError(
          "verify_mismatch",
          `${lock.name} holds something else in slot ${op.slot} after the write.`,
        );
    }
    if (via === "none" && (await confirmByReport(lock, op.slot, expected, options))) via = "lock_report";

    options.log.debug(
      `${op.kind === "set" ? "Wrote" : "Cleared"} slot ${op.slot} on ${lock.name}; ${via === "none" ? "no confirmation within the wait" : `confirmed (${via})`}.`,
    );
    return observation(expected, via, now());
  }
}

function observation(
  expected: SlotContent,
  via: "cc_read" | "lock_report" | "none",
  at: Date,
): SlotObservation {
  const verifiedAt = at.toISOString();
  if (expected.status === "empty") return { status: "empty", confirmed: via !== "none", verifiedAt, via };
  return { status: "set", pin: expected.pin, confirmed: via !== "none", verifiedAt, via };
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
): Promise<boolean> {
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

function sameContent(a: SlotContent, b: SlotContent): boolean {
  return a.status === b.status && (a.status === "empty" || (b.status === "set" && a.pin === b.pin));
}
