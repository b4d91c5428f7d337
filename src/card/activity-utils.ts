/** Pure helpers for the activity feed: sentences and relative times. No DOM, no Lit. */
import type { ActivityEntry, ActivityKind } from "../model/activity";
import type { Lock } from "../model/lock";
import type { Translate, TranslationKey } from "./i18n";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The sentence key per kind; a record so a new kind in the model fails the type check here. */
const SENTENCES: Record<ActivityKind, TranslationKey> = {
  keypad_unlock: "activity.keypad_unlock",
  keypad_lock: "activity.keypad_lock",
  manual_unlock: "activity.manual_unlock",
  manual_lock: "activity.manual_lock",
  rf_unlock: "activity.rf_unlock",
  rf_lock: "activity.rf_lock",
  auto_lock: "activity.auto_lock",
  jammed: "activity.jammed",
  keypad_disabled: "activity.keypad_disabled",
  code_added_at_lock: "activity.code_added_at_lock",
  code_deleted_at_lock: "activity.code_deleted_at_lock",
  all_codes_deleted_at_lock: "activity.all_codes_deleted_at_lock",
  duplicate_code_rejected: "activity.duplicate_code_rejected",
  code_created: "activity.code_created",
  code_updated: "activity.code_updated",
  code_deleted: "activity.code_deleted",
  code_enabled: "activity.code_enabled",
  code_disabled: "activity.code_disabled",
  code_revealed: "activity.code_revealed",
  code_shared: "activity.code_shared",
  sync_failed: "activity.sync_failed",
};

/** A lock's name for people; never its entity id, even for a lock that is gone. */
export function lockName(lockId: string | null, locks: readonly Lock[], t: Translate): string {
  return locks.find((lock) => lock.id === lockId)?.name ?? t("activity.a_lock");
}

/** One entry as a sentence, e.g. "Mom unlocked Back Door with the keypad". */
export function activitySentence(entry: ActivityEntry, locks: readonly Lock[], t: Translate): string {
  const someone = t("activity.someone");
  const text = t(SENTENCES[entry.kind], {
    lock: lockName(entry.lockId, locks, t),
    code: entry.codeName ?? someone,
    codeOf: entry.codeName === null ? t("activity.a_code") : t("activity.code_of", { name: entry.codeName }),
    user: entry.userName ?? someone,
    slot: entry.slot === null ? "" : t("activity.slot", { slot: entry.slot }),
  });
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "just now", "2 min ago", "3 h ago", "5 d ago"; older than a week: the date. */
export function relativeTime(at: string, now: number, t: Translate, language: string): string {
  const time = Date.parse(at);
  const elapsed = Math.max(0, now - time);
  if (elapsed < MINUTE) return t("time.now");
  if (elapsed < HOUR) return t("time.minutes", { n: Math.floor(elapsed / MINUTE) });
  if (elapsed < DAY) return t("time.hours", { n: Math.floor(elapsed / HOUR) });
  if (elapsed < 7 * DAY) return t("time.days", { n: Math.floor(elapsed / DAY) });
  return new Date(time).toLocaleDateString(language);
}

/** The full local date and time, for a tooltip. */
export function absoluteTime(at: string, language: string): string {
  return new Date(Date.parse(at)).toLocaleString(language);
}

/** The request filter: only the parts that are set. */
export function activityFilter(lockId: string, codeId: string, limit: number): { lockId?: string; codeId?: string; limit: number } {
  return { limit, ...(lockId ? { lockId } : {}), ...(codeId ? { codeId } : {}) };
}
