import { appendFile, readFile } from "node:fs/promises";
import { join } from "node:path";
import { ActivityEntrySchema, DOOR_KINDS, type ActivityEntry } from "../../../src/model/activity";
import { parseJson } from "../ha/raw-text";
import type { Logger } from "../log/logger";
import { removeLeftoverTemps, writeFileAtomic } from "../store/atomic-write";

export interface ActivityQuery {
  lockId?: string | undefined;
  codeId?: string | undefined;
  limit: number;
}

/**
 * Append-only activity log (`activity.jsonl`), capped in count and age. A torn last line
 * (power cut mid-append) is skipped, never fatal. Entries never hold a PIN.
 */
export class ActivityLog {
  private entries: ActivityEntry[] = [];
  /** Newest door entry per lock within the caps, rebuilt with them so snapshots need no scan. */
  private readonly lastAtDoor = new Map<string, ActivityEntry>();
  private readonly path: string;
  private linesOnDisk = 0;
  /** Entries in memory whose append is still queued; a compaction writes them, and their append is then skipped. */
  private readonly unwritten = new Set<ActivityEntry>();
  private writes: Promise<void> = Promise.resolve();

  constructor(
    folder: string,
    private readonly log: Logger,
    private readonly cap: { count: number; days: number },
    private readonly now: () => Date = () => new Date(),
  ) {
    this.path = join(folder, "activity.jsonl");
  }

  async load(): Promise<void> {
    await removeLeftoverTemps(this.path);
    let text = "";
    try {
      text = await readFile(this.path, "utf8");
    } catch (error) {
      if (!(error instanceof Error && "code" in error && error.code === "ENOENT")) throw error;
    }
    const lines = text.split("\n").filter((l) => l.length > 0);
    const parsed = lines.map((l) => ActivityEntrySchema.safeParse(parseJson(l)));
    // The file is in the order entries were written, which is not always the order they happened.
    this.entries = parsed
      .flatMap((p) => (p.success ? [p.data] : []))
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const skipped = lines.length - this.entries.length;
    if (skipped > 0) this.log.warn(`Skipped ${skipped} unreadable line(s) in the activity log.`);
    this.linesOnDisk = lines.length;
    this.trim();
  }

  /**
   * Appends one entry. Writes are queued: door events arrive concurrently, and a compaction
   * must never overlap another write. The file is rewritten only when it has grown to twice
   * the cap, not every time the cap drops an old entry. In memory the entry takes its place in
   * time: a "remote" unlock is entered after a grace time, and a keypad lock a second later
   * must still be the door's newest activity.
   */
  append(entry: ActivityEntry): Promise<void> {
    const time = Date.parse(entry.at);
    let index = this.entries.length;
    while (index > 0 && Date.parse(this.entries[index - 1]?.at ?? "") > time) index--;
    this.entries.splice(index, 0, entry);
    this.unwritten.add(entry);
    this.trim();
    const write = this.writes.then(async () => {
      if (!this.unwritten.delete(entry)) return;
      await appendFile(this.path, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
      this.linesOnDisk += 1;
      if (this.linesOnDisk > this.cap.count * 2) await this.compact();
    });
    this.writes = write.catch(() => undefined);
    return write;
  }

  /** The newest thing that happened at each door. */
  lastDoorActivity(): ActivityEntry[] {
    return [...this.lastAtDoor.values()];
  }

  list(query: ActivityQuery): ActivityEntry[] {
    return this.entries
      .filter(
        (e) =>
          (query.lockId === undefined || e.lockId === query.lockId) &&
          (query.codeId === undefined || e.codeId === query.codeId),
      )
      .slice(-query.limit)
      .reverse();
  }

  /** Drops entries past the caps from memory; the file follows at the next compaction. */
  private trim(): void {
    const oldest = this.now().getTime() - this.cap.days * 86_400_000;
    this.entries = this.entries.filter((e) => Date.parse(e.at) >= oldest).slice(-this.cap.count);
    this.lastAtDoor.clear();
    for (const entry of this.entries)
      if (entry.lockId !== null && DOOR_KINDS.has(entry.kind)) this.lastAtDoor.set(entry.lockId, entry);
  }

  /**
   * Rewrites the file with the entries in memory — also those whose append is still queued,
   * which then append nothing (each entry is in the file once). An entry added while the file
   * is being written is not in it, and appends as usual.
   */
  private async compact(): Promise<void> {
    const kept = [...this.entries];
    await writeFileAtomic(this.path, kept.map((e) => `${JSON.stringify(e)}\n`).join(""));
    for (const entry of kept) this.unwritten.delete(entry);
    // Entries the caps dropped before their turn came need no line either.
    const inMemory = new Set(this.entries);
    for (const entry of this.unwritten) if (!inMemory.has(entry)) this.unwritten.delete(entry);
    this.linesOnDisk = kept.length;
  }
}
