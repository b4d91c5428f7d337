// A Matter door lock's user and credential tables (DoorLock cluster, features User + PIN), as HA
// 2026.11's matter integration sees them through the Matter server (matter/lock_helpers.py), with
// what the project's simulated lock (matter.js 0.17.9, test/stack/matter/) does where the spec
// leaves room: PIN credential indexes are numbered apart from users; a PIN added without a user
// gets a new user at the first free index; a duplicate PIN is refused (status failure); a
// credential or user is changed only from the fabric that made it. HA's fabric is 1; people
// enrolled at the lock itself (its menu, a vendor app) belong to none (0).
import type { JsonObject } from "./protocol.js";

export const HA_FABRIC = 1;
export const ELSEWHERE = 0;

export interface MatterUser {
  name: string;
  status: "occupied_enabled" | "occupied_disabled";
  /** PIN credential indexes. */
  pins: number[];
  creatorFabric: number;
  lastModifiedFabric: number;
}

export interface MatterCredential {
  pin: string;
  user: number;
  creatorFabric: number;
  lastModifiedFabric: number;
}

/** The simulated lock's limits (test/stack/matter/lock-device.ts). */
export const MATTER_PIN_LENGTH = { min: 4, max: 8 } as const;

/** DlStatus of a SetCredential answer, as HA names them (lock_helpers.py SET_CREDENTIAL_STATUS_MAP). */
export type SetStatus = "success" | "failure" | "duplicate" | "occupied" | "invalid_command";

export class MatterDoorLock {
  readonly users = new Map<number, MatterUser>();
  readonly credentials = new Map<number, MatterCredential>();

  constructor(readonly maxUsers: number) {}

  private firstFreeUser(): number | undefined {
    for (let i = 1; i <= this.maxUsers; i++) if (!this.users.has(i)) return i;
    return undefined;
  }

  firstFreeCredential(): number | undefined {
    for (let i = 1; i <= this.maxUsers; i++) if (!this.credentials.has(i)) return i;
    return undefined;
  }

  /** SetCredential: add to an empty index (a new user unless one is named) or modify in place. */
  setCredential(
    index: number,
    pin: string,
    userIndex: number | null,
    fabric: number,
  ): { status: SetStatus; userIndex: number | null } {
    if (index < 1 || index > this.maxUsers) return { status: "invalid_command", userIndex: null };
    if ([...this.credentials].some(([i, c]) => i !== index && c.pin === pin))
      return { status: "failure", userIndex: null };
    const existing = this.credentials.get(index);
    if (existing) {
      if (existing.creatorFabric !== fabric) return { status: "invalid_command", userIndex: null };
      existing.pin = pin;
      existing.lastModifiedFabric = fabric;
      return { status: "success", userIndex: null };
    }
    let created: number | null = null;
    let owner = userIndex;
    if (owner === null) {
      owner = this.firstFreeUser() ?? null;
      if (owner === null) return { status: "failure", userIndex: null };
      this.users.set(owner, {
        name: "",
        status: "occupied_enabled",
        pins: [],
        creatorFabric: fabric,
        lastModifiedFabric: fabric,
      });
      created = owner;
    }
    const user = this.users.get(owner);
    if (!user || user.creatorFabric !== fabric) return { status: "invalid_command", userIndex: null };
    user.pins.push(index);
    this.credentials.set(index, { pin, user: owner, creatorFabric: fabric, lastModifiedFabric: fabric });
    return { status: "success", userIndex: created };
  }

  /** SetUser: names a new user at the first free index, or renames one; false for an empty index. */
  setUser(index: number | null, name: string | null, fabric: number): number | null {
    if (index === null) {
      const free = this.firstFreeUser();
      if (free === undefined) return null;
      this.users.set(free, {
        name: name ?? "",
        status: "occupied_enabled",
        pins: [],
        creatorFabric: fabric,
        lastModifiedFabric: fabric,
      });
      return free;
    }
    const user = this.users.get(index);
    if (!user) return null;
    if (name !== null) user.name = name;
    user.lastModifiedFabric = fabric;
    return index;
  }

  clearCredential(index: number): boolean {
    const credential = this.credentials.get(index);
    if (!credential) return false;
    this.credentials.delete(index);
    const user = this.users.get(credential.user);
    if (user) user.pins = user.pins.filter((i) => i !== index);
    return true;
  }

  /** ClearUser takes the user's credentials with it; an empty index is cleared silently. */
  clearUser(index: number): void {
    const user = this.users.get(index);
    if (!user) return;
    for (const pin of user.pins) this.credentials.delete(pin);
    this.users.delete(index);
  }

  /** Someone enrolled at the lock itself: a user of no HA fabric with a PIN. */
  enrolElsewhere(pin: string): { userIndex: number; credentialIndex: number } {
    const userIndex = this.firstFreeUser();
    const credentialIndex = this.firstFreeCredential();
    if (userIndex === undefined || credentialIndex === undefined)
      throw new Error("the fake Matter lock is full");
    this.users.set(userIndex, {
      name: "",
      status: "occupied_enabled",
      pins: [credentialIndex],
      creatorFabric: ELSEWHERE,
      lastModifiedFabric: ELSEWHERE,
    });
    this.credentials.set(credentialIndex, {
      pin,
      user: userIndex,
      creatorFabric: ELSEWHERE,
      lastModifiedFabric: ELSEWHERE,
    });
    return { userIndex, credentialIndex };
  }

  /** The credential index holding this PIN (what a keypad checks). */
  credentialOf(pin: string): number | undefined {
    return [...this.credentials].find(([, c]) => c.pin === pin)?.[0];
  }

  /** `matter.get_lock_users`: users with credentials by type and index, never the PIN. */
  usersView(): JsonObject {
    const indexes = [...this.users.keys()].sort((a, b) => a - b);
    return {
      max_users: this.maxUsers,
      users: indexes.map((index, i) => {
        const user = this.users.get(index);
        return {
          user_index: index,
          user_name: user?.name ?? "",
          user_unique_id: null,
          user_status: user?.status ?? "occupied_enabled",
          user_type: "unrestricted_user",
          credential_rule: "single",
          credentials: (user?.pins ?? []).map((pin) => ({ type: "pin", index: pin })),
          creator_fabric_index: user?.creatorFabric ?? null,
          last_modified_fabric_index: user?.lastModifiedFabric ?? null,
          next_user_index: indexes[i + 1] ?? null,
        };
      }),
    };
  }

  /** `matter.get_lock_credential_status` for a PIN index. */
  statusView(index: number): JsonObject {
    const credential = this.credentials.get(index);
    const next = [...this.credentials.keys()].sort((a, b) => a - b).find((i) => i > index) ?? null;
    return {
      credential_exists: credential !== undefined,
      user_index: credential?.user ?? null,
      creator_fabric_index: credential?.creatorFabric ?? null,
      last_modified_fabric_index: credential?.lastModifiedFabric ?? null,
      next_credential_index: next,
    };
  }

  infoView(): JsonObject {
    return {
      supports_user_management: true,
      supported_credential_types: ["pin"],
      max_users: this.maxUsers,
      max_pin_users: this.maxUsers,
      max_rfid_users: null,
      max_credentials_per_user: 2,
      min_pin_length: MATTER_PIN_LENGTH.min,
      max_pin_length: MATTER_PIN_LENGTH.max,
      min_rfid_length: null,
      max_rfid_length: null,
    };
  }
}
