import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ActivityEntrySchema } from "../../src/model/activity";
import { createLogger } from "../../addon/src/log/logger";
import { ActivityLog } from "../../addon/src/service/activity-log";
import { startLatchkey, type Harness } from "./support/harness";

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const quiet = createLogger({ level: "error", secrets: () => [], write: () => undefined });

async function idsInFile(dataDir: string): Promise<string[]> {
  const text = await readFile(join(dataDir, "activity.jsonl"), "utf8");
  return text
    .split("\n")
    .filter((line) => line.length > 0)
    .map((line) => ActivityEntrySchema.parse(JSON.parse(line)).id);
}

describe("the activity log under a burst of door events", () => {
  it("keeps each entry once in the file across a compaction, and after a reload", async () => {
    h = await startLatchkey({ options: { activity_max_entries: 10 } });
    // 25 keypad unlocks arriving together: the appends queue up behind each other and the file
    // is compacted (rewritten) while some of them still wait their turn.
    for (let i = 0; i < 25; i++) h.ha.pressKeypad("lock.front_door", 7, "unlock");
    const told = () => h?.ha.firedEvents.filter((e) => e.event_type === "latchkey_lock_activity").length ?? 0;
    const deadline = Date.now() + 5_000;
    while (told() < 25 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(told()).toBe(25);
    await h.activity.append({ ...h.activity.list({ limit: 1 })[0]!, id: "last" });
    const ids = await idsInFile(h.dataDir);
    expect(ids.length).toBe(new Set(ids).size);
    const reloaded = new ActivityLog(h.dataDir, quiet, { count: 10, days: 90 });
    await reloaded.load();
    const listed = reloaded.list({ limit: 100 }).map((e) => e.id);
    expect(listed).toHaveLength(10);
    expect(new Set(listed).size).toBe(10);
  });

  it("25 appends at once with a cap of 10 write no entry twice", async () => {
    h = await startLatchkey({ detached: true });
    const log = new ActivityLog(h.dataDir, quiet, { count: 10, days: 90 });
    await log.load();
    const at = new Date().toISOString();
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        log.append({
          id: `e${i}`,
          at,
          kind: "manual_unlock",
          lockId: "lock.front_door",
          codeId: null,
          codeName: null,
          slot: null,
          userName: null,
        }),
      ),
    );
    const ids = await idsInFile(h.dataDir);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});
