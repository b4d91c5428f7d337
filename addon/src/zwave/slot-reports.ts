import type { Lock } from "../../../src/model/lock";
import type { HaClient } from "../ha/client";
import type { Logger } from "../log/logger";
import { slotContent, USER_CODE_CC, ValueUpdatedTriggerSchema, type SlotContent } from "./user-code-values";
import { writeVerdict, type WriteVerdict } from "./write-verdict";

/** Waits for what one slot reports after a write. */
export interface SlotWatch {
  /**
   * The verdict on a write of `expected` (write-verdict.ts): as soon as the lock reported it, or
   * a hidden PIN for it; after `timeoutMs`, whatever the last report says (no_answer if none).
   */
  wait(expected: SlotContent, timeoutMs: number): Promise<WriteVerdict>;
  /** Resolves with what the slot reported since the watch began, or null after `timeoutMs`. */
  content(timeoutMs: number): Promise<SlotContent | null>;
  close(): Promise<void>;
}

/**
 * Watches one slot's User Code values through HA's `zwave_js.value_updated` trigger (admin),
 * which every HA Latchkey supports. HA only attaches the trigger to an existing value id, so
 * each slot needs its own trigger with `property_key`; a slot is watched only around a write.
 * The watch starts before the write, so only reports caused after it are seen.
 */
export async function watchSlot(
  client: HaClient,
  lock: Lock,
  slot: number,
  log?: Logger,
): Promise<SlotWatch> {
  let userIdStatus: number | undefined;
  let userCode: string | undefined;
  let notify: () => void = () => undefined;
  const onReport = (variables: unknown) => {
    const report = ValueUpdatedTriggerSchema.safeParse(variables);
    log?.debug(
      `Report for slot ${slot} on ${lock.name}: ${report.success ? `${String(report.data.property)} changed` : "unreadable"}.`,
    );
    if (!report.success || Number(report.data.property_key) !== slot) return;
    // For userIdStatus HA gives the state label as current_value and the number as current_value_raw.
    const raw = report.data.current_value_raw ?? report.data.current_value;
    if (report.data.property === "userIdStatus" && typeof raw === "number") userIdStatus = raw;
    if (report.data.property === "userCode" && typeof raw === "string") userCode = raw;
    reported = true;
    notify();
  };
  const unsubscribers = await Promise.all(
    ["userCode", "userIdStatus"].map((property) =>
      client.subscribeTrigger(
        {
          platform: "zwave_js.value_updated",
          device_id: lock.deviceId,
          command_class: USER_CODE_CC,
          property,
          property_key: slot,
        },
        onReport,
      ),
    ),
  );
  let reported = false;
  const verdict = (expected: SlotContent) =>
    writeVerdict(expected, reported ? { userIdStatus, userCode } : null);
  // A mismatch may be the report of what the slot held before the write: wait for a later one.
  const settled = (found: WriteVerdict) =>
    found.kind !== "mismatch" && !(found.kind === "unverified" && found.why === "no_answer");
  return {
    wait: (expected, timeoutMs) =>
      new Promise((resolve) => {
        if (settled(verdict(expected))) {
          resolve(verdict(expected));
          return;
        }
        const timer = setTimeout(() => {
          resolve(verdict(expected));
        }, timeoutMs);
        notify = () => {
          const found = verdict(expected);
          if (!settled(found)) return;
          clearTimeout(timer);
          resolve(found);
        };
      }),
    content: (timeoutMs) =>
      new Promise((resolve) => {
        const known = () => (reported ? slotContent(userIdStatus, userCode) : null);
        const now = known();
        if (now) {
          resolve(now);
          return;
        }
        const timer = setTimeout(() => {
          resolve(null);
        }, timeoutMs);
        notify = () => {
          const found = known();
          if (!found) return;
          clearTimeout(timer);
          resolve(found);
        };
      }),
    close: async () => {
      await Promise.all(unsubscribers.map((unsubscribe) => unsubscribe().catch(() => undefined)));
    },
  };
}
