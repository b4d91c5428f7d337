import { describe, expect, it } from "vitest";
import { claimRule, type ClaimRule } from "../../../addon/src/core/claim-rules";
import { buildSnapshot } from "../../../addon/src/core/snapshot";
import { emptyStore } from "../../../addon/src/store/schema";
import type { SlotClaim } from "../../../src/model/slot-claim";
import { AT, claim, code, empty, lock, setTo } from "../fixtures";

const now = new Date("2026-03-02T10:00:00Z");
const mom = code("code-mom", { pin: "4821", lockIds: ["lock.front"] });
const disabledMom = code("code-mom", { pin: "4821", lockIds: ["lock.front"], enabled: false });
const momElsewhere = code("code-mom", { pin: "4821", lockIds: ["lock.back"] });
const changed = { held: { reason: "changed_at_lock" as const, since: AT } };
const removed = { held: { reason: "removed_at_lock" as const, since: AT } };
const toClear = (
  observed: SlotClaim["observed"] = { status: "unknown" },
  extra: Partial<SlotClaim> = {},
) => ({
  lockId: "lock.front",
  slot: 1,
  owner: { kind: "clear" as const },
  observed,
  ...extra,
});
const mine = (observed: SlotClaim["observed"] = { status: "unknown" }, extra: Partial<SlotClaim> = {}) => ({
  ...claim("lock.front", 1, "code-mom", observed),
  ...extra,
});

/** Every state a claim can be in, and its rule: what is done with it, and where a client sees it. */
const TABLE: [string, SlotClaim, typeof mom | null, ClaimRule][] = [
  [
    "owned, nothing known → write",
    mine(),
    mom,
    { state: "owned", action: { kind: "set", pin: "4821" }, listing: "code" },
  ],
  [
    "owned, holds its PIN → nothing",
    mine(setTo("4821")),
    mom,
    { state: "owned", action: { kind: "none" }, listing: "code" },
  ],
  [
    "owned, an accepted but unconfirmed write → nothing (no loop)",
    mine(setTo("4821", false)),
    mom,
    { state: "owned", action: { kind: "none" }, listing: "code" },
  ],
  [
    "owned, an old PIN → write",
    mine(setTo("1111")),
    mom,
    { state: "owned", action: { kind: "set", pin: "4821" }, listing: "code" },
  ],
  [
    "owned, disabled, holds its PIN → clear",
    mine(setTo("4821")),
    disabledMom,
    { state: "owned", action: { kind: "clear" }, listing: "code" },
  ],
  [
    "owned, disabled, empty → nothing, the slot stays its own",
    mine(empty),
    disabledMom,
    { state: "owned", action: { kind: "none" }, listing: "code" },
  ],
  [
    "owned, picked on a lock that cannot list codes → read first",
    mine({ status: "unknown" }, { readFirst: true }),
    mom,
    { state: "owned", action: { kind: "read" }, listing: "code" },
  ],
  [
    "owned and disabled, to be read first → read (the slot it will use must be free)",
    mine({ status: "unknown" }, { readFirst: true }),
    disabledMom,
    { state: "owned", action: { kind: "read" }, listing: "code" },
  ],
  [
    "held (changed at the keypad) → nothing, an admin decides",
    mine({ status: "unknown" }, changed),
    mom,
    { state: "held", action: { kind: "none" }, listing: "held" },
  ],
  [
    "held (removed at the keypad) → nothing, an admin decides",
    mine({ status: "unknown" }, removed),
    mom,
    { state: "held", action: { kind: "none" }, listing: "held" },
  ],
  [
    "clear-only → clear",
    toClear(),
    null,
    { state: "clear-only", action: { kind: "clear" }, listing: "clearing" },
  ],
  [
    "clear-only, empty → release",
    toClear(empty),
    null,
    { state: "clear-only", action: { kind: "release" }, listing: "clearing" },
  ],
  [
    "clear-only, then changed at the keypad → a person's code: nothing, listed as unmanaged",
    toClear({ status: "unknown" }, changed),
    null,
    { state: "foreign", action: { kind: "none" }, listing: "unmanaged" },
  ],
  [
    "clear-only, then emptied at the keypad → release",
    toClear({ status: "unknown" }, removed),
    null,
    { state: "clear-only", action: { kind: "release" }, listing: "clearing" },
  ],
  [
    "orphaned (code deleted), holds its PIN → clear",
    mine(setTo("4821")),
    null,
    { state: "orphaned", action: { kind: "clear" }, listing: "clearing" },
  ],
  [
    "orphaned (lock unticked), holds its PIN → clear",
    mine(setTo("4821")),
    momElsewhere,
    { state: "orphaned", action: { kind: "clear" }, listing: "clearing" },
  ],
  [
    "orphaned, empty → release",
    mine(empty),
    null,
    { state: "orphaned", action: { kind: "release" }, listing: "clearing" },
  ],
  [
    "orphaned before its first read → release (Latchkey never wrote it)",
    mine({ status: "unknown" }, { readFirst: true }),
    null,
    { state: "orphaned", action: { kind: "release" }, listing: "clearing" },
  ],
  [
    "held, then its code deleted → a person's code: nothing, listed as unmanaged",
    mine({ status: "unknown" }, changed),
    null,
    { state: "foreign", action: { kind: "none" }, listing: "unmanaged" },
  ],
  [
    "held as removed at the keypad, then its code deleted → release",
    mine({ status: "unknown" }, removed),
    null,
    { state: "orphaned", action: { kind: "release" }, listing: "clearing" },
  ],
];

describe("the rule for each state of a claim", () => {
  it.each(TABLE)("%s", (_what, input, owner, expected) => {
    const codes = new Map(owner ? [[owner.id, owner]] : []);
    expect(claimRule(input, codes, now, "UTC")).toEqual(expected);
  });

  it.each(TABLE)("is listed where its rule says, exactly once: %s", (_what, input, owner, expected) => {
    const snapshot = buildSnapshot({
      document: { ...emptyStore(), codes: owner ? [owner] : [], claims: [input] },
      locks: [lock("lock.front"), lock("lock.back")],
      unmanaged: [],
      runtime: () => undefined,
      full: new Set(),
      unlisted: new Set(),
      connected: true,
      now,
      timeZone: "UTC",
      user: { name: "Alex", isAdmin: true },
      showNames: true,
      lastDoorActivity: [],
      alerts: () => ({ keypad: true, manual: true, remote: false, auto_lock: false, jam: true }),
    });
    const at = { lockId: "lock.front", slot: 1 };
    const places = {
      code: snapshot.slots["code-mom"]?.["lock.front"] === 1 ? 1 : 0,
      held: snapshot.held.filter((h) => h.lockId === at.lockId && h.slot === at.slot).length,
      unmanaged: snapshot.unmanaged.filter((u) => u.lockId === at.lockId && u.slot === at.slot).length,
      clearing: snapshot.clearing.filter((c) => c.lockId === at.lockId && c.slot === at.slot).length,
    };
    // A held slot is both in the held list and on its code's chip ("changed at the keypad").
    const expectedPlaces = {
      code: expected.listing === "code" || expected.listing === "held" ? 1 : 0,
      held: expected.listing === "held" ? 1 : 0,
      unmanaged: expected.listing === "unmanaged" ? 1 : 0,
      clearing: expected.listing === "clearing" ? 1 : 0,
    };
    expect(places).toEqual(expectedPlaces);
  });
});
