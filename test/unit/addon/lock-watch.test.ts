import { describe, expect, it } from "vitest";
import { availabilityChanged } from "../../../addon/src/service/lock-watch";
import { lock } from "../fixtures";

const locks = new Map([["lock.front", lock("lock.front")]]);
const state = (s: string) => ({ state: s });

describe("which state changes make the add-on re-read HA", () => {
  it.each([
    ["a known lock becoming unavailable", "lock.front", state("unavailable"), state("locked"), true],
    ["a known lock being unlocked", "lock.front", state("unlocked"), state("locked"), false],
    ["a new lock entity appearing", "lock.garage", state("locked"), null, true],
    ["a lock entity going away", "lock.garage", null, state("locked"), true],
    ["another integration's lock changing state", "lock.template", state("unlocked"), state("locked"), false],
    ["a light", "light.porch", state("on"), null, false],
  ])("%s → %s", (_label, entityId, next, previous, expected) => {
    expect(availabilityChanged(locks, entityId, next, previous)).toBe(expected);
  });
});
