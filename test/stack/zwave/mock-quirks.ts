// Quirks of real locks that the field complains about most, switched on per lock at run time
// (POST /quirks), so every other test keeps its well-behaved locks:
// - maskPins: User Code Reports hide the PIN ("****", or "0000" as some locks send), the slot's
//   status stays true (occupied / available);
// - refuseDuplicates: a User Code Set whose PIN another slot already holds is not stored; the lock
//   says so with Access Control event 15 "New user code not added due to duplicate code" (and a
//   Supervision Fail where the Set was supervised);
// - silent: the lock takes every write but never sends a User Code Report, not even to a Get.
// Only User Code locks (CC 99) have these; the quirks live in the node's memory under our own key.
import { UserIDStatus } from "@zwave-js/cc";
import { NotificationCCReport } from "@zwave-js/cc/NotificationCC";
import {
  UserCodeCCExtendedUserCodeSet,
  UserCodeCCGet,
  UserCodeCCReport,
  UserCodeCCSet,
} from "@zwave-js/cc/UserCodeCC";
import { createMockZWaveRequestFrame, type MockNode, type MockNodeBehavior } from "@zwave-js/testing";
import { z } from "zod";
import { ACCESS_CONTROL, AccessEvent, type LockSpec } from "./mock-locks.js";
import { readUserCodes, readUserCodeSlot } from "./mock-state.js";

export const LockQuirks = z.object({
  maskPins: z.enum(["stars", "zeros"]).nullable().default(null),
  refuseDuplicates: z.boolean().default(false),
  silent: z.boolean().default(false),
});
export type LockQuirks = z.infer<typeof LockQuirks>;

const QUIRKS_KEY = "Latchkey_quirks";
const NONE: LockQuirks = { maskPins: null, refuseDuplicates: false, silent: false };

export function readQuirks(node: MockNode): LockQuirks {
  const parsed = LockQuirks.safeParse(node.state.get(QUIRKS_KEY));
  return parsed.success ? parsed.data : NONE;
}

export function writeQuirks(node: MockNode, quirks: LockQuirks): void {
  node.state.set(QUIRKS_KEY, quirks);
}

/** What a masking lock sends in place of the PIN: as many stars (or zeros) as it has digits. */
function masked(code: string, mode: "stars" | "zeros"): string {
  const length = Math.max(4, code.length);
  return (mode === "stars" ? "*" : "0").repeat(length);
}

function answerGet(self: MockNode, spec: LockSpec, get: UserCodeCCGet, nodeId: number) {
  const quirks = readQuirks(self);
  if (quirks.silent) return { action: "stop" } as const;
  if (!quirks.maskPins || get.userId > spec.numUsers) return undefined;
  const { userIdStatus, code } = readUserCodeSlot(self, get.userId);
  if (userIdStatus === UserIDStatus.Available) return undefined;
  const cc = new UserCodeCCReport({
    nodeId,
    userId: get.userId,
    userIdStatus,
    userCode: masked(code, quirks.maskPins),
  });
  return { action: "sendCC", cc } as const;
}

/** Another occupied slot of the lock already holds `code`. */
function isDuplicate(self: MockNode, spec: LockSpec, slot: number, code: string): boolean {
  return Object.entries(readUserCodes(self, spec)).some(
    ([other, state]) => Number(other) !== slot && state.code === code,
  );
}

/** One slot's part of a Set: the plain Set and each entry of an Extended User Code Set alike. */
interface SlotSet {
  userId: number;
  userIdStatus: UserIDStatus;
  userCode?: string | Uint8Array;
}

/**
 * A lock of User Code v2 gets its codes by Extended User Code Set (zwave-js sends that to every
 * v2+ node), older ones by the plain Set: either is refused when one of its PINs is a duplicate.
 */
function refuseSet(self: MockNode, spec: LockSpec, sets: readonly SlotSet[], nodeId: number) {
  if (!readQuirks(self).refuseDuplicates) return undefined;
  const duplicate = sets.some((set) => {
    if (set.userIdStatus === UserIDStatus.Available || set.userCode === undefined) return false;
    const code =
      typeof set.userCode === "string" ? set.userCode : Buffer.from(set.userCode).toString("ascii");
    return isDuplicate(self, spec, set.userId, code);
  });
  if (!duplicate) return undefined;
  // After the Set's ACK and before any Get that follows it, as a lock that checks on receipt does.
  const notice = new NotificationCCReport({
    nodeId,
    notificationType: ACCESS_CONTROL,
    notificationEvent: AccessEvent.duplicateCode,
  });
  void self.sendToController(createMockZWaveRequestFrame(notice, { ackRequested: false }));
  return { action: "fail" } as const;
}

/** The quirks' behaviour; consulted before the stock User Code behaviour, inert while no quirk is on. */
export function quirkBehavior(spec: LockSpec): MockNodeBehavior {
  return {
    handleCC(controller, self, receivedCC) {
      if (spec.codes !== "user_code") return undefined;
      if (receivedCC instanceof UserCodeCCGet) return answerGet(self, spec, receivedCC, controller.ownNodeId);
      if (receivedCC instanceof UserCodeCCSet)
        return refuseSet(self, spec, [receivedCC], controller.ownNodeId);
      if (receivedCC instanceof UserCodeCCExtendedUserCodeSet)
        return refuseSet(self, spec, receivedCC.userCodes, controller.ownNodeId);
      return undefined;
    },
  };
}
