import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { freePort } from "../../stack/ha/free-port";

export { freePort };

/** LATCHKEY_TEST_BUNDLE runs the tests against another build (e.g. main's, to see a defect first). */
export const ADDON_BUNDLE = resolve(
  process.env.LATCHKEY_TEST_BUNDLE ?? resolve(import.meta.dirname, "../../../addon/dist/latchkey-addon.mjs"),
);

/** Node's flags in the add-on image's CMD (addon/Dockerfile; a packaging test keeps them equal). */
export const ADDON_NODE_FLAGS = ["--max-semi-space-size=2"] as const;

export interface AddonProcess {
  apiUrl: string;
  dataDir: string;
  /** Everything the add-on printed so far (stdout and stderr). */
  output: () => string;
  waitForOutput: (pattern: RegExp, timeoutMs?: number) => Promise<void>;
  exited: Promise<number | null>;
  stop: () => Promise<void>;
  kill9: () => Promise<void>;
}

/** Runs the built add-on bundle with plain `node`, exactly as the add-on image does. */
export async function startAddon(options: {
  haUrl: string;
  token: string;
  dataDir?: string;
  port?: number;
  env?: Record<string, string>;
}): Promise<AddonProcess> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), "latchkey-data-")));
  const port = options.port ?? (await freePort());
  const child: ChildProcess = spawn(process.execPath, [...ADDON_NODE_FLAGS, ADDON_BUNDLE], {
    env: {
      PATH: process.env.PATH ?? "",
      LATCHKEY_HA_URL: options.haUrl,
      LATCHKEY_HA_TOKEN: options.token,
      LATCHKEY_DATA_DIR: dataDir,
      LATCHKEY_OPTIONS: join(dataDir, "options.json"),
      LATCHKEY_API_PORT: String(port),
      LATCHKEY_API_HOST: "127.0.0.1",
      LATCHKEY_LOG_LEVEL: "debug",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const watchers = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString("utf8");
    for (const w of watchers) w();
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  const exited = new Promise<number | null>((done) =>
    child.once("exit", (code) => {
      done(code);
    }),
  );

  const waitForOutput = (pattern: RegExp, timeoutMs = 20_000) =>
    new Promise<void>((done, fail) => {
      const check = () => {
        if (!pattern.test(output)) return;
        watchers.delete(check);
        clearTimeout(timer);
        done();
      };
      const timer = setTimeout(() => {
        watchers.delete(check);
        fail(
          new Error(`The add-on did not print ${String(pattern)} within ${timeoutMs} ms. Output:\n${output}`),
        );
      }, timeoutMs);
      watchers.add(check);
      check();
    });

  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return {
    apiUrl: `ws://127.0.0.1:${port}/api/ws`,
    dataDir,
    output: () => output,
    waitForOutput,
    exited,
    stop: () => end("SIGTERM"),
    kill9: () => end("SIGKILL"),
  };
}
