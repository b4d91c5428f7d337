import { z } from "zod";
import type { HaEventIntake } from "../ha/event-intake";
import type { LockSensor } from "../core/lock-sensors";
import { reportDoorEvent, type DoorReportDeps } from "./door-report";

const StateSchema = z.object({ state: z.string() }).loose();
const stateOf = (raw: unknown): string | undefined => StateSchema.safeParse(raw).data?.state;

/**
 * A jam and a keypad lockout arrive as a lock's binary sensor turning on, not as a notification
 * (core/lock-sensors.ts). Only a change from "off" counts: a sensor that comes back on with its
 * lock (unavailable → on) or with HA (no old state) reports nothing new. So does a lock's power
 * applied again, which has the lock checked for lost codes; HA makes that sensor at the lock's
 * first power-up report (unknown → on at once), so HA is read again to learn whose a sensor new to
 * Latchkey is (once per sensor).
 */
export function watchLockSensors(deps: DoorReportDeps & { intake: HaEventIntake }): void {
  const learned = new Set<string>();
  const turnedOn = (sensor: LockSensor, from: string | undefined) => {
    if (sensor.kind === "power_applied") {
      if (from === "off" || from === "unknown") deps.service.powerApplied(sensor.lockId);
      return;
    }
    if (from !== "off") return;
    const seen = { kind: sensor.kind, lockId: sensor.lockId, slot: null, codeId: null, codeName: null };
    void reportDoorEvent(deps, seen).catch((error: unknown) => {
      deps.log.error("Handling a lock's state failed.", error);
    });
  };
  deps.intake.on("state_changed", (event) => {
    const entityId = event.data.entity_id;
    if (typeof entityId !== "string" || !entityId.startsWith("binary_sensor.")) return;
    const from = stateOf(event.data.old_state);
    if (stateOf(event.data.new_state) !== "on") return;
    const sensor = deps.service.locks.sensor(entityId);
    if (sensor) {
      turnedOn(sensor, from);
      return;
    }
    if (from !== "unknown" || learned.has(entityId)) return;
    learned.add(entityId);
    void deps.service.locks
      .refresh()
      .then(() => {
        const made = deps.service.locks.sensor(entityId);
        if (made?.kind === "power_applied") turnedOn(made, from);
      })
      .catch((error: unknown) => {
        deps.log.error("Handling a lock's state failed.", error);
      });
  });
}
