import { describe, expect, it } from "vitest";
import type { ActivityKind } from "../../../src/model/activity";
import type { AlertChoices, LockAlerts } from "../../../src/model/lock-alerts";
import { OptionsSchema } from "../../../addon/src/config";
import { doorEventAlerts, householdAlerts, lockAlertChoices } from "../../../addon/src/core/door-alerts";

const defaults = householdAlerts(OptionsSchema.parse({}));

describe("door alerts", () => {
  it("keeps the product's promise by default: codes, hands and jams alert; apps and auto-lock do not", () => {
    expect(defaults).toEqual({ keypad: true, manual: true, remote: false, auto_lock: false, jam: true });
  });

  const cases: [string, ActivityKind, AlertChoices, LockAlerts | undefined, boolean][] = [
    ["a code opens the door", "keypad_unlock", defaults, undefined, true],
    ["opened by hand", "manual_unlock", defaults, undefined, true],
    ["opened from the app", "rf_unlock", defaults, undefined, false],
    ["locked itself", "auto_lock", defaults, undefined, false],
    ["jammed", "jammed", defaults, undefined, true],
    ["a lock that mutes keypad unlocks", "keypad_unlock", defaults, { keypad: false }, false],
    ["a lock that wants app unlocks", "rf_unlock", defaults, { remote: true }, true],
    ["a lock that wants auto-locks", "auto_lock", defaults, { auto_lock: true }, true],
    [
      "a lock's own choice on another kind leaves this one to the household",
      "manual_unlock",
      defaults,
      { jam: false },
      true,
    ],
    [
      "a household that mutes hands, a lock that does not",
      "manual_unlock",
      { ...defaults, manual: false },
      { manual: true },
      true,
    ],
    ["a household that mutes jams", "jammed", { ...defaults, jam: false }, {}, false],
    ["a keypad lock is no unlock", "keypad_lock", defaults, undefined, false],
    ["locking by hand is no choice", "manual_lock", defaults, { manual: true }, false],
    ["a code change is no door event", "code_added_at_lock", defaults, undefined, false],
  ];
  it.each(cases)("%s", (_name, kind, household, own, alerts) => {
    expect(doorEventAlerts(kind, household, own)).toBe(alerts);
  });

  it("shows a lock's choices in effect, its own over the household's", () => {
    expect(lockAlertChoices(defaults, { remote: true, jam: false })).toEqual({
      keypad: true,
      manual: true,
      remote: true,
      auto_lock: false,
      jam: false,
    });
  });
});
