/** Pure helpers for a code's access rules in the card: form ↔ rules, local ↔ ISO times, summaries. */
import type { AccessRules, WeeklyWindow } from "../../model/rules";
import type { Translate } from "../i18n/card-translations";

/** Formatters are slow to make and a code list asks for the same few hundreds of times. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language} ${JSON.stringify(options)}`;
  let made = formatters.get(key);
  if (!made) formatters.set(key, (made = new Intl.DateTimeFormat(language, options)));
  return made;
}

/** "Mon" / "Mo." (short) or "Monday" (long) for a model day number (0 = Sunday), in the browser's own words. */
export function dayName(day: number, language: string, width: "short" | "long"): string {
  // 4 January 1970 was a Sunday.
  return formatter(language, { weekday: width, timeZone: "UTC" }).format(Date.UTC(1970, 0, 4 + day));
}

/** The seven model day numbers in the order a person reads a week, starting at `firstDay` (1 = Monday). */
export function weekdayOrder(firstDay = 1): number[] {
  const first = ((Math.trunc(firstDay) % 7) + 7) % 7;
  return Array.from({ length: 7 }, (_, i) => (first + i) % 7);
}

/** HA's `locale.first_weekday` ("monday", "sunday", … or "language") as a model day number. */
export function firstWeekdayOf(setting: string | undefined): number {
  const names = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
  const index = setting === undefined ? -1 : names.indexOf(setting.toLowerCase());
  return index === -1 ? 1 : index;
}

const pad = (n: number): string => String(n).padStart(2, "0");

