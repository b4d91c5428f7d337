import { constants } from "node:fs";
import { open, rename } from "node:fs/promises";
import { dirname } from "node:path";

let writes = 0;

/**
 * Replaces a file so that a crash at any moment leaves either the old or the new content:
 * write a temp file, fsync it, rename it over the target, fsync the folder. Mode 0600.
 */
export async function writeFileAtomic(
  path: string,
  text: string,
  beforeRename?: () => Promise<void>,
): Promise<void> {
  // A temp name of its own per write: two writers of one file must not rename each other's.
  const tempPath = `${path}.${process.pid}.${++writes}.tmp`;
  const handle = await open(tempPath, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC, 0o600);
  try {
    await handle.writeFile(text, "utf8");
    await handle.sync();
  } finally {
    await handle.close();
  }
  await beforeRename?.();
  await rename(tempPath, path);
  const folder = await open(dirname(path), constants.O_RDONLY);
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}
