import type { Code } from "../../../src/model/code";
import type { OffReason, WeeklyWindow } from "../../../src/model/rules";

/** Why a code is or is not on the locks right now. */
export type Activity = { active: true } | { active: false; reason: OffReason };

/**
 * Whether a code should be loaded on its locks at `now`. Weekly windows are read in the
 * given IANA time zone (HA's), on wall-clock time, so they stay right across DST changes.
 */
export function codeActivity(
  code: Pick<Code, "enabled" | "rules" | "uses">,
  now: Date,
  timeZone: string,
): Activity {
  if (!code.enabled) return { active: false, reason: "disabled" };
  const { validFrom, validUntil, weekly, maxUses } = code.rules;
  if (validFrom && now.getTime() < Date.parse(validFrom)) return { active: false, reason: "not_yet_valid" };
  if (validUntil && now.getTime() >= Date.parse(validUntil)) return { active: false, reason: "expired" };
  if (maxUses !== undefined && code.uses >= maxUses) return { active: false, reason: "uses_exhausted" };
  if (weekly.length > 0 && !weekly.some((w) => insideWindow(w, wallClock(now, timeZone))))
    return { active: false, reason: "outside_window" };
  return { active: true };
}

interface WallClock {
  day: number;
  minute: number;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(now: Date, timeZone: string): WallClock {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(now).map((p) => [p.type, p.value]));
  return {
    day: WEEKDAYS.indexOf(parts.weekday ?? ""),
    minute: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

function minutes(clock: string): number {
  const [h, m] = clock.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** A window whose end is before its start runs past midnight into the next day. */
function insideWindow(window: WeeklyWindow, at: WallClock): boolean {
  const start = minutes(window.start);
  const end = minutes(window.end);
  if (start < end) return window.days.includes(at.day) && at.minute >= start && at.minute < end;
  const previousDay = (at.day + 6) % 7;
  return (
    (window.days.includes(at.day) && at.minute >= start) ||
    (window.days.includes(previousDay) && at.minute < end)
  );
}
