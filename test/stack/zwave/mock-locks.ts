// The three simulated locks: what each one is, in zwave-js MockNode capability terms.
// Why these CCs/versions: they are what a typical Z-Wave Plus keypad deadbolt reports and
// what Home Assistant's zwave_js lock platform and the code services need.
import {
  DoorLockMode,
  DoorLockOperationType,
  UserCredentialRule,
  UserCredentialType,
  UserCredentialUserType,
  type UserCredentialCapability,
} from "@zwave-js/cc";
import { CommandClasses } from "@zwave-js/core";
import { ccCaps, type PartialCCCapabilities } from "@zwave-js/testing";

/**
 * Where a lock keeps its codes. "user_code": the User Code CC (99), one PIN per slot, what most
 * Z-Wave locks in homes have. "user_credential": only the User Credential CC (131, newer locks):
 * users with typed credentials; Latchkey's slot is the user index.
 */
export type CodeCommandClass = "user_code" | "user_credential";

export interface LockSpec {
  readonly nodeId: number;
  readonly name: string;
  /** Short name used by the demo CLI (`--lock back`). */
  readonly slug: "front" | "back" | "garage" | "shed";
  readonly codes: CodeCommandClass;
  /** User Code slots, or User Credential users (with as many PIN credential slots). */
  readonly numUsers: number;
  readonly supervision: boolean;
  readonly slow: boolean;
}

export const LOCKS: readonly LockSpec[] = [
  {
    nodeId: 2,
    name: "Front Door",
    slug: "front",
    codes: "user_code",
    numUsers: 30,
    supervision: true,
    slow: false,
  },
  // No Supervision: zwave-js must verify writes by reading back, like many older locks.
  {
    nodeId: 3,
    name: "Back Door",
    slug: "back",
    codes: "user_code",
    numUsers: 30,
    supervision: false,
    slow: false,
  },
  // Many slots and slow radio, like a battery lock far from the controller.
  {
    nodeId: 4,
    name: "Garage Side Door",
    slug: "garage",
    codes: "user_code",
    numUsers: 250,
    supervision: true,
    slow: true,
  },
  // A newer lock with only the User Credential CC: HA's credential actions are its only path.
  {
    nodeId: 5,
    name: "Shed Door",
    slug: "shed",
    codes: "user_credential",
    numUsers: 10,
    supervision: true,
    slow: false,
  },
];

/** Access Control (type 6) events every lock advertises; numbers from the Z-Wave spec. */
export const ACCESS_CONTROL = 6;
export const AccessEvent = {
  manualLock: 1,
  manualUnlock: 2,
  rfLock: 3,
  rfUnlock: 4,
  keypadLock: 5,
  keypadUnlock: 6,
  jammed: 11,
  allCodesDeleted: 12,
  singleCodeDeleted: 13,
  newCodeAdded: 14,
  duplicateCode: 15,
  /** Keypad state "Keypad temporary disabled": what many locks do after too many wrong codes. */
  keypadDisabled: 16,
  /** "Invalid credential used" (Notification v8): a code the lock does not know was entered. */
  invalidCredential: 50,
} as const;
const SUPPORTED_ACCESS_EVENTS = [1, 2, 3, 4, 5, 6, 11, 13, 14, 15, 16, 17, 18, 19];

/**
 * CCs without CC-specific mock capabilities. zwave-js's `PartialCCCapabilities` type collapses
 * to `never` for these when written as objects, so they are added with `MockNode.addCC`
 * (typed `Partial<CommandClassInfo>`) after the node exists.
 */
export function lockPlainCommandClasses(lock: LockSpec): { ccId: CommandClasses; version: number }[] {
  const ccs = [
    { ccId: CommandClasses.Version, version: 3 },
    { ccId: CommandClasses["Manufacturer Specific"], version: 2 },
    { ccId: CommandClasses["Z-Wave Plus Info"], version: 2 },
    { ccId: CommandClasses.Battery, version: 1 },
  ];
  if (lock.supervision) ccs.push({ ccId: CommandClasses.Supervision, version: 1 });
  return ccs;
}

/** CCs whose mock behaviour reads CC-specific capabilities (slot count, modes, events). */
export function lockCommandClasses(lock: LockSpec): PartialCCCapabilities[] {
  return [
    lock.codes === "user_code"
      ? ccCaps({
          ccId: CommandClasses["User Code"],
          version: 2,
          numUsers: lock.numUsers,
          supportsUserCodeChecksum: true,
        })
      : userCredentialCaps(lock.numUsers),
    ccCaps({
      ccId: CommandClasses["Door Lock"],
      version: 4,
      supportedOperationTypes: [DoorLockOperationType.Constant],
      supportedDoorLockModes: [DoorLockMode.Unsecured, DoorLockMode.Secured],
    }),
    ccCaps({
      ccId: CommandClasses.Notification,
      version: 8,
      supportsV1Alarm: false,
      notificationTypesAndEvents: { [ACCESS_CONTROL]: SUPPORTED_ACCESS_EVENTS },
    }),
  ];
}

/**
 * A PIN-only User Credential lock: one credential per user, PINs of 4–10 digits that the lock lets
 * the controller read back (no hashing: maxCredentialHashLength 0), general users only.
 */
function userCredentialCaps(users: number): PartialCCCapabilities {
  const pin: UserCredentialCapability = {
    numberOfCredentialSlots: users,
    minCredentialLength: 4,
    maxCredentialLength: 10,
    maxCredentialHashLength: 0,
    supportsCredentialLearn: false,
  };
  return ccCaps({
    ccId: CommandClasses["User Credential"],
    version: 1,
    numberOfSupportedUsers: users,
    supportedCredentialRules: [UserCredentialRule.Single],
    maxUserNameLength: 32,
    supportedUserTypes: [UserCredentialUserType.General],
    supportedCredentialTypes: new Map([[UserCredentialType.PINCode, pin]]),
  });
}

export function findLock(nodeId: number): LockSpec | undefined {
  return LOCKS.find((l) => l.nodeId === nodeId);
}
