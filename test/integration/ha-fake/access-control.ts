// zwave-js' access-control API, which HA 2026.6+'s credential actions call, over the two kinds of
// lock the fake models: a User Credential lock (its own user store) and a User Code lock, where
// every occupied slot is a user with one PIN in that same slot (zwave-js AccessControl.js).
import type { CredentialStore, LockUser } from "./credential-store.js";
import type { FakeLock } from "./home.js";
import type { LockDriver } from "./lock-driver.js";
import { HaError } from "./protocol.js";

export interface UserChanges {
  name?: string;
  active?: boolean;
  userType?: string;
}

export interface LockAccess {
  readonly maxUsers: number;
  readonly pinSlots: number;
  /** User Credential locks keep users without credentials; on User Code locks a user is its code. */
  readonly usersWithoutCredentials: boolean;
  users(): Map<number, LockUser>;
  setUser(userId: number, changes: UserChanges): Promise<void>;
  setPin(userId: number, slot: number, pin: string): Promise<void>;
  deletePin(userId: number, slot: number): Promise<void>;
  deleteUser(userId: number): Promise<void>;
}

/** The lock answered a credential with DuplicateCredential (lock_helpers.py _SET_CREDENTIAL_RESULT_KEYS). */
export const duplicateCredential = (): HaError =>
  new HaError("home_assistant_error", "This credential is already registered on the device", {
    key: "credential_rejected_duplicate",
    domain: "zwave_js",
    placeholders: {},
  });

function assertNoDuplicate(users: Map<number, LockUser>, pin: string, slot: number): void {
  for (const user of users.values())
    for (const [other, held] of user.pins) if (held === pin && other !== slot) throw duplicateCredential();
}

function credentialAccess(lock: FakeLock, store: CredentialStore, driver: LockDriver): LockAccess {
  return {
    maxUsers: store.maxUsers,
    pinSlots: store.pinSlots,
    usersWithoutCredentials: true,
    users: () => store.users,
    setUser: (userId, changes) =>
      driver.writeCredential(lock, () => {
        if (userId > store.maxUsers)
          throw new HaError(
            "home_assistant_error",
            "The device rejected the user update without giving a reason",
            {
              key: "user_rejected_unknown",
              domain: "zwave_js",
              placeholders: {},
            },
          );
        const existing = store.users.get(userId);
        store.users.set(userId, {
          name: changes.name ?? existing?.name ?? `User-${userId}`,
          active: changes.active ?? existing?.active ?? true,
          userType: changes.userType ?? existing?.userType ?? "general",
          credentialRule: "single",
          pins: existing?.pins ?? new Map<number, string>(),
          tags: existing?.tags ?? [],
        });
      }),
    setPin: (userId, slot, pin) =>
      driver.writeCredential(lock, () => {
        const user = store.users.get(userId);
        if (!user)
          throw new HaError(
            "home_assistant_error",
            "The device rejected the credential without giving a reason",
            {
              key: "credential_rejected_unknown",
              domain: "zwave_js",
              placeholders: {},
            },
          );
        const owner = store.ownerOfPinSlot(slot);
        if (owner !== undefined && owner !== userId)
          throw new HaError("home_assistant_error", "The credential slot is already in use on the device", {
            key: "credential_rejected_add_occupied",
            domain: "zwave_js",
            placeholders: {},
          });
        assertNoDuplicate(store.users, pin, slot);
        user.pins.set(slot, pin);
      }),
    // Deleting a credential that is not there is answered as done.
    deletePin: (userId, slot) =>
      driver.writeCredential(lock, () => {
        store.users.get(userId)?.pins.delete(slot);
      }),
    deleteUser: (userId) =>
      driver.writeCredential(lock, () => {
        store.users.delete(userId);
      }),
  };
}

function userCodeAccess(lock: FakeLock, driver: LockDriver): LockAccess {
  const users = (): Map<number, LockUser> => {
    const found = new Map<number, LockUser>();
    for (let slot = 1; slot <= lock.config.slotCount; slot++) {
      const status = lock.node.get(99, "userIdStatus", slot)?.value;
      const code = lock.node.get(99, "userCode", slot)?.value;
      if ((status !== 1 && status !== 2) || typeof code !== "string") continue;
      found.set(slot, {
        name: null,
        active: status === 1,
        userType: "general",
        credentialRule: null,
        pins: new Map([[slot, code]]),
        tags: [],
      });
    }
    return found;
  };
  return {
    maxUsers: lock.config.slotCount,
    pinSlots: lock.config.slotCount,
    usersWithoutCredentials: false,
    users,
    setUser: async (userId, changes) => {
      const user = users().get(userId);
      if (!user) {
        const text =
          "zwave_error: Z-Wave error 322 - On this device, users and codes must be stored together. To add a new user, use the addUser() method and provide a credential. (ZW0322)";
        throw new HaError("home_assistant_error", `Failed to set user: ${text}`, {
          key: "set_user_failed",
          domain: "zwave_js",
          placeholders: { error: text },
        });
      }
      const code = [...user.pins.values()][0] ?? null;
      await driver.writeSlot(lock, userId, code, changes.active === false ? 2 : 1);
    },
    // zwave-js writes the code into the user's own slot whatever slot was asked for.
    setPin: (userId, _slot, pin) => driver.writeSlot(lock, userId, pin),
    deletePin: (userId) => driver.writeSlot(lock, userId, null),
    deleteUser: (userId) => driver.writeSlot(lock, userId, null),
  };
}

export function lockAccess(lock: FakeLock, driver: LockDriver): LockAccess {
  return lock.credentials ? credentialAccess(lock, lock.credentials, driver) : userCodeAccess(lock, driver);
}
