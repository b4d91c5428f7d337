// The users and PIN credentials of a lock that speaks the User Credential CC (131), as the
// zwave-js access-control API caches them and HA's `zwave_js.get_users` returns them
// (access_control_helpers.py async_get_users: UsersResult / UserEntry / Credential).
import type { JsonObject } from "./protocol.js";

export interface LockUser {
  name: string | null;
  active: boolean;
  userType: string;
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
    /** Locks that never let a PIN be read back report `data: null` for it. */
    readonly maskedPins = false,
  ) {}

  /** A pre-filled code: user `index` with its PIN in credential slot `index`. */
  seed(index: number, pin: string): void {
    this.users.set(index, {
      name: `User ${index}`,
      active: true,
      userType: "general",
      pins: new Map([[index, pin]]),
      tags: [],
    });
  }

  /** A person enrolled at the lock with an RFID tag only: user `index`, tag in RFID slot `index`. */
  seedTag(index: number): void {
    this.users.set(index, {
      name: `Tag ${index}`,
      active: true,
      userType: "general",
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

  /** The `get_users` response for this lock: `data` is the PIN, or null on a lock that masks PINs. */
  view(): JsonObject {
    const users = [...this.users.entries()]
      .sort(([a], [b]) => a - b)
      .map(([userId, user]) => ({
        user_id: userId,
        user_name: user.name,
        active: user.active,
        user_type: user.userType,
        credential_rule: "single",
        credentials: [
          ...[...user.pins.entries()].map(([slot, pin]) => ({
            type: "pin_code",
            slot,
            data: this.maskedPins ? null : pin,
          })),
          ...user.tags.map((slot) => ({ type: "rfid_code", slot, data: null })),
        ],
      }));
    return { max_users: this.maxUsers, users };
  }
}
