// Behaviours the stock zwave-js mock lacks, added to every lock node:
// - Battery Get → Battery Report (the stock mock has no Battery behaviour; without it the
//   driver waits for a timeout on every interview/refresh);
// - Notification Get → Notification Report (stock mock only answers "supported" queries);
// - an optional response delay to simulate a slow lock.
import { BatteryCCGet, BatteryCCReport } from "@zwave-js/cc/BatteryCC";
import { NotificationCCGet, NotificationCCReport } from "@zwave-js/cc/NotificationCC";
import type { MockNodeBehavior } from "@zwave-js/testing";
import { readBattery } from "./mock-state.js";

const respondToBatteryGet: MockNodeBehavior = {
  handleCC(controller, self, receivedCC) {
    if (!(receivedCC instanceof BatteryCCGet)) return undefined;
    const cc = new BatteryCCReport({ nodeId: controller.ownNodeId, level: readBattery(self) });
    return { action: "sendCC", cc };
  },
};

const respondToNotificationGet: MockNodeBehavior = {
  handleCC(controller, _self, receivedCC) {
    if (!(receivedCC instanceof NotificationCCGet)) return undefined;
    // Report "idle" (event 0) with status 0xFF (notifications on): the lock has no pending
    // event to report, which is what a real lock answers after boot.
    const cc = new NotificationCCReport({
      nodeId: controller.ownNodeId,
      notificationType: receivedCC.notificationType ?? 0,
      notificationEvent: 0,
      notificationStatus: 0xff,
    });
    return { action: "sendCC", cc };
  },
};

/** Delays every answer of the node by `delayMs` (after its ACK, so no ACK timeout). */
function delayResponses(delayMs: number): MockNodeBehavior {
  return {
    async transformResponse(_controller, _self, _receivedCC, response) {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return response;
    },
  };
}

export function lockBehaviors(responseDelayMs: number): MockNodeBehavior[] {
  const behaviors = [respondToBatteryGet, respondToNotificationGet];
  if (responseDelayMs > 0) behaviors.push(delayResponses(responseDelayMs));
  return behaviors;
}
