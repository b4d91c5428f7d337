// How the zwave-js driver files an Access Control (Notification type 6) report from a lock, as
// the real stack showed (HA 2026.11, zwave-js 15.29; test/stack/research-door-events.ts): an
// event that belongs to a state variable ("Lock state", "Keypad state") is no notification at all
// — it sets the variable, and HA's binary sensor for that state turns on — while every other
// event is a `zwave_js_notification`. Lock and unlock operations set the variables back to idle
// (zwave-js Notifications registry `idleVariables`); "all user codes deleted" also empties the
// driver's cached user codes (zwave-js CCHandlers/NotificationCC handleKnownNotification).

export type AccessVariable = "Lock state" | "Keypad state";

/** The states HA makes a binary sensor of (binary_sensor.py, zwave-js registry labels). */
export const ACCESS_STATE_SENSORS: readonly { variable: AccessVariable; state: number; name: string }[] = [
  { variable: "Lock state", state: 11, name: "Lock jammed" },
  { variable: "Keypad state", state: 16, name: "Keypad temporary disabled" },
  { variable: "Keypad state", state: 17, name: "Keypad busy" },
];

const STATE_OF: ReadonlyMap<number, AccessVariable> = new Map(
  ACCESS_STATE_SENSORS.map((s) => [s.state, s.variable]),
);

/** Operations that set variables back to idle (zwave-js `idleVariables`). */
const IDLES: Readonly<Record<number, readonly AccessVariable[]>> = {
  1: ["Lock state"],
  2: ["Lock state"],
  3: ["Lock state"],
  4: ["Lock state"],
  5: ["Lock state", "Keypad state"],
  6: ["Lock state", "Keypad state"],
  9: ["Lock state"],
};

export const ALL_USER_CODES_DELETED = 12;

/** What the driver does with one Access Control report. */
export type AccessFiling =
  | { kind: "state"; variable: AccessVariable; value: number }
  | { kind: "event"; idles: readonly AccessVariable[]; clearsUserCodes: boolean };

export function fileAccessEvent(event: number): AccessFiling {
  const variable = STATE_OF.get(event);
  if (variable) return { kind: "state", variable, value: event };
  return { kind: "event", idles: IDLES[event] ?? [], clearsUserCodes: event === ALL_USER_CODES_DELETED };
}

/** HA's entity id for one state sensor of a lock, in the fake's naming (the lock's own slug). */
export function stateSensorEntityId(lockEntityId: string, name: string): string {
  return `binary_sensor.${lockEntityId.replace(/^lock\./, "")}_${name.toLowerCase().replace(/ /g, "_")}`;
}

/** zwave_js helpers get_unique_id of a notification state sensor: "<home>.<node>-113-0-<label>-<variable>.<state>". */
export function stateSensorUniqueId(
  homeId: number,
  nodeId: number,
  variable: AccessVariable,
  state: number,
): string {
  return `${homeId}.${nodeId}-113-0-Access Control-${variable}.${state}`;
}
