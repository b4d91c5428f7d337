// Reads and writes a mock lock's memory (`MockNode.state`, a Map<string, unknown>).
// Why this file exists: the state keys below are private to zwave-js's mock behaviours
// (mockCCBehaviors/UserCode.js, UserCredential.js and DoorLock.js in zwave-js 15.29); keeping them in one place
// means an upgrade that renames them breaks exactly here. Values are `unknown`, so every
// read narrows at runtime instead of casting.
import {
  DoorLockMode,
  UserCredentialModifierType,
  UserCredentialNameEncoding,
  UserCredentialRule,
  UserCredentialType,
  UserCredentialUserType,
  UserIDStatus,
} from "@zwave-js/cc";
import { Bytes } from "@zwave-js/shared";
import type { MockNode } from "@zwave-js/testing";
import { z } from "zod";
import type { LockSpec } from "./mock-locks.js";

const Keys = {
  userCode: (slot: number) => `UserCode_userCode_${slot}`,
  userIdStatus: (slot: number) => `UserCode_userIdStatus_${slot}`,
  credentialUser: (user: number) => `UserCredential_user_${user}`,
  pinCredential: (slot: number) => `UserCredential_cred_${UserCredentialType.PINCode}_${slot}`,
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

/** What the User Credential mock keeps per user and per credential (the fields read here). */
const CredentialUser = z.looseObject({ active: z.boolean() });
const PinCredential = z.looseObject({ userId: z.number(), credentialData: z.instanceof(Uint8Array) });

/**
 * Occupied slots only; an available (empty) slot is absent from the result. On a User Credential
 * lock a "slot" is a user index and its code is that user's PIN credential.
 */
export function readUserCodes(node: MockNode, lock: LockSpec): Record<string, SlotState> {
  return lock.codes === "user_code"
    ? readUserCodeSlots(node, lock.numUsers)
    : readCredentialUsers(node, lock.numUsers);
}

function readCredentialUsers(node: MockNode, numUsers: number): Record<string, SlotState> {
  const slots: Record<string, SlotState> = {};
  for (let slot = 1; slot <= numUsers; slot++) {
    const pin = PinCredential.safeParse(node.state.get(Keys.pinCredential(slot)));
    if (!pin.success) continue;
    const user = CredentialUser.safeParse(node.state.get(Keys.credentialUser(pin.data.userId)));
    slots[String(pin.data.userId)] = {
      status: user.success && !user.data.active ? "disabled" : "enabled",
      code: Buffer.from(pin.data.credentialData).toString("ascii"),
    };
  }
  return slots;
}

function readUserCodeSlots(node: MockNode, numUsers: number): Record<string, SlotState> {
  const slots: Record<string, SlotState> = {};
  for (let slot = 1; slot <= numUsers; slot++) {
    const rawStatus = node.state.get(Keys.userIdStatus(slot));
    const status = typeof rawStatus === "number" ? STATUS_NAMES.get(rawStatus) : undefined;
    if (status === undefined) continue;
    slots[String(slot)] = { status, code: codeToString(node.state.get(Keys.userCode(slot))) };
  }
  return slots;
}

/** One User Code slot as the lock keeps it: its User ID status number and the raw code. */
export function readUserCodeSlot(node: MockNode, slot: number): { userIdStatus: UserIDStatus; code: string } {
  const rawStatus = node.state.get(Keys.userIdStatus(slot));
  const known = [
    UserIDStatus.Enabled,
    UserIDStatus.Disabled,
    UserIDStatus.Messaging,
    UserIDStatus.PassageMode,
  ];
  return {
    userIdStatus: known.find((status) => status === rawStatus) ?? UserIDStatus.Available,
    code: codeToString(node.state.get(Keys.userCode(slot))),
  };
}

/**
 * Stores a code as enabled, or empties the slot when `code` is null, as a person does at the
 * lock's own keypad. On a User Credential lock: user `slot` with PIN credential `slot`.
 */
export function writeUserCode(node: MockNode, lock: LockSpec, slot: number, code: string | null): void {
  if (lock.codes === "user_credential") {
    writeCredentialUser(node, slot, code);
    return;
  }
  if (code === null) {
    node.state.set(Keys.userIdStatus(slot), UserIDStatus.Available);
    node.state.set(Keys.userCode(slot), undefined);
    return;
  }
  node.state.set(Keys.userIdStatus(slot), UserIDStatus.Enabled);
  node.state.set(Keys.userCode(slot), code);
}

/** A user enrolled at the keypad: what the lock then reports about them. */
export const KEYPAD_USER = {
  userType: UserCredentialUserType.General,
  active: true,
  credentialRule: UserCredentialRule.Single,
  expiringTimeoutMinutes: 0,
  nameEncoding: UserCredentialNameEncoding.ASCII,
  userName: "",
} as const;

function writeCredentialUser(node: MockNode, user: number, code: string | null): void {
  if (code === null) {
    node.state.delete(Keys.pinCredential(user));
    node.state.delete(Keys.credentialUser(user));
    return;
  }
  const byKeypad = { modifierType: UserCredentialModifierType.Locally, modifierNodeId: 0 };
  node.state.set(Keys.credentialUser(user), { ...KEYPAD_USER, ...byKeypad });
  node.state.set(Keys.pinCredential(user), {
    userId: user,
    credentialData: Bytes.from(code, "ascii"),
    ...byKeypad,
  });
}

export function clearUserCodes(node: MockNode, lock: LockSpec): void {
  for (let slot = 1; slot <= lock.numUsers; slot++) writeUserCode(node, lock, slot, null);
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
