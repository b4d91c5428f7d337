import { mkdir, readFile, rename } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "../log/logger";
import { removeLeftoverTemps, writeFileAtomic } from "./atomic-write";
import { migrate } from "./migrate";
import { emptyStore, type StoreDocument } from "./schema";

export type LoadSource = "main" | "backup" | "new";

type ReadResult =
  | { kind: "ok"; document: StoreDocument; text: string }
  | { kind: "missing" }
  | { kind: "bad"; reason: string };

/**
 * One JSON document in the data folder, kept twice: the main file and a copy. A save writes
 * both (each atomically: temp file, fsync, rename, fsync of the folder) before it returns, so
 * when a change is acknowledged both files hold it, and the loss or tearing of either one
 * loses nothing. A kill mid-save leaves the main file old or new and the copy old; the next
 * start takes the main file and writes the copy again.
 */
export class FileStore {
  readonly path: string;
  readonly backupPath: string;

  constructor(
    private readonly folder: string,
    private readonly log: Logger,
  ) {
    this.path = join(folder, "latchkey.json");
    this.backupPath = join(folder, "latchkey.backup.json");
  }

  async load(): Promise<{ document: StoreDocument; source: LoadSource }> {
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
    const leftovers = (await removeLeftoverTemps(this.path)) + (await removeLeftoverTemps(this.backupPath));
    if (leftovers > 0)
      this.log.info(`Removed ${leftovers} temporary file(s) of store writes cut short earlier.`);
    const main = await this.read(this.path);
    const backup = await this.read(this.backupPath);
    if (main.kind === "ok") {
      if (backup.kind !== "ok" || backup.text !== main.text) {
        if (backup.kind === "bad") await this.moveAside(this.backupPath);
        await writeFileAtomic(this.backupPath, main.text);
      }
      return { document: main.document, source: "main" };
    }
    if (main.kind === "missing" && backup.kind === "missing")
      return { document: emptyStore(), source: "new" };
    if (backup.kind === "ok") {
      const why = main.kind === "bad" ? main.reason : "it is missing";
      this.log.warn(`Store file ${this.path} could not be used (${why}); using its copy ${this.backupPath}.`);
      if (main.kind === "bad") await this.moveAside(this.path);
      await writeFileAtomic(this.path, backup.text);
      return { document: backup.document, source: "backup" };
    }
    const reasons = [main, backup].map((r) => (r.kind === "bad" ? r.reason : "missing")).join("; ");
    throw new Error(
      `Neither the store file nor its backup can be read (${reasons}). Latchkey will not start rather than lose codes; fix or remove ${this.path}.`,
    );
  }

  async save(document: StoreDocument): Promise<void> {
    const text = JSON.stringify(document);
    await writeFileAtomic(this.path, text);
    await writeFileAtomic(this.backupPath, text);
  }

  /** A bad file is kept for inspection (mode 0600 as written), out of the way of the next save. */
  private async moveAside(path: string): Promise<void> {
    await rename(path, `${path}.unreadable-${Date.now()}`);
  }

  private async read(path: string): Promise<ReadResult> {
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      if (isMissing(error)) return { kind: "missing" };
      throw error;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      // JSON.parse's own message quotes the text around the fault, which may hold a PIN.
      return { kind: "bad", reason: "it is not complete JSON (torn or edited by hand)" };
    }
    try {
      return { kind: "ok", document: migrate(raw), text };
    } catch (error) {
      return { kind: "bad", reason: error instanceof Error ? error.message : "unreadable" };
    }
  }
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "ENOENT";
}
