// Radio benchmark on the real stack (real Home Assistant, real Z-Wave JS driver, simulated
// locks): frames and time per changed lock-slot, idle frames and frames on restarts, each
// printed next to its target (issue 17). Starts a whole stack: run it alone, under the shared
// lock: `flock /tmp/latchkey-real-stack.lock npm run bench:radio`. Options (environment):
// LATCHKEY_BENCH_BULK (codes onto the 250-slot lock, default 240; 0 skips), LATCHKEY_BENCH_IDLE_S
// (idle window, default 60), LATCHKEY_BENCH_REPEATS (runs of each one-code case, default 3).
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { connectApi } from "../../test/integration/support/api-client";
import { startFullStack } from "../../test/stack/full-stack";
import { printTable } from "../stats";
import { removeCodes, syncCase, quietCase, type SyncCase } from "./cases";
import { report } from "./report";
import { setAndGetRoundTrip } from "./round-trip";

const Env = z.object({
  LATCHKEY_BENCH_BULK: z.coerce.number().int().min(0).max(249).default(240),
  LATCHKEY_BENCH_IDLE_S: z.coerce.number().int().min(1).max(3600).default(60),
  LATCHKEY_BENCH_REPEATS: z.coerce.number().int().min(1).max(20).default(3),
});
const FRONT = "lock.front_door";
const BACK = "lock.back_door";
const GARAGE = "lock.garage_side_door";
const ADDON_LOG = "artifacts/bench-radio-addon.log";
const IN_STEP = /All locks are in step|lock write\(s\) planned/g;

async function main(): Promise<void> {
  const env = Env.parse(process.env);
  const began = performance.now();
  const workDir = await mkdtemp(join(tmpdir(), "latchkey-bench-radio-"));
  const say = (line: string) => {
    console.log(`[${((performance.now() - began) / 1000).toFixed(0).padStart(4)} s] ${line}`);
  };
  const stack = await startFullStack({ workDir, addonEnv: { LATCHKEY_RETRY_BASE_MS: "500" }, progress: say });
  try {
    say(
      `stack ready: Home Assistant ${stack.haVersion}, locks ${stack.locks.map((l) => l.entityId).join(", ")}`,
    );
    let api = await connectApi(stack.addon.apiUrl, stack.credentials.admin.token);
    await api.request("state/subscribe", {});
    await api.waitForSnapshot((s) => s.locks.length === stack.locks.length, 60_000);
    let index = 0;
    const repeat = async (label: string, lockIds: string[], keepLast = false) => {
      const runs: SyncCase[] = [];
      for (let run = 0; run < env.LATCHKEY_BENCH_REPEATS; run++) {
        const result = await syncCase(stack, api, label, 1, lockIds, index++);
        runs.push(result);
        say(`${label}, run ${run + 1}: ${result.ms.toFixed(0)} ms, ${result.frames.total} frames`);
        if (!(keepLast && run === env.LATCHKEY_BENCH_REPEATS - 1))
          await removeCodes(stack, api, result.codeIds);
        else return { runs, kept: result.codeIds };
      }
      return { runs, kept: [] };
    };
    const front = await repeat("1 code → front door", [FRONT]);
    const garage = await repeat("1 code → garage (slow lock)", [GARAGE]);
    const three = await repeat("1 code → 3 locks", [FRONT, BACK, GARAGE], true);

    say(`idle for ${env.LATCHKEY_BENCH_IDLE_S} s with the code in sync on 3 locks…`);
    const idle = await quietCase(
      stack,
      "idle",
      () => new Promise((r) => setTimeout(r, env.LATCHKEY_BENCH_IDLE_S * 1000)),
    );
    say("restarting the add-on while in sync…");
    const addonRestart = await quietCase(stack, "add-on restart", async () => {
      api.close();
      await stack.restartAddon();
      api = await connectApi(stack.addon.apiUrl, stack.credentials.admin.token);
      await api.request("state/subscribe", {});
    });
    say("restarting Home Assistant while in sync…");
    const haRestart = await quietCase(stack, "Home Assistant restart", async () => {
      const before = stack.addon.output().match(IN_STEP)?.length ?? 0;
      await stack.ha.restart();
      const deadline = Date.now() + 180_000;
      while ((stack.addon.output().match(IN_STEP)?.length ?? 0) <= before) {
        if (Date.now() > deadline)
          throw new Error("the add-on did not get back in step after the HA restart");
        await new Promise((r) => setTimeout(r, 200));
      }
    });
    await removeCodes(stack, api, three.kept);

    let bulk: SyncCase | null = null;
    if (env.LATCHKEY_BENCH_BULK > 0) {
      say(`${env.LATCHKEY_BENCH_BULK} codes → garage (250 slots, slow)…`);
      bulk = await syncCase(
        stack,
        api,
        `${env.LATCHKEY_BENCH_BULK} codes → garage`,
        env.LATCHKEY_BENCH_BULK,
        [GARAGE],
        index,
      );
      say(`${bulk.label}: ${(bulk.ms / 1000).toFixed(1)} s, ${bulk.frames.total} frames`);
    }
    say("one Set + Get straight to the Z-Wave JS server (the radio's floor)…");
    const floorFront = await setAndGetRoundTrip(stack, 2, 30, env.LATCHKEY_BENCH_REPEATS);
    const floorBack = await setAndGetRoundTrip(stack, 3, 30, env.LATCHKEY_BENCH_REPEATS);
    const floorGarage = await setAndGetRoundTrip(stack, 4, 250, env.LATCHKEY_BENCH_REPEATS);
    api.close();

    const rows = report(
      {
        front,
        garage,
        three,
        bulk,
        idle,
        addonRestart,
        haRestart,
        floorFront,
        floorBack,
        floorGarage,
        idleSeconds: env.LATCHKEY_BENCH_IDLE_S,
      },
      say,
    );
    console.log(
      `\nSummary (Home Assistant ${stack.haVersion}; whole run ${((performance.now() - began) / 1000).toFixed(0)} s):`,
    );
    printTable(rows);
  } finally {
    // The add-on's own account of the run (since its restart), to explain a figure: no PINs in it.
    await mkdir("artifacts", { recursive: true });
    await writeFile(ADDON_LOG, stack.addon.output());
    console.log(`The add-on's log since its restart: ${ADDON_LOG}`);
    await stack.stop();
    await rm(workDir, { recursive: true, force: true });
  }
}

await main();
