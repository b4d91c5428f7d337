import type { Lock } from "../../../src/model/lock";
import type { SlotObservation } from "../../../src/model/slot-claim";
import type { Operation } from "../core/operations";
import type { HaClient } from "../ha/client";
import type { Logger } from "../log/logger";
import { HaCommandError } from "../ha/errors";
import { withTimeout } from "../ha/timeout";
import type { CcReader } from "./cc-reader";
import { watchSlot, type SlotWatch } from "./slot-reports";
import { USER_CODE_CC, type SlotContent } from "./user-code-values";

export interface WriterOptions {
  client: HaClient;
  log: Logger;
  /** Present when the running HA can read a slot from the lock on demand (newest HA). */
  ccReader: CcReader | null;
  callTimeoutMs: number;
  verifyTimeoutMs: number;
  now?: () => Date;
}

/**
 * Writes one slot with the Z-Wave JS lock services, then confirms it by the best path the
 * running HA offers: a direct User Code Get, else the lock's own report. An accepted write
 * that nothing confirmed is returned as unconfirmed — never as synced.
 */
export function createZwaveWriter(options: WriterOptions) {
  const now = options.now ?? (() => new Date());
  const readSlot = createSlotReader(options, now);
  return async (op: Operation, lock: Lock, signal?: AbortSignal): Promise<SlotObservation> => {
    const target = { entity_id: lock.id };
    const watch = await watchSlot(options.client, lock, op.slot, options.log);
    try {
      return await writeAndVerify(op, lock, target, watch, signal);
    } finally {
      await watch.close();
    }
  };

  async function writeAndVerify(
    op: Operation,
    lock: Lock,
    target: { entity_id: string },
    watch: SlotWatch,
    signal: AbortSignal | undefined,
  ): Promise<SlotObservation> {
    if (signal?.aborted)
      throw new HaCommandError("aborted", `${lock.name} took too long; nothing was written.`);
    // A read writes nothing: it is never turned into a clear by falling through.
    if (op.kind === "read") return readSlot(lock, op.slot, watch);
    const call =
      op.kind === "set"
        ? options.client.callService(
            "zwave_js",
            "set_lock_usercode",
            { code_slot: op.slot, usercode: op.pin },
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
    if (options.ccReader) {
      const read = await options.ccReader.read(lock, op.slot);
      if (read && sameContent(read, expected)) via = "cc_read";
      else if (read)
        throw new HaCommandError(
          "verify_mismatch",
          `${lock.name} holds something else in slot ${op.slot} after the write.`,
        );
    }
    if (
      via === "none" &&
      (await confirmByReport(lock, op.slot, expected, watch, options.client, options.verifyTimeoutMs))
    )
      via = "lock_report";

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
  return async (lock: Lock, slot: number, watch: SlotWatch): Promise<SlotObservation> => {
    const direct = options.ccReader ? await options.ccReader.read(lock, slot) : null;
    if (direct) return observation(direct, "cc_read", now());
    await options.client.callService(
      "zwave_js",
      "invoke_cc_api",
      { command_class: USER_CODE_CC, method_name: "get", parameters: [slot] },
      { entity_id: lock.id },
    );
    const reported = await watch.content(options.verifyTimeoutMs);
    if (!reported)
      throw new HaCommandError(
        "unreadable",
        `${lock.name} did not report what slot ${slot} holds, so nothing is written there yet. (A lock that keeps its codes in the User Credential command class needs Home Assistant 2026.6 or newer, with its credential actions.)`,
      );
    return observation(reported, "lock_report", now());
  };
}

/**
 * The lock's own report usually follows a write by itself. It does not reach HA's trigger
 * when the driver had never read that slot (the report is then a "value added"), so if none
 * came, ask the lock to read the slot again (User Code Get through the invoke_cc_api
 * service, available on every HA Latchkey supports) and wait for that report.
 */
async function confirmByReport(
  lock: Lock,
  slot: number,
  expected: SlotContent,
  watch: SlotWatch,
  client: HaClient,
  timeoutMs: number,
): Promise<boolean> {
  if (await watch.wait(expected, Math.min(REPORT_GRACE_MS, timeoutMs))) return true;
  await client.callService(
    "zwave_js",
    "invoke_cc_api",
    { command_class: USER_CODE_CC, method_name: "get", parameters: [slot] },
    { entity_id: lock.id },
  );
  return watch.wait(expected, timeoutMs);
}

/** How long a write's own report gets before Latchkey asks the lock to read the slot back. */
const REPORT_GRACE_MS = 2_000;

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
