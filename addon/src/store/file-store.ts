import { copyFile, mkdir, readFile, rename } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "../log/logger";
import { writeFileAtomic } from "./atomic-write";
import { migrate } from "./migrate";
import { emptyStore, type StoreDocument } from "./schema";

export type LoadSource = "main" | "backup" | "new";

/**
 * One JSON document in the data folder. Saves are atomic (temp file, fsync, rename, fsync of
 * the folder) so a kill at any moment leaves either the old or the new document. The previous
 * good document is kept as a backup and used when the main file is unreadable.
 */
export class FileStore {
  readonly path: string;
  private readonly backupPath: string;

  constructor(
    private readonly folder: string,
    private readonly log: Logger,
  ) {
    this.path = join(folder, "latchkey.json");
    this.backupPath = join(folder, "latchkey.backup.json");
  }

  async load(): Promise<{ document: StoreDocument; source: LoadSource }> {
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
    const main = await this.read(this.path);
    if (main.kind === "ok") return { document: main.document, source: "main" };
    const backup = await this.read(this.backupPath);
    if (main.kind === "missing" && backup.kind === "missing")
      return { document: emptyStore(), source: "new" };
    if (backup.kind === "ok") {
      const why = main.kind === "bad" ? main.reason : "it is missing";
      this.log.warn(
        `Store file ${this.path} could not be used (${why}); using the last good copy ${this.backupPath}.`,
      );
      // Move the bad file aside (kept for inspection) so the save below cannot back it up.
      if (main.kind === "bad") await rename(this.path, `${this.path}.unreadable-${Date.now()}`);
      await this.save(backup.document);
      return { document: backup.document, source: "backup" };
    }
    const reasons = [main, backup].map((r) => (r.kind === "bad" ? r.reason : "missing")).join("; ");
    throw new Error(
      `Neither the store file nor its backup can be read (${reasons}). Latchkey will not start rather than lose codes; fix or remove ${this.path}.`,
    );
  }

  async save(document: StoreDocument): Promise<void> {
    await writeFileAtomic(this.path, JSON.stringify(document), async () => {
      // The current main file is good (it was read or written by us): it becomes the backup.
      await copyFile(this.path, this.backupPath).catch((error: unknown) => {
        if (!isMissing(error)) throw error;
      });
    });
  }

  private async read(
    path: string,
  ): Promise<
    { kind: "ok"; document: StoreDocument } | { kind: "missing" } | { kind: "bad"; reason: string }
  > {
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
      return { kind: "ok", document: migrate(raw) };
    } catch (error) {
      return { kind: "bad", reason: error instanceof Error ? error.message : "unreadable" };
    }
  }
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "ENOENT";
}
