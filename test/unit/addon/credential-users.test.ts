import { describe, expect, it } from "vitest";
import { NOT_A_PIN } from "../../../addon/src/zwave/code-inventory";
import {
  occupiedUsers,
  pinOf,
  pinSlotsOf,
  usersOfLock,
  type LockUsers,
} from "../../../addon/src/zwave/credential-users";

const pin = (slot: number, data: string | null) => ({ type: "pin_code", slot, data });
const user = (user_id: number, credentials: { type: string; slot: number; data: string | null }[]) => ({
  user_id,
  user_name: null,
  active: true,
  user_type: "general",
  credential_rule: "single",
  credentials,
});

const users: LockUsers = {
  max_users: 20,
  users: [
    user(1, [pin(1, "7391")]),
    user(2, [pin(5, null)]), // the lock keeps this PIN unreadable
    user(3, [{ type: "rfid_code", slot: 1, data: null }]),
    user(4, []), // what Latchkey leaves after clearing a code
    user(6, [pin(6, "12ab"), pin(9, "2604")]),
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
    [1, "7391"],
    [2, null],
    [3, undefined],
    [4, undefined],
    [5, undefined],
    [6, null], // the first PIN is not digits: unreadable as a code
  ])("user %i holds %s as its PIN", (userId, expected) => {
    expect(pinOf(users, userId)).toBe(expected);
  });

  it("lists the PIN credential slots of a user, apart from other credential types", () => {
    expect(pinSlotsOf(users, 6)).toEqual([6, 9]);
    expect(pinSlotsOf(users, 3)).toEqual([]);
    expect(pinSlotsOf(users, 7)).toEqual([]);
  });

  it("counts every user with any credential as taken, a user without credentials as free", () => {
    // User 3 has only a tag: taken, but no code.
    expect([...occupiedUsers(users)]).toEqual([
      [1, "7391"],
      [2, null],
      [3, NOT_A_PIN],
      [6, null],
    ]);
  });
});
