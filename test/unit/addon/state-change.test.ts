import { describe, expect, it } from "vitest";
import type { ActivityEntry } from "../../../src/model/activity";
import { alreadyTold, doorMove } from "../../../addon/src/core/state-change";

const T = Date.parse("2026-03-01T10:00:00Z");
const entry = (kind: ActivityEntry["kind"], msBefore: number): ActivityEntry => ({
  id: "e",
  at: new Date(T - msBefore).toISOString(),
  kind,
  lockId: "lock.back_door",
  codeId: null,
  codeName: null,
  slot: null,
  userName: null,
});

describe("a lock's state change as a door move", () => {
  it.each([
    [undefined, "locked", "unlocked", "unlocked"],
    [undefined, "unlocked", "locked", "locked"],
    ["locked", "unlocking", "unlocked", "unlocked"], // one move through the in-between state
    ["locked", "unlocking", "locked", null], // the unlock did not happen
    ["locked", "locked", "jammed", null],
    ["locked", "jammed", "unlocked", "unlocked"],
    [undefined, "unavailable", "locked", null], // back online: where it came from is unknown
    [undefined, undefined, "locked", null], // a lock HA just added
    ["unlocked", "unlocked", "unlocked", null], // only an attribute changed
  ] as const)("rested %s, %s → %s: %s", (resting, from, to, move) => {
    expect(doorMove(resting, from, to)).toBe(move);
  });
});

describe("a notification that already told the move", () => {
  it("counts when it goes the same way and is recent", () => {
    expect(alreadyTold(entry("keypad_unlock", 500), "unlocked", T, 10_000)).toBe(true);
    expect(alreadyTold(entry("manual_unlock", -200), "unlocked", T, 10_000)).toBe(true); // it came just after the state
    expect(alreadyTold(entry("auto_lock", 1_000), "locked", T, 10_000)).toBe(true);
  });

  it("does not when it went the other way, is old, or there is none", () => {
    expect(alreadyTold(entry("keypad_lock", 500), "unlocked", T, 10_000)).toBe(false);
    expect(alreadyTold(entry("keypad_unlock", 60_000), "unlocked", T, 10_000)).toBe(false);
    expect(alreadyTold(entry("jammed", 100), "locked", T, 10_000)).toBe(false);
    expect(alreadyTold(undefined, "locked", T, 10_000)).toBe(false);
  });
});
