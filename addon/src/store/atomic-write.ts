import { constants } from "node:fs";
import { open, readdir, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

let writes = 0;

/** `<file>.<pid>.<n>.tmp`: the temp names writeFileAtomic uses for `file`. */
function isTempOf(name: string, file: string): boolean {
  return name.startsWith(`${file}.`) && /^\.\d+\.\d+\.tmp$/.test(name.slice(file.length));
}

/**
 * Replaces a file so that a crash at any moment leaves either the old or the new content:
 * write a temp file, fsync it, rename it over the target, fsync the folder. Mode 0600.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  // A temp name of its own per write: two writers of one file must not rename each other's.
  const tempPath = `${path}.${process.pid}.${++writes}.tmp`;
  const handle = await open(tempPath, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC, 0o600);
  try {
    await handle.writeFile(text, "utf8");
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tempPath, path);
  const folder = await open(dirname(path), constants.O_RDONLY);
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

/**
 * Deletes what writes of `path` cut short by a crash left behind. Each is a full copy of what
 * was being written — PINs of deleted codes included — and would otherwise stay for ever.
 * Call before the first write of this process. Returns how many were removed.
 */
export async function removeLeftoverTemps(path: string): Promise<number> {
  const file = basename(path);
  const names = await readdir(dirname(path)).catch((): string[] => []);
  const leftovers = names.filter((name) => isTempOf(name, file));
  for (const name of leftovers) await unlink(join(dirname(path), name)).catch(() => undefined);
  return leftovers.length;
}
