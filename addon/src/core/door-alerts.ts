import type { ActivityKind } from "../../../src/model/activity";
import {
  ALERT_KINDS,
  type AlertChoices,
  type AlertKind,
  type LockAlerts,
} from "../../../src/model/lock-alerts";

/** The household's defaults, as the add-on's options name them. */
export interface HouseholdAlertOptions {
  notify_keypad_unlock: boolean;
  notify_manual_unlock: boolean;
  notify_remote_unlock: boolean;
  notify_auto_lock: boolean;
  notify_jammed: boolean;
}

/** Which alert choice each door event falls under; events no per-lock choice covers are absent. */
const KIND_OF_EVENT: Partial<Record<ActivityKind, AlertKind>> = {
  keypad_unlock: "keypad",
  manual_unlock: "manual",
  rf_unlock: "remote",
  auto_lock: "auto_lock",
  jammed: "jam",
};

/** Which alert choice a door event falls under; null for events no per-lock choice covers. */
export function alertKindOf(kind: ActivityKind): AlertKind | null {
  return KIND_OF_EVENT[kind] ?? null;
}

/** The household's defaults as choices. */
export function householdAlerts(options: HouseholdAlertOptions): AlertChoices {
  return {
    keypad: options.notify_keypad_unlock,
    manual: options.notify_manual_unlock,
    remote: options.notify_remote_unlock,
    auto_lock: options.notify_auto_lock,
    jam: options.notify_jammed,
  };
}

/** A lock's choices in effect: its own where it has one, the household's default for the rest. */
export function lockAlertChoices(household: AlertChoices, own: LockAlerts | undefined): AlertChoices {
  const choices = { ...household };
  for (const kind of ALERT_KINDS) {
    const chosen = own?.[kind];
    if (chosen !== undefined) choices[kind] = chosen;
  }
  return choices;
}

/** Whether this door event alerts, given the household's defaults and the lock's own choices. */
export function doorEventAlerts(
  kind: ActivityKind,
  household: AlertChoices,
  own: LockAlerts | undefined,
): boolean {
  const alertKind = alertKindOf(kind);
  return alertKind !== null && lockAlertChoices(household, own)[alertKind];
}
