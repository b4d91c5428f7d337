import { describe, expect, it } from "vitest";
import type { ActivityEntry } from "../../../src/model/activity";
import type { Code } from "../../../src/model/code";
import { SnapshotSchema } from "../../../src/model/protocol";
import { buildSnapshot, type SnapshotInput } from "../../../addon/src/core/snapshot";
import { emptyStore } from "../../../addon/src/store/schema";

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
