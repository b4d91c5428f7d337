import { z } from "zod";
import { logMessages, type Messages } from "../i18n/messages";
import { HA_CODE_CHANGE_KINDS, type ActivityEntry, type ActivityKind } from "../../../src/model/activity";
import type { Code } from "../../../src/model/code";
import type { Lock } from "../../../src/model/lock";
import type { CodeId, LockId } from "../../../src/model/primitives";

/** The parts of HA's `zwave_js_notification` event Latchkey reads (Notification CC 113). */
export const ZwaveNotificationSchema = z
  .object({
    device_id: z.string(),
    command_class: z.number(),
    type: z.number().optional(),
    event: z.number().optional(),
    parameters: z.unknown().optional(),
    /** Entry Control (CC 111) only: the event and what was typed. `event_data` may be a PIN: read, never kept. */
    event_type: z.number().optional(),
    event_data: z.unknown().optional(),
  })
  .loose();
export type ZwaveNotification = z.infer<typeof ZwaveNotificationSchema>;

const ACCESS_CONTROL = 6;
const NOTIFICATION_CC = 113;
const ENTRY_CONTROL_CC = 111;
/** Entry Control event types zwave-js names Lock (22) and Unlock (23). */
const ENTRY_CONTROL_EVENTS: Record<number, ActivityKind> = { 22: "keypad_lock", 23: "keypad_unlock" };

/**
 * Access Control (type 6) events → what happened. Events with a user id name the slot. A jam (11)
 * and a keypad lockout (16) are states the Z-Wave JS driver reports through the lock's sensors,
 * not as notifications (core/lock-sensors.ts); they stay here for drivers and bridges that send them.
 */
const ACCESS_CONTROL_EVENTS: Record<number, ActivityKind> = {
  1: "manual_lock",
  2: "manual_unlock",
  3: "rf_lock",
  4: "rf_unlock",
  5: "keypad_lock",
  6: "keypad_unlock",
  9: "auto_lock",
  11: "jammed",
  12: "all_codes_deleted_at_lock",
  13: "code_deleted_at_lock",
  14: "code_added_at_lock",
  15: "duplicate_code_rejected",
  16: "keypad_disabled",
  // "Manually enter user access code exceeds code limit": what locks send after too many wrong codes.
  19: "keypad_disabled",
  // Unlock / lock by RF with an invalid user code.
  20: "wrong_code",
  21: "wrong_code",
  33: "keypad_lock",
  34: "keypad_unlock",
  // A valid code refused (its user disabled, outside its schedule), an invalid one (Notification v8).
  47: "wrong_code",
  48: "wrong_code",
  50: "wrong_code",
};

export interface Interpretation {
  kind: ActivityKind;
  lockId: LockId;
  slot: number | null;
  codeId: CodeId | null;
  codeName: string | null;
}

export interface InterpretContext {
  locks: readonly Lock[];
  codes: readonly Code[];
  /** Which code owns a slot on a lock, from Latchkey's claims. */
  codeAt: (lockId: LockId, slot: number) => CodeId | undefined;
}

/** Reads one lock notification. Pure: returns null for events that are not about a Latchkey lock. */
export function interpretNotification(
  event: ZwaveNotification,
  ctx: InterpretContext,
): Interpretation | null {
  if (event.command_class === ENTRY_CONTROL_CC) return interpretEntryControl(event, ctx);
  if (event.command_class !== NOTIFICATION_CC || event.type !== ACCESS_CONTROL || event.event === undefined)
    return null;
  const kind = ACCESS_CONTROL_EVENTS[event.event];
  const lock = ctx.locks.find((l) => l.deviceId === event.device_id);
  if (!kind || !lock) return null;
  const slot = userIdOf(event.parameters);
  const codeId = slot === null ? undefined : ctx.codeAt(lock.id, slot);
  const code = codeId ? ctx.codes.find((c) => c.id === codeId) : undefined;
  return { kind, lockId: lock.id, slot, codeId: code?.id ?? null, codeName: code?.name ?? null };
}

/**
 * Entry Control keypads send what was typed instead of a slot. The code is named only when
 * the typed digits are exactly a code on that lock; the digits themselves go no further.
 */
function interpretEntryControl(event: ZwaveNotification, ctx: InterpretContext): Interpretation | null {
  const kind = event.event_type === undefined ? undefined : ENTRY_CONTROL_EVENTS[event.event_type];
  const lock = ctx.locks.find((l) => l.deviceId === event.device_id);
  if (!kind || !lock) return null;
  const typed = event.event_data;
  const code =
    typeof typed === "string"
      ? ctx.codes.find((c) => c.pin === typed && c.lockIds.includes(lock.id))
      : undefined;
  return { kind, lockId: lock.id, slot: null, codeId: code?.id ?? null, codeName: code?.name ?? null };
}

/** Locks report the slot as `{userId: N}`; some send it under other keys or as a bare number. */
function userIdOf(parameters: unknown): number | null {
  const parsed = z
    .union([z.object({ userId: z.number().int() }).loose(), z.number().int()])
    .safeParse(parameters);
  if (!parsed.success) return null;
  const value = typeof parsed.data === "number" ? parsed.data : parsed.data.userId;
  return value > 0 ? value : null;
}

/** Door moves that name the HA user who made them, when one did. */
const USER_MOVES: Partial<Record<ActivityKind, "activity.user_unlock" | "activity.user_lock">> = {
  rf_unlock: "activity.user_unlock",
  unlocked: "activity.user_unlock",
  rf_lock: "activity.user_lock",
  locked: "activity.user_lock",
};

/** The sentence people read in notifications (in the home's language) and in the log (English). Never contains a PIN. */
export function describeActivity(
  entry: Pick<ActivityEntry, "kind" | "slot" | "codeName"> & { userName?: string | null },
  lockName: string,
  t: Messages = logMessages,
): string {
  const byUser = entry.userName ? USER_MOVES[entry.kind] : undefined;
  if (byUser && entry.userName) return t(byUser, { who: entry.userName, lock: lockName });
  // A change made through HA is told by who made it there (an automation names nobody).
  const who = HA_CODE_CHANGE_KINDS.has(entry.kind)
    ? (entry.userName ?? t("who.someone"))
    : (entry.codeName ??
      (entry.slot === null ? t("who.someone") : t("who.unknown_slot", { slot: entry.slot })));
  const slot = entry.slot === null ? "" : t("slot", { slot: entry.slot });
  return t(`activity.${entry.kind}`, { who, lock: lockName, slot });
}
