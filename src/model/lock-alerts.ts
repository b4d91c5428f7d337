import { z } from "zod/mini";

/**
 * The kinds of door events a household can be alerted about, per lock: a code opened the door
 * (keypad), a hand turned the thumb-turn (manual), an app, a remote or HA opened it (remote), the
 * lock locked itself (auto_lock), the bolt jammed (jam).
 */
export const ALERT_KINDS = ["keypad", "manual", "remote", "auto_lock", "jam"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** Every kind's choice, as a lock's alerts are in effect (the household's defaults and the lock's own). */
export const AlertChoicesSchema = z.object({
  keypad: z.boolean(),
  manual: z.boolean(),
  remote: z.boolean(),
  auto_lock: z.boolean(),
  jam: z.boolean(),
});
export type AlertChoices = z.infer<typeof AlertChoicesSchema>;

/**
 * A lock's own choices: a kind left out follows the household's default (the add-on's options).
 * Strict, so a misspelt kind is refused with its name rather than dropped without a word.
 */
export const LockAlertsSchema = z.strictObject({
  keypad: z.optional(z.boolean()),
  manual: z.optional(z.boolean()),
  remote: z.optional(z.boolean()),
  auto_lock: z.optional(z.boolean()),
  jam: z.optional(z.boolean()),
});
export type LockAlerts = z.infer<typeof LockAlertsSchema>;
