import { describe, expect, it } from "vitest";
import { NOT_A_PIN } from "../../../addon/src/zwave/code-inventory";
import {
  hasPin,
  occupiedUsers,
  pinSlotsOf,
  usersOfLock,
  type LockUsers,
} from "../../../addon/src/zwave/credential-users";

// The shape HA 2026.11's get_users answers with (contract-credentials.ts): credentials by type and slot.
const pin = (slot: number) => ({ type: "pin_code", slot });
const user = (user_id: number, credentials: { type: string; slot: number }[]) => ({
  user_id,
  user_name: `User-${user_id}`,
  active: true,
  user_type: "general",
  credential_rule: "single",
  credentials,
});

const users: LockUsers = {
  max_users: 20,
  users: [
    user(1, [pin(1)]),
    user(2, [pin(5)]),
    user(3, [{ type: "rfid_code", slot: 1 }]),
    user(4, []), // a user record without credentials
    user(6, [pin(6), pin(9)]),
  ],
};

describe("get_users answers", () => {
  it("are keyed by entity id; another lock's part or a foreign shape gives null", () => {
    expect(usersOfLock({ "lock.back_door": users }, "lock.back_door")?.max_users).toBe(20);
    expect(usersOfLock({ "lock.back_door": users }, "lock.front_door")).toBeNull();
    expect(
      usersOfLock({ "lock.back_door": { users: [{ user_id: 0, credentials: [] }] } }, "lock.back_door"),
    ).toBeNull();
    expect(usersOfLock(null, "lock.back_door")).toBeNull();
  });

  it.each([
    [1, true],
    [2, true],
    [3, false],
    [4, false],
    [5, false],
    [6, true],
  ])("user %i holds a PIN: %s", (userId, expected) => {
    expect(hasPin(users, userId)).toBe(expected);
  });

  it("lists the PIN credential slots of a user, apart from other credential types", () => {
    expect(pinSlotsOf(users, 6)).toEqual([6, 9]);
    expect(pinSlotsOf(users, 3)).toEqual([]);
    expect(pinSlotsOf(users, 7)).toEqual([]);
  });

  it("counts every user with any credential as taken (a PIN unreadable, a tag no code), one without credentials as free", () => {
    expect([...occupiedUsers(users)]).toEqual([
      [1, null],
      [2, null],
      [3, NOT_A_PIN],
      [6, null],
    ]);
  });
});
