import { z } from "zod/mini";
import { CodeIdSchema, IsoTimeSchema, LockIdSchema, SlotNumberSchema } from "./primitives";

export const ActivityKindSchema = z.enum([
  "keypad_unlock",
  "keypad_lock",
  "manual_unlock",
  "manual_lock",
  "rf_unlock",
  "rf_lock",
  "auto_lock",
  // The lock only reported its new state (no Access Control notification said how).
  "unlocked",
  "locked",
  "jammed",
  "keypad_disabled",
  // The lock reported a code it does not know (or one it refuses now).
  "wrong_code",
  "code_added_at_lock",
  "code_deleted_at_lock",
  "all_codes_deleted_at_lock",
  // Slots Latchkey had confirmed came back empty, with no word from the lock (a battery swap, a reset).
  "codes_lost_at_lock",
  // Someone else changed what a lock holds through Home Assistant (not through Latchkey).
  "code_changed_in_ha",
  "code_removed_in_ha",
  "duplicate_code_rejected",
  "code_created",
  "code_updated",
  "code_deleted",
  "code_enabled",
  "code_disabled",
  "code_revealed",
  "code_shared",
  // Latchkey's own rules took a code off its locks: its end date passed, its uses ran out.
  "code_expired",
  "code_used_up",
  "sync_failed",
]);
export type ActivityKind = z.infer<typeof ActivityKindSchema>;

/** What happened to the door itself (as opposed to its codes): shown as a lock's last activity. */
export const DOOR_KINDS: ReadonlySet<ActivityKind> = new Set<ActivityKind>([
  "keypad_unlock",
  "keypad_lock",
  "manual_unlock",
  "manual_lock",
  "rf_unlock",
  "rf_lock",
  "auto_lock",
  "unlocked",
  "locked",
  "jammed",
]);

/** Kinds a card understands only when its hello lists the "ha_code_changes" feature. */
export const HA_CODE_CHANGE_KINDS: ReadonlySet<ActivityKind> = new Set<ActivityKind>([
  "code_changed_in_ha",
  "code_removed_in_ha",
]);

/**
 * How far apart a lock's notification of a move and the state change of the same move may be:
 * the add-on enters them as one move, and a card reads a state change that close to an entry as
 * the move that entry tells.
 */
export const DOOR_REPORT_WINDOW_MS = 10_000;

/** Door kinds a card understands only when its hello lists the "state_activity" feature. */
export const STATE_ACTIVITY_KINDS: ReadonlySet<ActivityKind> = new Set<ActivityKind>(["unlocked", "locked"]);

/** Kinds a card understands only when its hello lists the "alert_activity" feature (issue 16). */
export const ALERT_ACTIVITY_KINDS: ReadonlySet<ActivityKind> = new Set<ActivityKind>([
  "wrong_code",
  "code_expired",
  "code_used_up",
]);

/** Kinds a card understands only when its hello lists the "lost_codes" feature (issue 16, 7b). */
export const LOST_CODES_KINDS: ReadonlySet<ActivityKind> = new Set<ActivityKind>(["codes_lost_at_lock"]);

/** One thing that happened at a door or to a code. Never carries a PIN. */
export const ActivityEntrySchema = z.object({
  id: z.string().check(z.minLength(1)),
  at: IsoTimeSchema,
  kind: ActivityKindSchema,
  lockId: z.nullable(LockIdSchema),
  codeId: z.nullable(CodeIdSchema),
  /** The code's name when it happened, so the entry still reads right after a rename. */
  codeName: z.nullable(z.string()),
  slot: z.nullable(SlotNumberSchema),
  /** Who did it in HA (reveal, share, edits), when known. */
  userName: z.nullable(z.string()),
});
export type ActivityEntry = z.infer<typeof ActivityEntrySchema>;
