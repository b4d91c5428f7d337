// Latchkey benchmark: prints measured figures next to their targets. Speed is measured, not guessed;
// nothing here fails on timing. Run with `npm run bench` (builds the add-on bundle first).
import { cpus } from "node:os";
import type { HaProfile } from "../test/integration/ha-fake/index";
import { benchAddon, type AddonResult } from "./addon-rss";
import { CODE_COUNT, LOCK_COUNT, SLOTS_PER_LOCK } from "./fixture";
import { benchPlan, syncedStore } from "./plan";
import { describeTiming, ms, printTable, type Row } from "./stats";
import { benchStore } from "./store";

const PLAN_TARGET_MS = 20;
const STORE_TARGET_MS = 20;
const RSS_TARGET_MB = 80;
const PROFILES: HaProfile[] = ["pinned", "newest"];

const mb = (kb: number) => kb / 1024;
const verdict = (ok: boolean) => (ok ? "within target" : "over target");

async function main(): Promise<void> {
  const rows: Row[] = [];
  const size = `${LOCK_COUNT} locks × ${SLOTS_PER_LOCK} slots, ${CODE_COUNT} codes on every lock = ${LOCK_COUNT * CODE_COUNT} lock-slots`;
  console.log(`Latchkey bench — ${size}`);
  console.log(`node ${process.version}, ${cpus().length} CPU(s): ${cpus()[0]?.model ?? "unknown"}\n`);

  console.log(`1. Reconcile plan (allocateSlots + reconcile), target < ${PLAN_TARGET_MS} ms`);
  const plan = benchPlan(10, 50);
  console.log(`   first plan from scratch: ${describeTiming(plan.firstPlan)} → ${plan.firstClaims} claims, ${plan.firstOps} operations  [target < ${PLAN_TARGET_MS} ms: ${verdict(plan.firstPlan.p95 < PLAN_TARGET_MS)}]`);
  console.log(`   steady state (in sync):  ${describeTiming(plan.steadyPlan)} → ${plan.steadyOps} operations, ${plan.steadyRelease} releases  [target < ${PLAN_TARGET_MS} ms: ${verdict(plan.steadyPlan.p95 < PLAN_TARGET_MS)}]`);
  rows.push(
    { figure: `Plan from scratch, median / p95 (${plan.firstOps} ops)`, measured: `${ms(plan.firstPlan.median)} / ${ms(plan.firstPlan.p95)}`, target: `< ${PLAN_TARGET_MS} ms`, within: plan.firstPlan.p95 < PLAN_TARGET_MS },
    { figure: `Plan in steady state, median / p95 (${plan.steadyOps} ops)`, measured: `${ms(plan.steadyPlan.median)} / ${ms(plan.steadyPlan.p95)}`, target: `< ${PLAN_TARGET_MS} ms`, within: plan.steadyPlan.p95 < PLAN_TARGET_MS },
  );

  const document = syncedStore();
  console.log(`\n2. FileStore save / load of the synced store (${document.codes.length} codes, ${document.claims.length} claims), target < ${STORE_TARGET_MS} ms each`);
  const store = await benchStore(document, 5, 50);
  console.log(`   file size: ${store.fileBytes.toLocaleString("en-US")} bytes (${(store.fileBytes / 1024 / 1024).toFixed(2)} MiB); load source "${store.source}", ${store.loadedClaims} claims`);
  console.log(`   save (temp + fsync + backup copy + rename + dir fsync): ${describeTiming(store.save)}  [target < ${STORE_TARGET_MS} ms: ${verdict(store.save.p95 < STORE_TARGET_MS)}]`);
  console.log(`   load (read + JSON.parse + zod migrate):                 ${describeTiming(store.load)}  [target < ${STORE_TARGET_MS} ms: ${verdict(store.load.p95 < STORE_TARGET_MS)}]`);
  const { read, parse, migrate } = store.parts;
  console.log(`   load parts, median / p95: readFile ${ms(read.median)} / ${ms(read.p95)}, JSON.parse ${ms(parse.median)} / ${ms(parse.p95)}, zod migrate ${ms(migrate.median)} / ${ms(migrate.p95)}`);
  const sizeNote = `${(store.fileBytes / 1024).toFixed(0)} KiB file`;
  rows.push(
    { figure: `Store save, median / p95 (${sizeNote})`, measured: `${ms(store.save.median)} / ${ms(store.save.p95)}`, target: `< ${STORE_TARGET_MS} ms`, within: store.save.p95 < STORE_TARGET_MS },
    { figure: `Store load, median / p95 (${sizeNote})`, measured: `${ms(store.load.median)} / ${ms(store.load.p95)}`, target: `< ${STORE_TARGET_MS} ms`, within: store.load.p95 < STORE_TARGET_MS },
  );

  console.log(`\n3. Add-on RSS after start with that store (HA fake, locks pre-filled, nothing to write), target < ${RSS_TARGET_MB} MB`);
  for (const profile of PROFILES) {
    let result: AddonResult;
    try {
      result = await benchAddon(document, profile);
    } catch (error) {
      console.log(`   ${profile}: FAILED — ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
      continue;
    }
    const rss = mb(result.rssMaxKb);
    const decimalMb = (result.rssMaxKb * 1024) / 1e6;
    console.log(`   HA profile "${profile}": spawn → "in step" ${ms(result.startMs)}; VmRSS max ${rss.toFixed(1)} MiB (${decimalMb.toFixed(1)} MB decimal) over ${result.samples} samples (~2 s); VmHWM (peak since spawn) ${mb(result.hwmKb).toFixed(1)} MiB; lock writes sent: ${result.lockWrites}  [target < ${RSS_TARGET_MB} MB: ${verdict(rss < RSS_TARGET_MB)}]`);
    rows.push(
      { figure: `Add-on RSS after start, max VmRSS (HA ${profile})`, measured: `${rss.toFixed(1)} MiB`, target: `< ${RSS_TARGET_MB} MB`, within: rss < RSS_TARGET_MB },
    );
    // For scale (no target): the same start with an empty store, so the store's own share shows.
    const baseline = await benchAddon({ version: 1, codes: [], claims: [] }, profile).catch(() => null);
    if (baseline) console.log(`     same start with an empty store (for scale, no target): "in step" ${ms(baseline.startMs)}, VmRSS max ${mb(baseline.rssMaxKb).toFixed(1)} MiB → the 5,000-claim store adds ~${(rss - mb(baseline.rssMaxKb)).toFixed(1)} MiB`);
  }

  console.log("\nSummary (timing verdicts use p95; RSS verdicts read the 80 MB target as 80 MiB, /proc's kB being KiB):");
  printTable(rows);
}

await main();
