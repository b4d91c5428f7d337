// Which real Home Assistant the stack runs, and how to launch it.
//
// - "2026.11" (the primary target, what users run): Python 3.14 from a Debian testing root
//   (.cache/ha-2026.11/root, built by scripts/setup-ha-root.sh). HA runs chrooted into it inside a
//   private mount namespace: /proc, /dev and the config folder (at /config) are mounted only for
//   HA's lifetime and vanish with it, also when it is killed or fails to start.
// - "2024.3" (the oldest release Latchkey supports): the host's Python 3.11 in .cache/ha-venv
//   (scripts/setup-ha-venv.sh).
//
// LATCHKEY_HA_TARGET picks one; the default is the primary target.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { debianRootDir, inDebianRoot, type RootLaunch } from "./debian-root.js";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

export const HA_TARGETS = ["2026.11", "2024.3"] as const;
export type HaTargetName = (typeof HA_TARGETS)[number];
export const PRIMARY_HA_TARGET: HaTargetName = "2026.11";

export type HaLaunch = RootLaunch;

export interface HaTarget {
  readonly name: HaTargetName;
  /** The exact release pinned for this target, e.g. "2026.11.0". */
  readonly version: string;
  /** zwave_js's credential actions (2026.6+): the only path to User Credential locks. */
  readonly hasCredentialServices: boolean;
  /** Throws a readable error naming the setup command when the target is not installed. */
  assertInstalled(): void;
  /** The command that runs `hass` on a config folder of the host. */
  launch(configDir: string): HaLaunch;
  /** The path HA itself sees for that config folder (what its log and errors name). */
  configPathInside(configDir: string): string;
}

/** Never downloaded at run time: everything HA needs is in the lock; a gap must fail loudly. */
const OFFLINE = { PIP_NO_INDEX: "1", UV_OFFLINE: "1", UV_NO_INDEX: "1", PYTHONUNBUFFERED: "1" } as const;

function pinnedVersion(name: HaTargetName): string {
  const file = join(repoRoot, "test/stack/ha/pins", name, "requirements.in");
  const version = /^homeassistant==(\S+)/m.exec(readFileSync(file, "utf8"))?.[1];
  if (version === undefined) throw new Error(`${file} pins no homeassistant release`);
  return version;
}

function setupHint(name: HaTargetName): string {
  return `run: bash scripts/setup-ha.sh ${name}`;
}

function debianRoot(): HaTarget {
  const root = debianRootDir(repoRoot);
  const hass = "/opt/ha/bin/hass";
  return {
    name: "2026.11",
    version: pinnedVersion("2026.11"),
    hasCredentialServices: true,
    assertInstalled() {
      if (!existsSync(join(root, hass))) {
        throw new Error(
          `Home Assistant 2026.11 is not installed (${root}${hass} missing): ${setupHint("2026.11")}`,
        );
      }
      if (process.getuid?.() !== 0) {
        throw new Error(
          "Home Assistant 2026.11 runs chrooted in a Debian testing root: that needs root (mount, chroot).",
        );
      }
      if (!existsSync(join(root, "config")))
        throw new Error(`${root}/config missing: ${setupHint("2026.11")}`);
    },
    launch: (configDir) =>
      inDebianRoot({
        root,
        binds: [{ host: configDir, inside: "/config" }],
        env: { PATH: "/opt/ha/bin:/usr/bin:/bin", HOME: "/root", LANG: "C.UTF-8", ...OFFLINE },
        argv: [hass, "-c", "/config"],
      }),
    configPathInside: () => "/config",
  };
}

function hostVenv(): HaTarget {
  const hass = join(repoRoot, ".cache", "ha-venv", "bin", "hass");
  return {
    name: "2024.3",
    version: pinnedVersion("2024.3"),
    hasCredentialServices: false,
    assertInstalled() {
      if (!existsSync(hass)) {
        throw new Error(`Home Assistant 2024.3 is not installed (${hass} missing): ${setupHint("2024.3")}`);
      }
    },
    launch: (configDir) => ({ cmd: hass, args: ["-c", configDir], env: { ...process.env, ...OFFLINE } }),
    configPathInside: (configDir) => configDir,
  };
}

export function haTarget(name: string | undefined = process.env.LATCHKEY_HA_TARGET): HaTarget {
  const chosen = name ?? PRIMARY_HA_TARGET;
  switch (chosen) {
    case "2026.11":
      return debianRoot();
    case "2024.3":
      return hostVenv();
    default:
      throw new Error(`LATCHKEY_HA_TARGET=${chosen}: expected one of ${HA_TARGETS.join(", ")}`);
  }
}
