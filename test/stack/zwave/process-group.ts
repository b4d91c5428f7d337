// Child processes of the stack, each in its own process group so stop() can take down
// everything they spawned (tsx loaders, workers) and nothing is left orphaned.
import { type ChildProcess, spawn } from "node:child_process";
import { openSync, closeSync } from "node:fs";
import { createInterface } from "node:readline";

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Last resort: if our process exits without stop(), kill the groups synchronously. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const child of live) signalGroup(child, "SIGKILL");
  });
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Group already gone.
  }
}

export interface SpawnOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** stderr (and stdout, unless `pipeStdout`) are appended to this file. */
  logFile: string;
  pipeStdout?: boolean;
}

export function spawnGroup(command: string, args: string[], opts: SpawnOptions): ChildProcess {
  installExitHook();
  const log = openSync(opts.logFile, "a");
  const child = spawn(command, args, {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    detached: true, // new process group, killed as a whole by stopGroup()
    stdio: ["ignore", opts.pipeStdout ? "pipe" : log, log],
  });
  closeSync(log);
  live.add(child);
  child.once("exit", () => live.delete(child));
  return child;
}

/** Resolves with the first stdout line accepted by `parse` (which returns undefined to skip). */
export function waitForLine<T>(
  child: ChildProcess,
  parse: (line: string) => T | undefined,
  timeoutMs: number,
): Promise<T> {
  const stdout = child.stdout;
  if (!stdout) return Promise.reject(new Error("child stdout is not piped"));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: stdout });
    const done = (): void => {
      clearTimeout(timer);
      lines.removeAllListeners("line");
      child.off("exit", onExit);
    };
    const onExit = (code: number | null, signal: string | null): void => {
      done();
      reject(new Error(`process exited before ready (code ${String(code)}, signal ${String(signal)})`));
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`no ready line within ${timeoutMs} ms`));
    }, timeoutMs);
    lines.on("line", (line) => {
      const value = parse(line);
      if (value === undefined) return;
      done();
      resolve(value);
    });
    child.once("exit", onExit);
  });
}

/** SIGTERM the whole group, then SIGKILL it if it has not exited after `graceMs`. */
export async function stopGroup(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) =>
      child.once("exit", () => {
        resolve();
      }),
    );
    signalGroup(child, "SIGTERM");
    const timer = setTimeout(() => {
      signalGroup(child, "SIGKILL");
    }, graceMs);
    await exited;
    clearTimeout(timer);
  }
  // Grandchildren may outlive the group leader; make sure the group is empty.
  if (child.pid !== undefined) {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // Nothing left.
    }
  }
}
