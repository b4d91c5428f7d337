import { z } from "zod";
import type { HaEventIntake } from "../ha/event-intake";
import { reportDoorEvent, type DoorReportDeps } from "./door-report";

const StateSchema = z.object({ state: z.string() }).loose();
const stateOf = (raw: unknown): string | undefined => StateSchema.safeParse(raw).data?.state;

/**
 * A jam and a keypad lockout arrive as a lock's binary sensor turning on, not as a notification
 * (core/lock-sensors.ts). Only a change from "off" counts: a sensor that comes back on with its
 * lock (unavailable → on) or with HA (no old state) reports nothing new.
 */
export function watchLockSensors(deps: DoorReportDeps & { intake: HaEventIntake }): void {
  deps.intake.on("state_changed", (event) => {
    const entityId = event.data.entity_id;
    if (typeof entityId !== "string" || !entityId.startsWith("binary_sensor.")) return;
    const sensor = deps.service.locks.sensor(entityId);
    if (!sensor || stateOf(event.data.old_state) !== "off" || stateOf(event.data.new_state) !== "on") return;
    const seen = { kind: sensor.kind, lockId: sensor.lockId, slot: null, codeId: null, codeName: null };
    void reportDoorEvent(deps, seen).catch((error: unknown) => {
      deps.log.error("Handling a lock's state failed.", error);
    });
  });
}
