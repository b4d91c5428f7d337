// The simulated Matter door lock (matter.js 0.17.9): a DoorLock endpoint with the User and PIN
// credential features, 10 users, PINs of 4–8 digits, the limits the HA fake's Matter lock models
// (test/integration/ha-fake/matter-door-lock.ts). Users and PINs live in matter.js's own
// nonvolatile storage under the run's folder.
import { Bytes, Environment, ServerNode, VendorId } from "@matter/main";
import { DoorLockServer, LockAuth } from "@matter/main/behaviors/door-lock";
import { DoorLock } from "@matter/main/clusters/door-lock";
import { DoorLockDevice } from "@matter/main/devices/door-lock";

/** SetCredential without a user: matter.js 0.17.9 makes the user with this unique id. */
const NO_UNIQUE_ID = 0xffffffff;

/**
 * Works around a matter.js 0.17.9 bug: a PIN added without a user index (what HA's
 * set_lock_credential sends when no user is given) makes a user whose userUniqueId is 0xffffffff
 * — the null value of its nullable uint32 — which its own state validation then refuses, so the
 * command fails with ConstraintError (0x87). The spec says such a user has no unique id: store null.
 */
class NullUniqueIdStore extends LockAuth.Store {
  override addUser(user: LockAuth.User): void {
    // The record is the one setCredential has just built for this call.
    if (user.userUniqueId === NO_UNIQUE_ID) user.userUniqueId = null;
    super.addUser(user);
  }
}

export class SimulatedLockServer extends DoorLockServer.with("User", "PinCredential") {
  override get auth(): LockAuth.Store {
    return new NullUniqueIdStore(this.state, this.cipher);
  }
}

export const LOCK_LIMITS = { users: 10, pinsPerUser: 2, minPin: 4, maxPin: 8 } as const;

export interface LockDeviceOptions {
  /** matter.js's storage folder (one per run). */
  storageDir: string;
  /** UDP port of the lock's Matter operational/commissioning traffic (5540 is Matter's default). */
  port: number;
  /** 12-bit discriminator the commissioner looks for in mDNS; one per run. */
  discriminator: number;
  passcode: number;
}

export interface LockDevice {
  node: ServerNode;
  manualPairingCode: string;
  /**
   * Moves the bolt as if by the keypad with a PIN (or the PIN at a credential index) of an
   * enabled user; false, and the bolt stays, when the lock holds no such PIN.
   */
  keypad(typed: { pin: string } | { credentialIndex: number }, action: "lock" | "unlock"): Promise<boolean>;
  /** Moves the bolt by hand (thumb-turn). */
  manual(action: "lock" | "unlock"): Promise<void>;
  state(): Promise<{ lockState: string; users: { userIndex: number; name: string; pins: number[] }[] }>;
}

