import { describe, expect, it } from "vitest";
import type { ActivityEntry } from "../../../src/model/activity";
import type { Code } from "../../../src/model/code";
import { SnapshotSchema } from "../../../src/model/protocol";
import { buildSnapshot, type SnapshotInput } from "../../../addon/src/core/snapshot";
import { emptyStore } from "../../../addon/src/store/schema";
import { claim, lock, setTo } from "../fixtures";

const AT = "2026-11-27T10:00:00.000Z";
const MOM: Code = {
  id: "code-mom",
  name: "Mom",
  pin: "4821",
  lockIds: ["lock.back_door"],
  enabled: true,
  rules: { weekly: [], burner: false },
  notify: { onUse: true, targets: [] },
  uses: 0,
  createdAt: AT,
  updatedAt: AT,
};
const UNLOCK: ActivityEntry = {
  id: "a1",
  at: AT,
  kind: "keypad_unlock",
  lockId: "lock.back_door",
  codeId: "code-mom",
  codeName: "Mom",
  slot: 3,
  userName: null,
};

function input(user: { name: string; isAdmin: boolean }, showNames: boolean): SnapshotInput {
  return {
    document: { ...emptyStore(), codes: [MOM] },
    locks: [],
    unmanaged: [],
    runtime: () => undefined,
    full: new Set(),
    unlisted: new Set(),
    connected: true,
    now: new Date(AT),
    timeZone: "UTC",
    user,
    showNames,
    lastDoorActivity: [UNLOCK],
    alerts: () => ({ keypad: true, manual: true, remote: false, auto_lock: false, jam: true }),
  };
}

describe("snapshot for clients", () => {
  it("carries each door's last activity, valid for the card, and never a PIN", () => {
    const snapshot = buildSnapshot(input({ name: "Alex", isAdmin: true }, false));
    expect(SnapshotSchema.parse(snapshot).lastActivity).toEqual({ "lock.back_door": UNLOCK });
    expect(JSON.stringify(snapshot)).not.toContain("4821");
  });

  it("hides who it was from non-admins when code names are hidden", () => {
    const hidden = buildSnapshot(input({ name: "Kim", isAdmin: false }, false));
    expect(hidden.codes.map((c) => c.name)).toEqual(["Code 1"]);
    expect(hidden.lastActivity["lock.back_door"]).toMatchObject({
      kind: "keypad_unlock",
      codeName: null,
      userName: null,
    });
    expect(
      buildSnapshot(input({ name: "Kim", isAdmin: false }, true)).lastActivity["lock.back_door"]?.codeName,
    ).toBe("Mom");
  });
});

describe("what a card needs to tell the truth about codes off their locks", () => {
  const base = (document: SnapshotInput["document"], extra: Partial<SnapshotInput> = {}) =>
    buildSnapshot({
      ...input({ name: "Alex", isAdmin: true }, true),
      document,
      locks: [lock("lock.back_door"), lock("lock.front_door")],
      ...extra,
    });

  it("says which codes are off their locks now, and why", () => {
    const snapshot = base({
      ...emptyStore(),
      codes: [
        MOM,
        { ...MOM, id: "code-off", name: "Off", enabled: false },
        { ...MOM, id: "code-old", name: "Old", rules: { weekly: [], burner: false, validUntil: AT } },
        { ...MOM, id: "code-used", name: "Used", uses: 2, rules: { weekly: [], burner: false, maxUses: 2 } },
      ],
    });
    expect(SnapshotSchema.parse(snapshot).offLocks).toEqual({
      "code-off": "disabled",
      "code-old": "expired",
      "code-used": "uses_exhausted",
    });
  });

  it("names the code of each slot being cleared and how far the clear is, lock by lock", () => {
    // Mom was deleted: her slots on both locks are being emptied; one lock's clear failed once.
    const claims = [
      claim("lock.back_door", 3, "code-mom", setTo("4821")),
      claim("lock.front_door", 5, "code-mom", setTo("4821")),
    ];
    const retry = new Date("2026-11-27T10:01:00.000Z");
    const snapshot = base(
      { ...emptyStore(), codes: [], claims },
      {
        runtime: (lockId) =>
          lockId === "lock.front_door"
            ? { state: "failed", reason: "Lock did not answer", attempts: 1, nextRetryAt: retry }
            : undefined,
      },
    );
    expect(SnapshotSchema.parse(snapshot).clearing).toEqual([
      { lockId: "lock.back_door", slot: 3, codeId: "code-mom", status: { state: "pending" } },
      {
        lockId: "lock.front_door",
        slot: 5,
        codeId: "code-mom",
        status: {
          state: "failed",
          reason: "Lock did not answer",
          attempts: 1,
          nextRetryAt: retry.toISOString(),
        },
      },
    ]);
    const gone = base({ ...emptyStore(), codes: [], claims }, { locks: [lock("lock.back_door")] });
    expect(gone.clearing[1]?.status).toMatchObject({ state: "waiting", problem: "sync_reason.lock_gone" });
  });
});
