import type { AccessRules, NotifySettings } from "./rules";
import { validationIssue, type ValidationIssue } from "./validate-code";

/**
 * How much one household's Latchkey holds. Every snapshot carries every code to every open
 * card, so the store must not grow without bound: the largest common keypad locks have 250
 * slots, a week has 7 days (two windows a day is plenty), and a code is rarely announced in
 * more than a few places.
 */
export const MAX_CODES = 250;
export const MAX_WEEKLY_WINDOWS = 14;
export const MAX_NOTIFY_TARGETS = 10;

/** A draft's rules and notify targets past the limits, as form problems. */
export function limitIssues(draft: { rules: AccessRules; notify: NotifySettings }): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (draft.rules.weekly.length > MAX_WEEKLY_WINDOWS)
    issues.push(validationIssue("rules", "validation.too_many_windows", { max: MAX_WEEKLY_WINDOWS }));
  if (draft.rules.weekly.some((w) => new Set(w.days).size !== w.days.length))
    issues.push(validationIssue("rules", "validation.window_days_twice"));
  if (
    new Set(draft.notify.targets).size > MAX_NOTIFY_TARGETS ||
    draft.notify.targets.length > MAX_NOTIFY_TARGETS
  )
    issues.push(validationIssue("notify", "validation.too_many_targets", { max: MAX_NOTIFY_TARGETS }));
  return issues;
}
