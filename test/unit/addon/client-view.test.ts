import { describe, expect, it } from "vitest";
import { ClientView } from "../../../addon/src/api/client-view";
import type { ActivityEntry } from "../../../src/model/activity";
import { SnapshotSchema, type Snapshot } from "../../../src/model/protocol";

const entry = (kind: ActivityEntry["kind"]): ActivityEntry => ({
  id: kind,
  at: "2026-12-01T10:00:00.000Z",
  kind,
  lockId: "lock.front_door",
  codeId: null,
  codeName: null,
  slot: 1,
  userName: "Alex",
});

const snapshot: Snapshot = SnapshotSchema.parse({
  user: { name: "Alex", isAdmin: true },
  locks: [],
  codes: [],
  slots: {},
  sync: {},
  unmanaged: [],
  lastActivity: { "lock.front_door": entry("code_changed_in_ha") },
  held: [
    {
      lockId: "lock.front_door",
      slot: 1,
      codeId: "code-mom",
      reason: "changed_in_ha",
      since: "2026-12-01T10:00:00.000Z",
    },
    {
      lockId: "lock.back_door",
      slot: 2,
      codeId: "code-mom",
      reason: "removed_in_ha",
      since: "2026-12-01T10:00:00.000Z",
    },
  ],
  connected: true,
});

describe("what a card is sent, by the features its hello names", () => {
  it("a card that knows changes made in HA gets them as they are", () => {
    const view = new ClientView(["state_activity", "ha_code_changes"]);
    expect(view.snapshot(snapshot).held.map((h) => h.reason)).toEqual(["changed_in_ha", "removed_in_ha"]);
    expect(view.entries([entry("code_changed_in_ha")])).toHaveLength(1);
  });

  it("an older card sees them as keypad changes, and no activity kind it would refuse", () => {
    const view = new ClientView(["state_activity"]);
    const sent = view.snapshot(snapshot);
    expect(sent.held.map((h) => h.reason)).toEqual(["changed_at_lock", "removed_at_lock"]);
    expect(sent.lastActivity).toEqual({});
    expect(view.entries([entry("code_removed_in_ha"), entry("keypad_unlock")]).map((e) => e.kind)).toEqual([
      "keypad_unlock",
    ]);
    // What it is sent parses with the schema of its day (same shape, known values).
    expect(SnapshotSchema.safeParse(sent).success).toBe(true);
  });
});