/** A `datetime-local` value ("2026-12-12T17:00") in this browser's time zone → ISO with its offset. */
export function localToIso(local: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  if (y === undefined || mo === undefined || d === undefined || h === undefined || mi === undefined)
    return undefined;
  const date = new Date(y, mo - 1, d, h, mi, Number.isNaN(s) || s === undefined ? 0 : s);
  if (Number.isNaN(date.getTime()) || date.getMonth() !== mo - 1 || date.getDate() !== d) return undefined;
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  const abs = Math.abs(offset);
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** An ISO time (any offset) → a `datetime-local` value in this browser's time zone; "" when unreadable. */
export function isoToLocal(iso: string | undefined): string {
  if (iso === undefined) return "";
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return "";
  const date = new Date(time);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** What the rules section edits: the inputs' own values. */
export interface RulesForm {
  /** `datetime-local` values; "" = no limit. */
  from: string;
  until: string;
  weekly: WeeklyWindow[];
  /** The number input's text; "" = unlimited. */
  maxUses: string;
  burner: boolean;
}

export const EMPTY_RULES_FORM: RulesForm = { from: "", until: "", weekly: [], maxUses: "", burner: false };

export function rulesToForm(rules: Partial<AccessRules> | undefined): RulesForm {
  return {
    from: isoToLocal(rules?.validFrom),
    until: isoToLocal(rules?.validUntil),
    weekly: (rules?.weekly ?? []).map((w) => ({ days: [...w.days], start: w.start, end: w.end })),
    maxUses: rules?.maxUses === undefined ? "" : String(rules.maxUses),
    burner: rules?.burner ?? false,
  };
}

/** The rules to send. Call after `rulesFormIssues` found nothing; unreadable fields are left out. */
export function formToRules(form: RulesForm): AccessRules {
  const rules: AccessRules = {
    weekly: form.weekly.map((w) => ({ days: [...w.days].sort((a, b) => a - b), start: w.start, end: w.end })),
    burner: form.burner,
  };
  const validFrom = form.from === "" ? undefined : localToIso(form.from);
  const validUntil = form.until === "" ? undefined : localToIso(form.until);
  const maxUses = parseMaxUses(form.maxUses);
  if (validFrom !== undefined) rules.validFrom = validFrom;
  if (validUntil !== undefined) rules.validUntil = validUntil;
  if (typeof maxUses === "number") rules.maxUses = maxUses;
  return rules;
}

function parseMaxUses(text: string): number | undefined | "invalid" {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  if (!/^\d+$/.test(trimmed)) return "invalid";
  const n = Number(trimmed);
  return n >= 1 && n <= 10_000 ? n : "invalid";
}

export type RulesField = "from" | "until" | "maxUses" | `window.${number}`;
export interface RulesIssue {
  field: RulesField;
  message: string;
}

/** What keeps the form from being saved, in the person's language. */
export function rulesFormIssues(form: RulesForm, t: Translate): RulesIssue[] {
  const issues: RulesIssue[] = [];
  const from = form.from === "" ? undefined : localToIso(form.from);
  const until = form.until === "" ? undefined : localToIso(form.until);
  if (form.from !== "" && from === undefined) issues.push({ field: "from", message: t("rules.bad_date") });
  if (form.until !== "" && until === undefined) issues.push({ field: "until", message: t("rules.bad_date") });
  if (from !== undefined && until !== undefined && Date.parse(from) >= Date.parse(until))
    issues.push({ field: "until", message: t("rules.until_before_from") });
  form.weekly.forEach((w, i) => {
    const field: RulesField = `window.${i}`;
    if (w.days.length === 0) issues.push({ field, message: t("rules.no_days") });
    if (!/^\d{2}:\d{2}$/.test(w.start) || !/^\d{2}:\d{2}$/.test(w.end))
      issues.push({ field, message: t("rules.bad_time") });
    else if (w.start === w.end) issues.push({ field, message: t("rules.same_time") });
  });
  if (parseMaxUses(form.maxUses) === "invalid")
    issues.push({ field: "maxUses", message: t("rules.bad_uses") });
  return issues;
}

/** "Mon–Fri", "Mon, Wed, Fri", "Sat–Mon": runs of three or more consecutive days collapse, in reading order. */
export function daysText(days: readonly number[], t: Translate, firstDay = 1): string {
  const order = weekdayOrder(firstDay).filter((d) => days.includes(d));
  if (order.length === 7) return t("rules.every_day");
  const name = (d: number): string => dayName(d, t.language, "short");
  const position = (d: number): number => weekdayOrder(firstDay).indexOf(d);
  const runs: number[][] = [];
  for (const day of order) {
    const last = runs.at(-1);
    const lastDay = last?.at(-1);
    if (last && lastDay !== undefined && position(day) === position(lastDay) + 1) last.push(day);
    else runs.push([day]);
  }
  return runs
    .flatMap((run) => {
      const first = run[0];
      const end = run.at(-1);
      if (first === undefined || end === undefined) return [];
      return run.length >= 3 ? [`${name(first)}–${name(end)}`] : run.map(name);
    })
    .join(", ");
}

/** "Dec 12" / "12. Dez." in the reader's order; the year only when it is not this one. */
function dateText(iso: string, t: Translate, now: Date): string {
  const date = new Date(Date.parse(iso));
  const year = date.getFullYear() === now.getFullYear() ? undefined : "numeric";
  return formatter(t.language, { day: "numeric", month: "short", year }).format(date);
}

export interface SummaryOptions {
  /** Uses so far; with it, the summary says how many are left. */
  uses?: number;
  firstDay?: number;
  /** For leaving out the current year. */
  now?: Date;
}

/** The parts of a rule summary: "Mon–Fri 08:00–17:00", "until 12 Dec", "3 uses left", "burner". Empty = always. */
export function summarizeRuleParts(
  rules: Partial<AccessRules>,
  t: Translate,
  options: SummaryOptions = {},
): string[] {
  const now = options.now ?? new Date();
  const parts: string[] = [];
  for (const w of rules.weekly ?? [])
    parts.push(`${daysText(w.days, t, options.firstDay)} ${w.start}–${w.end}`);
  if (rules.validFrom !== undefined)
    parts.push(t("rules.from_date", { date: dateText(rules.validFrom, t, now) }));
  if (rules.validUntil !== undefined)
    parts.push(t("rules.until_date", { date: dateText(rules.validUntil, t, now) }));
  if (rules.maxUses !== undefined) {
    if (options.uses === undefined)
      parts.push(t(rules.maxUses === 1 ? "rules.uses_one" : "rules.uses", { n: rules.maxUses }));
    else {
      const left = Math.max(0, rules.maxUses - options.uses);
      parts.push(t(left === 1 ? "rules.uses_left_one" : "rules.uses_left", { n: left }));
    }
  }
  if (rules.burner === true) parts.push(t("rules.burner_short"));
  return parts;
}

/** A one-line rule summary for a code, parts joined with " · "; "" when the code has no rules. */
export function summarizeRules(
  rules: Partial<AccessRules>,
  t: Translate,
  options: SummaryOptions = {},
): string {
  return summarizeRuleParts(rules, t, options).join(" · ");
}
