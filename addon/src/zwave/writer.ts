import type { Lock } from "../../../src/model/lock";
import type { SlotObservation } from "../../../src/model/slot";
import type { Operation } from "../core/reconcile";
import type { HaClient } from "../ha/client";
import { HaCommandError } from "../ha/errors";
import type { CcReader } from "./cc-reader";
import { watchSlot, type SlotWatch } from "./slot-reports";
import type { SlotContent } from "./user-code-values";

export interface WriterOptions {
  client: HaClient;
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
  return async (op: Operation, lock: Lock): Promise<SlotObservation> => {
    const target = { entity_id: lock.id };
    const watch = await watchSlot(options.client, lock, op.slot);
    try {
      return await writeAndVerify(op, lock, target, watch);
    } finally {
      await watch.close();
    }
  };

  async function writeAndVerify(op: Operation, lock: Lock, target: { entity_id: string }, watch: SlotWatch): Promise<SlotObservation> {
    const call =
      op.kind === "set"
        ? options.client.callService("zwave_js", "set_lock_usercode", { code_slot: op.slot, usercode: op.pin }, target)
        : options.client.callService("zwave_js", "clear_lock_usercode", { code_slot: op.slot }, target);
    await withTimeout(call, options.callTimeoutMs, `${lock.name} did not answer within ${Math.round(options.callTimeoutMs / 1000)} s.`);
    const expected: SlotContent = op.kind === "set" ? { status: "set", pin: op.pin } : { status: "empty" };

    let via: "cc_read" | "lock_report" | "none" = "none";
    if (options.ccReader) {
      const read = await options.ccReader.read(lock, op.slot);
      if (read && sameContent(read, expected)) via = "cc_read";
      else if (read) throw new HaCommandError("verify_mismatch", `${lock.name} holds something else in slot ${op.slot} after the write.`);
    }
    if (via === "none" && (await watch.wait(expected, options.verifyTimeoutMs))) via = "lock_report";

    const at = now().toISOString();
    if (expected.status === "empty") return { status: "empty", confirmed: via !== "none", verifiedAt: at, via };
    return { status: "set", pin: expected.pin, confirmed: via !== "none", verifiedAt: at, via };
  }
}

function sameContent(a: SlotContent, b: SlotContent): boolean {
  return a.status === b.status && (a.status === "empty" || (b.status === "set" && a.pin === b.pin));
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => { reject(new HaCommandError("timeout", message)); }, ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
