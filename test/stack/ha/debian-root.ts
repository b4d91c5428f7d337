// Running a program of the Debian testing root (.cache/ha-2026.11/root, built by
// scripts/setup-ha-root.sh): chrooted into it inside a private mount namespace, so /proc, /dev and
// the run's folders bind-mounted in are there only for the program's lifetime and vanish with it,
// also when it is killed or fails to start. Home Assistant 2026.11 (target.ts) and the Matter
// server (../matter/matter-server.ts) both run this way.
import { join } from "node:path";

/** The root's folder on the host. */
export function debianRootDir(repoRoot: string): string {
  return join(repoRoot, ".cache", "ha-2026.11", "root");
}

export interface RootLaunch {
  readonly cmd: string;
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
}

export interface InRootOptions {
  readonly root: string;
  /** Host folders mounted at these paths inside the root (which must exist there). */
  readonly binds: readonly { host: string; inside: string }[];
  /** The program's whole environment (nothing of the host's is passed on). */
  readonly env: Readonly<Record<string, string>>;
  readonly argv: readonly string[];
}

export function inDebianRoot(options: InRootOptions): RootLaunch {
  // $0 = root, then one host folder per bind, then the program's argv. `exec` keeps one process
  // from unshare to the program, so the harness's signals reach the program itself.
  const script = [
    "set -e",
    'root="$0"',
    'mount -t proc proc "$root/proc"',
    'mount --rbind /dev "$root/dev"',
    ...options.binds.map((b) => `mount --bind "$1" "$root${b.inside}"; shift`),
    `exec chroot "$root" /usr/bin/env -i ${Object.entries(options.env)
      .map(([k, v]) => `${k}=${v}`)
      .join(" ")} "$@"`,
  ].join("\n");
  return {
    cmd: "unshare",
    args: [
      "--mount",
      "--propagation",
      "private",
      "--",
      "/bin/sh",
      "-c",
      script,
      options.root,
      ...options.binds.map((b) => b.host),
      ...options.argv,
    ],
    // Only what unshare, mount and chroot need: the program gets its environment from env -i.
    env: { PATH: "/usr/sbin:/usr/bin:/sbin:/bin" },
  };
}
