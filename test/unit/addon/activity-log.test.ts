import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../../addon/src/log/logger";
import { ActivityLog } from "../../../addon/src/service/activity-log";
import type { ActivityEntry } from "../../../src/model/activity";

const log = createLogger({ level: "error", secrets: () => [], write: () => undefined });
const entry = (i: number, at = new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString()): ActivityEntry => ({
  id: `e${i}`,
  at,
  kind: "keypad_unlock",
  lockId: "lock.front",
  codeId: null,
  codeName: null,
  slot: 3,
  userName: null,
});

describe("the activity log", () => {
  it("keeps every entry when many arrive at once past the cap, and compacts the file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lk-activity-"));
    const activity = new ActivityLog(
      dir,
      log,
      { count: 50, days: 365 },
      () => new Date("2026-01-02T00:00:00Z"),
    );
    await activity.load();
    // Concurrent appends, as concurrent door events produce them, well past twice the cap.
    await Promise.all(Array.from({ length: 400 }, (_, i) => activity.append(entry(i))));
    expect(activity.list({ limit: 500 }).map((e) => e.id)).toEqual(
      Array.from({ length: 50 }, (_, i) => `e${399 - i}`),
    );
    const lines = (await readFile(join(dir, "activity.jsonl"), "utf8")).trim().split("\n");
    expect(lines.length).toBeLessThanOrEqual(100);
    expect((await readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    const reloaded = new ActivityLog(
      dir,
      log,
      { count: 50, days: 365 },
      () => new Date("2026-01-02T00:00:00Z"),
    );
    await reloaded.load();
    expect(reloaded.list({ limit: 1 })[0]?.id).toBe("e399");
  });

  it("keeps entries in the order they happened when one is entered late, also after a reload", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lk-activity-"));
    const activity = new ActivityLog(
      dir,
      log,
      { count: 50, days: 365 },
      () => new Date("2026-01-02T00:00:00Z"),
    );
    await activity.load();
    // A remote unlock waits out the grace time; the keypad lock a second later is entered first.
    await activity.append({ ...entry(2), kind: "keypad_lock" });
    await activity.append({ ...entry(1), kind: "rf_unlock" });
    expect(activity.list({ limit: 10 }).map((e) => e.kind)).toEqual(["keypad_lock", "rf_unlock"]);
    expect(activity.lastDoorActivity().map((e) => e.kind)).toEqual(["keypad_lock"]);
    const reloaded = new ActivityLog(
      dir,
      log,
      { count: 50, days: 365 },
      () => new Date("2026-01-02T00:00:00Z"),
    );
    await reloaded.load();
    expect(reloaded.list({ limit: 10 }).map((e) => e.kind)).toEqual(["keypad_lock", "rf_unlock"]);
    expect(reloaded.lastDoorActivity().map((e) => e.kind)).toEqual(["keypad_lock"]);
  });

  it("drops entries older than the age cap and skips a torn last line", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lk-activity-"));
    const first = new ActivityLog(dir, log, { count: 100, days: 1 }, () => new Date("2026-01-01T00:10:00Z"));
    await first.load();
    await first.append(entry(1, "2025-12-01T00:00:00Z"));
    await first.append(entry(2));
    const { appendFile } = await import("node:fs/promises");
    await appendFile(join(dir, "activity.jsonl"), '{"id":"torn","at":');
    const again = new ActivityLog(dir, log, { count: 100, days: 1 }, () => new Date("2026-01-01T00:10:00Z"));
    await again.load();
    expect(again.list({ limit: 10 }).map((e) => e.id)).toEqual(["e2"]);
  });

  it("knows each door's newest event, survives a restart, and forgets it with the age cap", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lk-activity-"));
    let now = new Date("2026-01-01T00:10:00Z");
    const activity = new ActivityLog(dir, log, { count: 100, days: 1 }, () => now);
    await activity.load();
    await activity.append(entry(1));
    await activity.append({ ...entry(2), kind: "code_revealed", lockId: null }); // not a door event
    await activity.append({ ...entry(3), lockId: "lock.back", kind: "manual_unlock" });
    expect(
      activity
        .lastDoorActivity()
        .map((e) => e.id)
        .sort(),
    ).toEqual(["e1", "e3"]);
    const reloaded = new ActivityLog(dir, log, { count: 100, days: 1 }, () => now);
    await reloaded.load();
    expect(
      reloaded
        .lastDoorActivity()
        .map((e) => e.id)
        .sort(),
    ).toEqual(["e1", "e3"]);
    now = new Date("2026-01-03T00:00:00Z");
    await reloaded.append({ ...entry(4, now.toISOString()), lockId: "lock.back" });
    expect(reloaded.lastDoorActivity().map((e) => e.id)).toEqual(["e4"]);
  });
});
