// Start real Home Assistant core (the target of target.ts) against a config dir, and stop it.
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { ensureConfigYaml } from "./config-yaml.js";
import { probeStatus } from "./http.js";
import { seedOnboardingStore } from "./onboarding-seed.js";
import { haTarget, type HaTarget } from "./target.js";
import { type GroupProcess, spawnGroup } from "./process.js";

export interface StartOptions {
  readonly configDir: string;
  readonly port: number;
  /** Where HA's stdout/stderr go (appended). Default: <configDir>/hass-stdout.log */
  readonly logFile?: string;
  /** Recorded for callers (addZwaveJsEntry); HA itself learns it through the config flow. */
  readonly zwaveServerUrl?: string;
  /** How long to wait for HTTP to answer. Default 180 s (first start migrates the DB). */
  readonly startTimeoutMs?: number;
  /** Which Home Assistant; default: LATCHKEY_HA_TARGET, else the primary target. */
  readonly target?: HaTarget;
}

export interface HaInstance {
  readonly url: string;
  readonly target: HaTarget;
  readonly configDir: string;
  readonly logFile: string;
  readonly zwaveServerUrl: string | undefined;
  /** Current process id (changes on restart). */
  pid(): number;
  stop(): Promise<void>;
  restart(): Promise<void>;
}

async function waitForHttp(
  url: string,
  proc: GroupProcess,
  logFile: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.hasExited()) {
      throw new Error(
        `Home Assistant exited (${String(await proc.exited)}) before answering; see ${logFile}`,
      );
    }
    if ((await probeStatus(`${url}/manifest.json`)) === 200) return;
    await sleep(250);
  }
  await proc.stop();
  throw new Error(`Home Assistant did not answer on ${url} within ${timeoutMs} ms; see ${logFile}`);
}

export async function startHomeAssistant(opts: StartOptions): Promise<HaInstance> {
  const target = opts.target ?? haTarget();
  target.assertInstalled();
  await ensureConfigYaml({ configDir: opts.configDir, port: opts.port });
  await seedOnboardingStore(opts.configDir);
  const url = `http://127.0.0.1:${opts.port}`;
  const logFile = opts.logFile ?? join(opts.configDir, "hass-stdout.log");
  const timeoutMs = opts.startTimeoutMs ?? 180_000;
  const command = target.launch(opts.configDir);

  const launch = async (): Promise<GroupProcess> => {
    const proc = spawnGroup({ ...command, logFile, cwd: opts.configDir });
    await waitForHttp(url, proc, logFile, timeoutMs);
    return proc;
  };

  let proc = await launch();
  return {
    url,
    target,
    configDir: opts.configDir,
    logFile,
    zwaveServerUrl: opts.zwaveServerUrl,
    pid: () => proc.pid,
    stop: () => proc.stop(),
    restart: async () => {
      await proc.stop();
      proc = await launch();
    },
  };
}
