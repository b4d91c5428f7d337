// What a person (or the battery) does at a lock, turned into mock memory changes plus the
// unsolicited frames a real lock would send to the controller.
import { DoorLockMode } from "@zwave-js/cc";
import { BatteryCCReport } from "@zwave-js/cc/BatteryCC";
import { DoorLockCCOperationReport } from "@zwave-js/cc/DoorLockCC";
import { NotificationCCReport } from "@zwave-js/cc/NotificationCC";
import { UserCredentialCCCredentialReport, UserCredentialCCUserReport } from "@zwave-js/cc/UserCredentialCC";
import {
  UserCredentialCredentialReportType,
  UserCredentialModifierType,
  UserCredentialType,
  UserCredentialUserReportType,
} from "@zwave-js/cc";
import { Bytes } from "@zwave-js/shared";
import { type MockNode, createMockZWaveRequestFrame } from "@zwave-js/testing";
import type { CommandClass } from "@zwave-js/cc";
import { ACCESS_CONTROL, AccessEvent } from "./mock-locks.js";
import type { MockLock } from "./mock-build.js";
import {
  KEYPAD_USER,
  readDoorLockMode,
  writeBattery,
  writeDoorLockMode,
  writeUserCode,
} from "./mock-state.js";

async function send(node: MockNode, cc: CommandClass): Promise<void> {
  await node.sendToController(createMockZWaveRequestFrame(cc, { ackRequested: false }));
}

async function sendAccessEvent(node: MockNode, event: number, userId?: number): Promise<void> {
  const cc = new NotificationCCReport({
    nodeId: node.controller.ownNodeId,
    notificationType: ACCESS_CONTROL,
    notificationEvent: event,
    ...(userId === undefined ? {} : { eventParameters: Uint8Array.from([userId]) }),
  });
  await send(node, cc);
}

/** Real locks follow an access notification with a Door Lock report; HA's lock state uses it. */
async function moveBolt(node: MockNode, action: "lock" | "unlock"): Promise<void> {
  const mode = action === "lock" ? DoorLockMode.Secured : DoorLockMode.Unsecured;
  writeDoorLockMode(node, mode);
  const cc = new DoorLockCCOperationReport({
    nodeId: node.controller.ownNodeId,
    currentMode: readDoorLockMode(node),
    outsideHandlesCanOpenDoor: [true, true, true, true],
    insideHandlesCanOpenDoor: [true, true, true, true],
  });
  await send(node, cc);
}

export async function keypad(node: MockNode, slot: number, action: "lock" | "unlock"): Promise<void> {
  await sendAccessEvent(node, action === "lock" ? AccessEvent.keypadLock : AccessEvent.keypadUnlock, slot);
  await moveBolt(node, action);
}

export async function manual(node: MockNode, action: "lock" | "unlock"): Promise<void> {
  await sendAccessEvent(node, action === "lock" ? AccessEvent.manualLock : AccessEvent.manualUnlock);
  await moveBolt(node, action);
}

export async function rf(node: MockNode, action: "lock" | "unlock"): Promise<void> {
  await sendAccessEvent(node, action === "lock" ? AccessEvent.rfLock : AccessEvent.rfUnlock);
  await moveBolt(node, action);
}

export async function jam(node: MockNode): Promise<void> {
  // A jammed bolt does not move, so the door lock mode stays as it was.
  await sendAccessEvent(node, AccessEvent.jammed);
}

/** Any Access Control event, for what the named actions do not cover. */
export async function accessEvent(node: MockNode, event: number, userId?: number): Promise<void> {
  await sendAccessEvent(node, event, userId);
}

/** Notification type 8 (Power Management): what a lock sends when its batteries are back in. */
const POWER_MANAGEMENT = 8;
const POWER_HAS_BEEN_APPLIED = 1;

/** `idle`: the lock sets that state back to idle instead (event 0, the state's event as parameter). */
export async function powerApplied(node: MockNode, idle = false): Promise<void> {
  const cc = new NotificationCCReport({
    nodeId: node.controller.ownNodeId,
    notificationType: POWER_MANAGEMENT,
    notificationEvent: idle ? 0 : POWER_HAS_BEEN_APPLIED,
    ...(idle ? { eventParameters: Uint8Array.from([POWER_HAS_BEEN_APPLIED]) } : {}),
  });
  await send(node, cc);
}

export async function battery(node: MockNode, level: number): Promise<void> {
  writeBattery(node, level);
  await send(node, new BatteryCCReport({ nodeId: node.controller.ownNodeId, level }));
}

/**
 * A code added/changed (0x0E) or deleted (0x0D) at the lock's own keypad. A User Credential lock
 * also tells the controller what changed (User and Credential Reports to its lifeline), which is
 * what keeps the driver's user list right.
 */
export async function keypadCode({ node, spec }: MockLock, slot: number, code: string | null): Promise<void> {
  writeUserCode(node, spec, slot, code);
  if (spec.codes === "user_credential") await reportCredentialChange(node, slot, code);
  await sendAccessEvent(node, code === null ? AccessEvent.singleCodeDeleted : AccessEvent.newCodeAdded, slot);
}

async function reportCredentialChange(node: MockNode, user: number, code: string | null): Promise<void> {
  const byKeypad = { modifierType: UserCredentialModifierType.Locally, modifierNodeId: 0 };
  const credential = {
    userId: user,
    credentialType: UserCredentialType.PINCode,
    credentialSlot: user,
    ...byKeypad,
  };
  const nodeId = node.controller.ownNodeId;
  if (code === null) {
    await send(
      node,
      new UserCredentialCCCredentialReport({
        nodeId,
        reportType: UserCredentialCredentialReportType.CredentialDeleted,
        credentialReadBack: false,
        ...credential,
      }),
    );
    await send(
      node,
      new UserCredentialCCUserReport({
        nodeId,
        reportType: UserCredentialUserReportType.UserDeleted,
        userId: user,
        ...KEYPAD_USER,
        ...byKeypad,
      }),
    );
    return;
  }
  await send(
    node,
    new UserCredentialCCUserReport({
      nodeId,
      reportType: UserCredentialUserReportType.UserAdded,
      userId: user,
      ...KEYPAD_USER,
      ...byKeypad,
    }),
  );
  await send(
    node,
    new UserCredentialCCCredentialReport({
      nodeId,
      reportType: UserCredentialCredentialReportType.CredentialAdded,
      credentialReadBack: true,
      credentialData: Bytes.from(code, "ascii"),
      ...credential,
    }),
  );
}
