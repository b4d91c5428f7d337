import { describe, expect, it } from "vitest";
import type { Lock } from "../../../src/model/lock";
import { returnedLocks } from "../../../addon/src/core/lock-returns";
import { lock } from "../fixtures";

const FRONT = "lock.front";
const map = (l: Lock) => new Map([[l.id, l]]);
const alive = lock(FRONT, { available: true, nodeStatus: "alive" });

describe("locks back from being away, whose codes are checked again", () => {
  const cases: [string, Lock, boolean, boolean][] = [
    ["its node was dead", lock(FRONT, { available: true, nodeStatus: "dead" }), true, true],
    [
      "its node was dead while HA was starting",
      lock(FRONT, { available: false, nodeStatus: "dead" }),
      false,
      true,
    ],
    [
      "its entity was unavailable with HA running",
      lock(FRONT, { available: false, nodeStatus: "unknown" }),
      true,
      true,
    ],
    // After an HA restart every entity is unavailable until zwave_js is up: the lock never left.
    [
      "its entity was unavailable only while HA was starting",
      lock(FRONT, { available: false, nodeStatus: "unknown" }),
      false,
      false,
    ],
    ["it was reachable all along", alive, true, false],
  ];
  it.each(cases)("%s → checked again: %s", (_why, before, beforeWhileHaRunning, checked) => {
    expect(returnedLocks(map(before), map(alive), beforeWhileHaRunning).map((l) => l.id)).toEqual(
      checked ? [FRONT] : [],
    );
  });

  it("a lock still unreachable, or new to Latchkey, is not back", () => {
    const dead = lock(FRONT, { available: true, nodeStatus: "dead" });
    expect(returnedLocks(map(dead), map(dead), true)).toEqual([]);
    expect(returnedLocks(new Map(), map(alive), true)).toEqual([]);
  });
});
