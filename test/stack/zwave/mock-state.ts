// Reads and writes a mock lock's memory (`MockNode.state`, a Map<string, unknown>).
// Why this file exists: the state keys below are private to zwave-js's mock behaviours
// (mockCCBehaviors/UserCode.js and DoorLock.js in zwave-js 15.29); keeping them in one place
// means an upgrade that renames them breaks exactly here. Values are `unknown`, so every
// read narrows at runtime instead of casting.
import { DoorLockMode, UserIDStatus } from "@zwave-js/cc";
import type { MockNode } from "@zwave-js/testing";

const Keys = {
  userCode: (slot: number) => `UserCode_userCode_${slot}`,
  userIdStatus: (slot: number) => `UserCode_userIdStatus_${slot}`,
  doorLockMode: "DoorLock_currentMode",
  // Our own key: the stock mock keeps no battery level.
  battery: "Latchkey_battery",
} as const;

export type SlotStatus = "enabled" | "disabled" | "messaging" | "passage";
export interface SlotState {
  status: SlotStatus;
  code: string;
}

const STATUS_NAMES: ReadonlyMap<number, SlotStatus> = new Map([
  [UserIDStatus.Enabled, "enabled"],
  [UserIDStatus.Disabled, "disabled"],
  [UserIDStatus.Messaging, "messaging"],
  [UserIDStatus.PassageMode, "passage"],
]);

function codeToString(raw: unknown): string {
  if (typeof raw === "string") return raw;
  if (raw instanceof Uint8Array) return Buffer.from(raw).toString("ascii");
  return "";
}

/** Occupied slots only; an available (empty) slot is absent from the result. */
export function readUserCodes(node: MockNode, numUsers: number): Record<string, SlotState> {
  const slots: Record<string, SlotState> = {};
  for (let slot = 1; slot <= numUsers; slot++) {
    const rawStatus = node.state.get(Keys.userIdStatus(slot));
    const status = typeof rawStatus === "number" ? STATUS_NAMES.get(rawStatus) : undefined;
    if (status === undefined) continue;
    slots[String(slot)] = { status, code: codeToString(node.state.get(Keys.userCode(slot))) };
  }
  return slots;
}

/** Stores a code as enabled, or empties the slot when `code` is null. */
export function writeUserCode(node: MockNode, slot: number, code: string | null): void {
  if (code === null) {
    node.state.set(Keys.userIdStatus(slot), UserIDStatus.Available);
    node.state.set(Keys.userCode(slot), undefined);
    return;
  }
  node.state.set(Keys.userIdStatus(slot), UserIDStatus.Enabled);
  node.state.set(Keys.userCode(slot), code);
}

export function clearUserCodes(node: MockNode, numUsers: number): void {
  for (let slot = 1; slot <= numUsers; slot++) writeUserCode(node, slot, null);
}

export function readDoorLockMode(node: MockNode): DoorLockMode {
  const raw = node.state.get(Keys.doorLockMode);
  if (raw === DoorLockMode.Secured) return DoorLockMode.Secured;
  // The stock mock treats a missing mode as unsecured; any other unsecured variant reads the same.
  return DoorLockMode.Unsecured;
}

export function writeDoorLockMode(node: MockNode, mode: DoorLockMode): void {
  node.state.set(Keys.doorLockMode, mode);
}

export function readBattery(node: MockNode): number {
  const raw = node.state.get(Keys.battery);
  return typeof raw === "number" ? raw : 100;
}

export function writeBattery(node: MockNode, level: number): void {
  node.state.set(Keys.battery, level);
}
