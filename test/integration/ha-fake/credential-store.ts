// The users and PIN credentials of a lock that speaks the User Credential CC (131), as the
// zwave-js access-control API caches them. HA's `zwave_js.get_users` (lock_helpers.py
// async_get_users: UsersResult / UserEntry / Credential) lists credentials by type and slot
// only: no PIN ever leaves HA this way.
import type { JsonObject } from "./protocol.js";

export interface LockUser {
  name: string | null;
  active: boolean;
  userType: string;
  /** "single" on a User Credential lock; null on a User Code lock (it has no credential rules). */
  credentialRule: string | null;
  /** PIN credentials of this user: credential slot → PIN. */
  pins: Map<number, string>;
  /** RFID credential slots (a tag enrolled at the lock); never readable. */
  tags: number[];
}

/** PIN limits the fake lock announces in its credential capabilities. */
export const FAKE_PIN_LENGTH = { min: 4, max: 10 } as const;

export class CredentialStore {
  readonly users = new Map<number, LockUser>();

  constructor(
    readonly maxUsers: number,
    /** PIN credential slots; real locks usually have as many as users. */
    readonly pinSlots: number,
  ) {}

  /** A pre-filled code: user `index` with its PIN in credential slot `index`. */
  seed(index: number, pin: string): void {
    this.users.set(index, {
      name: `User-${index}`,
      active: true,
      userType: "general",
      credentialRule: "single",
      pins: new Map([[index, pin]]),
      tags: [],
    });
  }

  /** A person enrolled at the lock with an RFID tag only: user `index`, tag in RFID slot `index`. */
  seedTag(index: number): void {
    this.users.set(index, {
      name: `User-${index}`,
      active: true,
      userType: "general",
      credentialRule: "single",
      pins: new Map(),
      tags: [index],
    });
  }

  /** The user's first PIN, as a keypad would accept it. */
  pinOf(userId: number): string | undefined {
    const user = this.users.get(userId);
    return user ? [...user.pins.values()][0] : undefined;
  }

  /** Who holds a PIN credential slot, if anyone. */
  ownerOfPinSlot(slot: number): number | undefined {
    for (const [userId, user] of this.users) if (user.pins.has(slot)) return userId;
    return undefined;
  }

  /** Whether any user already has this PIN (locks reject duplicate credentials). */
  holdsPinElsewhere(pin: string, exceptSlot: number | undefined): boolean {
    return [...this.users.values()].some((u) =>
      [...u.pins].some(([slot, p]) => p === pin && slot !== exceptSlot),
    );
  }
}

/** One lock's `get_users` response: users by index, each credential as {type, slot}. */
export function usersView(maxUsers: number, users: Map<number, LockUser>): JsonObject {
  return {
    max_users: maxUsers,
    users: [...users.entries()]
      .sort(([a], [b]) => a - b)
      .map(([userId, user]) => ({
        user_id: userId,
        user_name: user.name,
        active: user.active,
        user_type: user.userType,
        credential_rule: user.credentialRule,
        credentials: [
          ...[...user.pins.keys()].map((slot) => ({ type: "pin_code", slot })),
          ...user.tags.map((slot) => ({ type: "rfid_code", slot })),
        ],
      })),
  };
}
