import { appendFile, readFile } from "node:fs/promises";
import { join } from "node:path";
import { ActivityEntrySchema, type ActivityEntry } from "../../../src/model/activity";
import { parseJson } from "../ha/raw-text";
import type { Logger } from "../log/logger";
import { writeFileAtomic } from "../store/atomic-write";

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
  private readonly path: string;
  private linesOnDisk = 0;

  constructor(
    folder: string,
    private readonly log: Logger,
    private readonly cap: { count: number; days: number },
    private readonly now: () => Date = () => new Date(),
  ) {
    this.path = join(folder, "activity.jsonl");
  }

  async load(): Promise<void> {
    let text = "";
    try {
      text = await readFile(this.path, "utf8");
    } catch (error) {
      if (!(error instanceof Error && "code" in error && error.code === "ENOENT")) throw error;
    }
    const lines = text.split("\n").filter((l) => l.length > 0);
    const parsed = lines.map((l) => ActivityEntrySchema.safeParse(parseJson(l)));
    this.entries = parsed.flatMap((p) => (p.success ? [p.data] : []));
    const skipped = lines.length - this.entries.length;
    if (skipped > 0) this.log.warn(`Skipped ${skipped} unreadable line(s) in the activity log.`);
    this.linesOnDisk = lines.length;
    this.trim();
  }

  async append(entry: ActivityEntry): Promise<void> {
    this.entries.push(entry);
    await appendFile(this.path, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
    this.linesOnDisk += 1;
    if (this.trim() || this.linesOnDisk > this.cap.count * 2) await this.compact();
  }

  list(query: ActivityQuery): ActivityEntry[] {
    return this.entries
      .filter((e) => (query.lockId === undefined || e.lockId === query.lockId) && (query.codeId === undefined || e.codeId === query.codeId))
      .slice(-query.limit)
      .reverse();
  }

  /** Drops entries past the caps; true when something was dropped. */
  private trim(): boolean {
    const oldest = this.now().getTime() - this.cap.days * 86_400_000;
    const kept = this.entries.filter((e) => Date.parse(e.at) >= oldest).slice(-this.cap.count);
    const dropped = kept.length !== this.entries.length;
    this.entries = kept;
    return dropped;
  }

  private async compact(): Promise<void> {
    await writeFileAtomic(this.path, this.entries.map((e) => `${JSON.stringify(e)}\n`).join(""));
    this.linesOnDisk = this.entries.length;
  }
}
