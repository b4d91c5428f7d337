import { interpretNotification, ZwaveNotificationSchema } from "../core/interpret";
import type { HaClient } from "../ha/client";
import type { HaEventIntake } from "../ha/event-intake";
import { doorEventTeller, type DoorReportDeps } from "./door-report";
import { lockOfAction } from "./lock-action";

interface Deps extends DoorReportDeps {
  client: HaClient;
  intake: HaEventIntake;
}

/**
 * Turns the locks' Access Control notifications into activity entries, alerts and
 * `latchkey_*` events (door-report.ts), and carries out "Lock it" tapped on a phone.
 * Subscribing needs an admin token, which the add-on has.
 */
export function watchDoorEvents(deps: Deps): void {
  const tell = doorEventTeller(deps);
  deps.intake.on("zwave_js_notification", (event) => {
    const parsed = ZwaveNotificationSchema.safeParse(event.data);
    if (!parsed.success) return;
    const seen = interpretNotification(parsed.data, deps.service.interpretContext());
    if (seen) tell(seen);
  });
  // "Lock it" tapped on a phone notification.
  deps.intake.on("mobile_app_notification_action", (event) => {
    const lockId = lockOfAction(event.data.action);
    if (!lockId || !deps.service.interpretContext().locks.some((l) => l.id === lockId)) return;
    deps.log.info(`Locking ${deps.service.locks.lockName(lockId)} from a phone notification.`);
    void deps.client.callService("lock", "lock", {}, { entity_id: lockId }).catch((error: unknown) => {
      deps.log.warn(`Could not lock ${deps.service.locks.lockName(lockId)} from the notification.`, error);
    });
  });
}
