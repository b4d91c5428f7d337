import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { StoreDocument } from "../addon/src/store/schema";
import {
  startHaFake,
  type FakeLockConfig,
  type HaFake,
  type HaProfile,
} from "../test/integration/ha-fake/index";
import { ADDON_BUNDLE, ADDON_NODE_FLAGS, freePort } from "../test/integration/support/addon-process";
import { lockContents, lockIds, lockName, SLOTS_PER_LOCK } from "./fixture";

export interface AddonResult {
  profile: HaProfile;
  /** Spawn → "All locks are in step with the codes; nothing to write". */
  startMs: number;
  /** Highest VmRSS sampled over the sampling window after "in step". */
  rssMaxKb: number;
  /** VmHWM: the process's peak RSS since it started (includes startup). */
  hwmKb: number;
  samples: number;
  lockWrites: number;
}

const ADMIN = {
  id: "u-bench",
  name: "Bench Admin",
  isAdmin: true,
  token: "bench-admin-token-0123456789abcdef",
};
const IN_STEP = /All locks are in step with the codes; nothing to write/;

async function statusKb(pid: number, field: "VmRSS" | "VmHWM"): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
  if (!match?.[1]) throw new Error(`bench: no ${field} in /proc/${pid}/status`);
  return Number(match[1]);
}

const sleep = (msDelay: number) => new Promise<void>((done) => setTimeout(done, msDelay));

/**
 * Starts the built add-on bundle with `node` and the image's flags (as the add-on image does, with the env vars
 * of test/integration/support/addon-process.ts) against the HA fake, with the store already in
 * step with the fake locks, and samples its resident memory once it has reconciled.
 */
export async function benchAddon(
  document: StoreDocument,
  profile: HaProfile,
  sampleMs = 2_000,
): Promise<AddonResult> {
  const dataDir = await mkdtemp(join(tmpdir(), "latchkey-bench-data-"));
  const contents = lockContents(document.claims);
  const locks: FakeLockConfig[] = lockIds().map((entityId, i) => ({
    entityId,
    name: lockName(i),
    nodeId: i + 2,
    slotCount: SLOTS_PER_LOCK,
    supervision: true,
    battery: 80,
    codes: contents.get(entityId) ?? {},
  }));
  let ha: HaFake | null = null;
  let child: ReturnType<typeof spawn> | null = null;
  let output = "";
  try {
    // Same text FileStore.save writes; pinned HA cannot measure slot counts, so the setting gives 250.
    await writeFile(join(dataDir, "latchkey.json"), JSON.stringify(document, null, 1), { mode: 0o600 });
    await writeFile(join(dataDir, "options.json"), JSON.stringify({ default_slot_count: SLOTS_PER_LOCK }));
    ha = await startHaFake({ users: [ADMIN], locks, profile });
    const port = await freePort();
    const started = performance.now();
    const proc = spawn(process.execPath, [...ADDON_NODE_FLAGS, ADDON_BUNDLE], {
      env: {
        PATH: process.env.PATH ?? "",
        LATCHKEY_HA_URL: ha.httpUrl,
        LATCHKEY_HA_TOKEN: ADMIN.token,
        LATCHKEY_DATA_DIR: dataDir,
        LATCHKEY_OPTIONS: join(dataDir, "options.json"),
        LATCHKEY_API_PORT: String(port),
        LATCHKEY_API_HOST: "127.0.0.1",
        LATCHKEY_LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child = proc;
    const pid = proc.pid;
    if (pid === undefined) throw new Error("bench: the add-on did not start");
    const inStep = new Promise<number>((done, fail) => {
      const timer = setTimeout(() => {
        fail(new Error(`bench: no "in step" within 60 s. Output:\n${output}`));
      }, 60_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString("utf8");
        if (IN_STEP.test(output)) {
          clearTimeout(timer);
          done(performance.now() - started);
        }
      };
      proc.stdout.on("data", onData);
      proc.stderr.on("data", onData);
      proc.once("exit", (code) => {
        clearTimeout(timer);
        fail(new Error(`bench: the add-on exited (${String(code)}) before "in step". Output:\n${output}`));
      });
    });
    const startMs = await inStep;
    let rssMaxKb = 0;
    let samples = 0;
    for (let t = 0; t <= sampleMs; t += 250) {
      rssMaxKb = Math.max(rssMaxKb, await statusKb(pid, "VmRSS"));
      samples += 1;
      if (t < sampleMs) await sleep(250);
    }
    const hwmKb = await statusKb(pid, "VmHWM");
    const lockWrites = ha.serviceCalls.filter(
      (c) =>
        c.domain === "zwave_js" && (c.service === "set_lock_usercode" || c.service === "clear_lock_usercode"),
    ).length;
    if (/lock write\(s\) planned/.test(output))
      console.log(
        `  (add-on planned writes on start: ${output
          .split("\n")
          .filter((l) => l.includes("planned"))
          .join(" / ")})`,
      );
    return { profile, startMs, rssMaxKb, hwmKb, samples, lockWrites };
  } finally {
    if (child) await stopChild(child);
    if (ha) await ha.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function stopChild(proc: ReturnType<typeof spawn>): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise<void>((done) =>
    proc.once("exit", () => {
      done();
    }),
  );
  proc.kill("SIGTERM");
  const timedOut = await Promise.race([exited.then(() => false), sleep(5_000).then(() => true)]);
  if (timedOut) {
    proc.kill("SIGKILL");
    await exited;
  }
}
