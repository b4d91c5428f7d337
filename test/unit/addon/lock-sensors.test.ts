import { describe, expect, it } from "vitest";
import { discoverLockSensors } from "../../../addon/src/core/lock-sensors";
import type { HaSnapshot } from "../../../addon/src/ha/registry";
import { lock } from "../fixtures";

const FRONT = lock("lock.front_door");
const entity = (entityId: string, uniqueId: string, deviceId = FRONT.deviceId, platform = "zwave_js") => ({
  entity_id: entityId,
  platform,
  device_id: deviceId,
  unique_id: uniqueId,
});
const snapshot = (entities: HaSnapshot["entities"]): HaSnapshot => ({
  entities,
  devices: [],
  areas: [],
  states: [],
  timeZone: "UTC",
  language: "en",
  running: true,
});

describe("a lock's state sensors, found by their zwave_js unique id (names are the household's)", () => {
  it("finds the jam, keypad-lockout and power-applied sensors on the lock's device", () => {
    const found = discoverLockSensors(
      snapshot([
        entity("binary_sensor.front_jam", "3967092953.2-113-0-Access Control-Lock state.11"),
        entity("binary_sensor.front_lockout", "3967092953.2-113-0-Access Control-Keypad state.16"),
        // Real HA 2026.11's name for it, made at the lock's first power-up report.
        entity(
          "binary_sensor.hallway_front_door_power_has_been_applied",
          "1279983617.2-113-0-Power Management-Power status.1",
        ),
      ]),
      [FRONT],
    );
    expect(Object.fromEntries(found)).toEqual({
      "binary_sensor.front_jam": { lockId: "lock.front_door", kind: "jammed" },
      "binary_sensor.front_lockout": { lockId: "lock.front_door", kind: "keypad_disabled" },
      "binary_sensor.hallway_front_door_power_has_been_applied": {
        lockId: "lock.front_door",
        kind: "power_applied",
      },
    });
  });

  it.each([
    ["another device's", entity("binary_sensor.p", "1.5-113-0-Power Management-Power status.1", "dev-other")],
    [
      "another Power Management state's",
      entity("binary_sensor.p", "1.2-113-0-Power Management-Mains status.3"),
    ],
    [
      "another integration's",
      entity("binary_sensor.p", "1.2-113-0-Power Management-Power status.1", FRONT.deviceId, "mqtt"),
    ],
    [
      "a sensor entity's, not a binary sensor's",
      entity("sensor.p", "1.2-113-0-Power Management-Power status.1"),
    ],
  ])("leaves out %s", (_name, entry) => {
    expect(discoverLockSensors(snapshot([entry]), [FRONT]).size).toBe(0);
  });
});
