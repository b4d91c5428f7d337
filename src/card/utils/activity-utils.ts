/** Pure helpers for the activity feed: sentences and relative times. No DOM, no Lit. */
import { DOOR_REPORT_WINDOW_MS, type ActivityEntry, type ActivityKind } from "../../model/activity";
import type { Lock } from "../../model/lock";
import type { Translate, TranslationKey } from "../i18n/card-translations";
import type { LockState, LockView } from "./lock-utils";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Every kind has a sentence: a new kind in the model without one fails the type check here. */
const sentenceKey = (kind: ActivityKind): TranslationKey => `activity.${kind}`;

/** Door moves a person made in Home Assistant: the add-on names them when HA said who. */
const USER_MOVES: Partial<Record<ActivityKind, TranslationKey>> = {
  rf_unlock: "activity.user_unlock",
  unlocked: "activity.user_unlock",
  rf_lock: "activity.user_lock",
  locked: "activity.user_lock",
};

/** A lock's name for people; never its entity id, even for a lock that is gone. */
export function lockName(lockId: string | null, locks: readonly Lock[], t: Translate): string {
  return locks.find((lock) => lock.id === lockId)?.name ?? t("activity.a_lock");
}

/** One entry as a sentence, e.g. "Mom unlocked Back Door with the keypad", "Alex locked Back Door in Home Assistant". */
export function activitySentence(entry: ActivityEntry, locks: readonly Lock[], t: Translate): string {
  const someone = t("activity.someone");
  // No code owns the slot: say so. A code whose name is hidden from this user stays "someone".
  const unknownCode =
    entry.codeId === null && entry.slot !== null ? t("activity.unknown_code", { slot: entry.slot }) : null;
  const byUser = entry.userName === null ? undefined : USER_MOVES[entry.kind];
  const text = t(byUser ?? sentenceKey(entry.kind), {
    lock: lockName(entry.lockId, locks, t),
    code: entry.codeName ?? unknownCode ?? someone,
    codeOf: entry.codeName === null ? t("activity.a_code") : t("activity.code_of", { name: entry.codeName }),
    user: entry.userName ?? someone,
    slot: entry.slot === null ? "" : t("activity.slot", { slot: entry.slot }),
  });
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "just now", "2 min ago", "3 h ago", "5 d ago"; older than a week: the date. */
export function relativeTime(at: string | number, now: number, t: Translate): string {
  const time = typeof at === "number" ? at : Date.parse(at);
  const elapsed = Math.max(0, now - time);
  if (elapsed < MINUTE) return t("time.now");
  if (elapsed < HOUR) return t("time.minutes", { n: Math.floor(elapsed / MINUTE) });
  if (elapsed < DAY) return t("time.hours", { n: Math.floor(elapsed / HOUR) });
  if (elapsed < 7 * DAY) return t("time.days", { n: Math.floor(elapsed / DAY) });
  return new Date(time).toLocaleDateString(t.language);
}

/** The full local date and time, for a tooltip. */
export function absoluteTime(at: string, t: Translate): string {
  return new Date(Date.parse(at)).toLocaleString(t.language);
}

/** The request filter: only the parts that are set. */
export function activityFilter(
  lockId: string,
  codeId: string,
  limit: number,
): { lockId?: string; codeId?: string; limit: number } {
  return { limit, ...(lockId ? { lockId } : {}), ...(codeId ? { codeId } : {}) };
}

/** The state each door activity leaves its lock in. */
const LEAVES: Partial<Record<ActivityKind, LockState>> = {
  keypad_unlock: "unlocked",
  manual_unlock: "unlocked",
  rf_unlock: "unlocked",
  unlocked: "unlocked",
  keypad_lock: "locked",
  manual_lock: "locked",
  rf_lock: "locked",
  auto_lock: "locked",
  locked: "locked",
  jammed: "jammed",
};
/** States a door rests in; in between (locking, unavailable) the state line says enough. */
const RESTING: ReadonlySet<LockState> = new Set(["locked", "unlocked", "open", "jammed"]);

/**
 * What a lock's "last activity" line tells: the add-on's newest entry while it still tells what
 * the door did last, else HA's state with the time it changed. The add-on enters a move a moment
 * after HA shows it (it waits 1–4 s for the lock's report of how it moved): meanwhile, and
 * whenever HA saw the door move after the entry, the line follows HA rather than lag behind.
 */
export function doorLineSource(
  entry: ActivityEntry | undefined,
  lock: Pick<LockView, "state" | "changedAt">,
): "entry" | "state" | null {
  if (!entry) return null;
  const changedAt = lock.changedAt;
  if (changedAt === null || !RESTING.has(lock.state)) return "entry";
  const since = changedAt - Date.parse(entry.at);
  if (since > DOOR_REPORT_WINDOW_MS) return "state";
  return LEAVES[entry.kind] !== lock.state && since > -DOOR_REPORT_WINDOW_MS ? "state" : "entry";
}
