// Where the real Home Assistant lives on this machine (installed by scripts/setup-ha.sh).
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
export const haVenv = join(repoRoot, ".cache", "ha-venv");
export const hassBin = join(haVenv, "bin", "hass");

/** Throws a readable error when the venv has not been installed yet. */
export function assertHaInstalled(): void {
  if (!existsSync(hassBin)) {
    throw new Error(`Home Assistant is not installed (${hassBin} missing): run scripts/setup-ha.sh`);
  }
}
