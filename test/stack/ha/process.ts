// Spawn a command in its own process group with output appended to a log file, and stop
// the whole group: SIGTERM, wait, SIGKILL after a grace period.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, openSync, closeSync } from "node:fs";
import { dirname } from "node:path";

export interface GroupProcess {
  readonly pid: number;
  /** Resolves with the exit code (or signal name) once the leader exits. */
  readonly exited: Promise<number | string>;
  /** True once the leader has exited. */
  hasExited(): boolean;
  stop(graceMs?: number): Promise<void>;
}

export interface SpawnOptions {
  readonly cmd: string;
  readonly args: readonly string[];
  readonly logFile: string;
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // group already gone
  }
}

export function spawnGroup(opts: SpawnOptions): GroupProcess {
  mkdirSync(dirname(opts.logFile), { recursive: true });
  const fd = openSync(opts.logFile, "a");
  let child: ChildProcess;
  try {
    child = spawn(opts.cmd, [...opts.args], {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      detached: true,
      stdio: ["ignore", fd, fd],
    });
  } finally {
    closeSync(fd);
  }
  const spawnedPid = child.pid;
  if (spawnedPid === undefined) throw new Error(`failed to spawn ${opts.cmd}`);
  const pid: number = spawnedPid;
  let done = false;
  const exited = new Promise<number | string>((resolveExit) => {
    child.once("exit", (code, signal) => {
      done = true;
      resolveExit(code ?? signal ?? "unknown");
    });
    child.once("error", (err) => {
      done = true;
      resolveExit(err.message);
    });
  });
  // Never leave the group behind if the test runner itself exits.
  const onExit = (): void => {
    killGroup(pid, "SIGKILL");
  };
  process.once("exit", onExit);

  async function stop(graceMs = 20_000): Promise<void> {
    if (!done) {
      killGroup(pid, "SIGTERM");
      let timer: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([
        exited.then(() => false),
        new Promise<boolean>((r) => {
          timer = setTimeout(() => {
            r(true);
          }, graceMs);
        }),
      ]);
      clearTimeout(timer);
      if (timedOut) {
        killGroup(pid, "SIGKILL");
        await exited;
      }
    }
    // Children that outlived the leader (HA's own helpers) go too.
    killGroup(pid, "SIGKILL");
    process.removeListener("exit", onExit);
  }

  return { pid, exited, hasExited: () => done, stop };
}
