import type { ActivityKind } from "../../../src/model/activity";
import type { Lock } from "../../../src/model/lock";
import type { LockId } from "../../../src/model/primitives";
import type { HaSnapshot } from "../ha/registry";

/**
 * What a lock reports as a state rather than as an event. The Z-Wave JS driver files a jam
 * ("Lock state" 11) and a keypad lockout ("Keypad state" 16) as Access Control state variables:
 * no `zwave_js_notification` is fired, HA's binary sensor for that state on the lock's device
 * turns on instead (checked on HA 2026.11; test/stack/zwave/README.md). Entity ids are the
 * household's to rename, so the sensors are found by their zwave_js unique id
 * ("<home>.<node>-113-<endpoint>-Access Control-Lock state.11").
 */
const STATE_SENSORS: readonly { pattern: RegExp; kind: LockSensor["kind"] }[] = [
  { pattern: /-113-\d+-Access Control-Lock state\.11$/, kind: "jammed" },
  { pattern: /-113-\d+-Access Control-Keypad state\.16$/, kind: "keypad_disabled" },
  // "Power has been applied" (Power Management, Notification type 8, event 1): a lock's batteries
  // are back in. Also a state to the driver, no notification; HA makes this sensor on the lock's
  // device at the lock's first such report (unknown → on), and a second one while it is on
  // changes nothing (test/stack/research-power-applied.ts on HA 2026.11).
  { pattern: /-113-\d+-Power Management-Power status\.1$/, kind: "power_applied" },
];

export interface LockSensor {
  lockId: LockId;
  /** What the sensor turning on means: a door event, or the lock's power applied again. */
  kind: ActivityKind | "power_applied";
}

/** The jam, keypad-lockout and power-applied sensors of Latchkey's locks, by entity id. Pure. */
export function discoverLockSensors(ha: HaSnapshot, locks: readonly Lock[]): Map<string, LockSensor> {
  const lockOfDevice = new Map(locks.map((lock) => [lock.deviceId, lock.id]));
  const sensors = new Map<string, LockSensor>();
  for (const entry of ha.entities) {
    if (entry.platform !== "zwave_js" || !entry.entity_id.startsWith("binary_sensor.") || !entry.device_id)
      continue;
    const lockId = lockOfDevice.get(entry.device_id);
    const uniqueId = entry.unique_id;
    const kind = uniqueId ? STATE_SENSORS.find((s) => s.pattern.test(uniqueId))?.kind : undefined;
    if (lockId && kind) sensors.set(entry.entity_id, { lockId, kind });
  }
  return sensors;
}