export async function startLockDevice(options: LockDeviceOptions): Promise<LockDevice> {
  const env = Environment.default;
  env.vars.set("path.root", options.storageDir);
  // The harness stops the lock with SIGTERM; matter.js's own SIGINT handler is not wanted.
  env.vars.set("runtime.signals", false);
  const node = await ServerNode.create({
    id: "latchkey-lock",
    network: { port: options.port },
    commissioning: { passcode: options.passcode, discriminator: options.discriminator },
    productDescription: { name: "Latchkey Matter lock", deviceType: DoorLockDevice.deviceType },
    basicInformation: {
      vendorName: "Latchkey",
      vendorId: VendorId(0xfff1),
      nodeLabel: "Patio Door",
      productName: "Simulated door lock",
      productLabel: "Simulated door lock",
      productId: 0x8001,
      serialNumber: `latchkey-${options.discriminator}`,
      uniqueId: `latchkey-lock-${options.discriminator}`,
    },
  });
  const endpoint = await node.add(DoorLockDevice.with(SimulatedLockServer), {
    id: "lock",
    doorLock: {
      lockState: DoorLock.LockState.Locked,
      lockType: DoorLock.LockType.DeadBolt,
      actuatorEnabled: true,
      operatingMode: DoorLock.OperatingMode.Normal,
      supportedOperatingModes: new DoorLock.OperatingModes({ noRemoteLockUnlock: true, alwaysSet: 2047 }),
      numberOfTotalUsersSupported: LOCK_LIMITS.users,
      numberOfPinUsersSupported: LOCK_LIMITS.users,
      numberOfCredentialsSupportedPerUser: LOCK_LIMITS.pinsPerUser,
      minPinCodeLength: LOCK_LIMITS.minPin,
      maxPinCodeLength: LOCK_LIMITS.maxPin,
      credentialRulesSupport: new DoorLock.CredentialRules({ single: true }),
      userCodeTemporaryDisableTime: 10,
      wrongCodeEntryLimit: 5,
    },
  });
  await node.start();

  /**
   * matter.js refuses a second transaction on the lock's state while one is open ("Cannot lock
   * … synchronously"): a keypad press that lands while the controller is writing a PIN waits a
   * moment and tries again, as the lock's firmware would queue it.
   */
  const whenFree = async <T>(act: () => T | PromiseLike<T>): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await act();
      } catch (error) {
        if (attempt >= 20 || !(error instanceof Error) || !/synchronously/.test(error.message)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  };

  const move = (
    action: "lock" | "unlock",
    source: DoorLock.OperationSource,
    userIndex: number | null,
    credentialIndex: number | null,
  ) =>
    endpoint.act((agent) => {
      const lock = agent.get(SimulatedLockServer);
      lock.state.lockState = action === "lock" ? DoorLock.LockState.Locked : DoorLock.LockState.Unlocked;
      lock.events.lockOperation.emit(
        new DoorLock.LockOperationEvent({
          lockOperationType:
            action === "lock" ? DoorLock.LockOperationType.Lock : DoorLock.LockOperationType.Unlock,
          operationSource: source,
          userIndex,
          fabricIndex: null,
          sourceNode: null,
          credentials:
            credentialIndex === null
              ? null
              : [new DoorLock.Credential({ credentialType: DoorLock.CredentialType.Pin, credentialIndex })],
        }),
        agent.context,
      );
    });

  return {
    node,
    manualPairingCode: node.state.commissioning.pairingCodes.manualPairingCode,
    keypad: async (typed, action) => {
      const match = await whenFree(() =>
        endpoint.act((agent) => {
          const auth = agent.get(SimulatedLockServer).auth;
          const index =
            "credentialIndex" in typed
              ? typed.credentialIndex
              : auth.credentials.find(
                  (c) =>
                    c.credentialType === DoorLock.CredentialType.Pin &&
                    Bytes.areEqual(auth.decrypt(c.credentialData), Bytes.fromString(typed.pin)),
                )?.credentialIndex;
          if (index === undefined) return null;
          const userIndex = auth.findUserIndexForCredential(DoorLock.CredentialType.Pin, index);
          const user = userIndex === null ? undefined : auth.findUser(userIndex);
          return user?.userStatus === DoorLock.UserStatus.OccupiedEnabled ? { userIndex, index } : null;
        }),
      );
      if (!match) return false;
      await whenFree(() => move(action, DoorLock.OperationSource.Keypad, match.userIndex, match.index));
      return true;
    },
    manual: async (action) => {
      await whenFree(() => move(action, DoorLock.OperationSource.Manual, null, null));
    },
    state: async () =>
      await endpoint.act((agent) => {
        const lock = agent.get(SimulatedLockServer);
        return {
          lockState: lock.state.lockState === null ? "unknown" : DoorLock.LockState[lock.state.lockState],
          users: lock.auth.users.map((u) => ({
            userIndex: u.userIndex,
            name: u.userName,
            pins: u.credentials
              .filter((c) => c.credentialType === DoorLock.CredentialType.Pin)
              .map((c) => c.credentialIndex),
          })),
        };
      }),
  };
}
