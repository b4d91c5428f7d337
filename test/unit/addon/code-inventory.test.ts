import { describe, expect, it } from "vitest";
import { listingOf } from "../../../addon/src/zwave/code-inventory";

const LOCK = "lock.front_door";

describe("listingOf (HA's get_lock_usercode answer)", () => {
  it("a slot in use is taken with its PIN, or with an unreadable one; a free slot is neither taken nor unknown", () => {
    const listing = listingOf(
      {
        [LOCK]: {
          "1": { usercode: "2580", in_use: true },
          "2": { usercode: "", in_use: true },
          "3": { usercode: "**********", in_use: true },
          "4": { usercode: "", in_use: false },
        },
      },
      LOCK,
    );
    expect([...listing.taken]).toEqual([
      [1, "2580"],
      [2, null],
      [3, null],
    ]);
    expect([...listing.unknown]).toEqual([]);
  });

  it("a slot the driver never read (in_use null) is unknown, never free", () => {
    const listing = listingOf(
      { [LOCK]: { "1": { usercode: null, in_use: null }, "2": { usercode: "1357", in_use: true }, "3": {} } },
      LOCK,
    );
    expect([...listing.unknown]).toEqual([1, 3]);
    expect([...listing.taken]).toEqual([[2, "1357"]]);
  });

  it("another lock's answer, or none, lists nothing", () => {
    expect(listingOf({ "lock.back_door": { "1": { usercode: "2580", in_use: true } } }, LOCK)).toEqual({
      taken: new Map(),
      unknown: new Set(),
    });
  });

  it("refuses an answer in another shape", () => {
    expect(() => listingOf({ [LOCK]: { "1": { in_use: "yes" } } }, LOCK)).toThrow();
  });
});
