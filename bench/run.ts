// Latchkey benchmark: prints measured figures next to their targets. Speed is measured, not guessed;
// nothing here fails on timing. Run with `npm run bench` (builds the add-on bundle first).
import { cpus } from "node:os";
import type { HaProfile } from "../test/integration/ha-fake/index";
import { benchAddon, type AddonResult } from "./addon-rss";
import { benchCardRender } from "./card-render/index";
import { cardRenderRows, printCardRender } from "./card-render/print";
import { benchNotifyLatency, type NotifyResult, type Percentiles } from "./notify-latency";
import { CODE_COUNT, LOCK_COUNT, SLOTS_PER_LOCK } from "./fixture";
import { benchPlan, syncedStore } from "./plan";
import { describeTiming, ms, printTable, type Row } from "./stats";
import { benchStore } from "./store";

const PLAN_TARGET_MS = 20;
const STORE_TARGET_MS = 20;
const RSS_TARGET_MB = 80;
const NOTIFY_TARGET_MS = 100;
const NOTIFY_EVENTS = 1_000;
const PROFILES: HaProfile[] = ["pinned", "newest"];

const mb = (kb: number) => kb / 1024;
const verdict = (ok: boolean) => (ok ? "within target" : "over target");
const pcts = (p: Percentiles) => `p50 ${ms(p.p50)}, p90 ${ms(p.p90)}, p99 ${ms(p.p99)}, max ${ms(p.max)}`;

async function main(): Promise<void> {
  const rows: Row[] = [];
  const size = `${LOCK_COUNT} locks × ${SLOTS_PER_LOCK} slots, ${CODE_COUNT} codes on every lock = ${LOCK_COUNT * CODE_COUNT} lock-slots`;
  console.log(`Latchkey bench — ${size}`);
  console.log(`node ${process.version}, ${cpus().length} CPU(s): ${cpus()[0]?.model ?? "unknown"}\n`);

  console.log(`1. Reconcile plan (allocateSlots + reconcile), target < ${PLAN_TARGET_MS} ms`);
  const plan = benchPlan(10, 50);
  console.log(
    `   first plan from scratch: ${describeTiming(plan.firstPlan)} → ${plan.firstClaims} claims, ${plan.firstOps} operations  [target < ${PLAN_TARGET_MS} ms: ${verdict(plan.firstPlan.p95 < PLAN_TARGET_MS)}]`,
  );
  console.log(
    `   steady state (in sync):  ${describeTiming(plan.steadyPlan)} → ${plan.steadyOps} operations, ${plan.steadyRelease} releases  [target < ${PLAN_TARGET_MS} ms: ${verdict(plan.steadyPlan.p95 < PLAN_TARGET_MS)}]`,
  );
  rows.push(
    {
      figure: `Plan from scratch, median / p95 (${plan.firstOps} ops)`,
      measured: `${ms(plan.firstPlan.median)} / ${ms(plan.firstPlan.p95)}`,
      target: `< ${PLAN_TARGET_MS} ms`,
      within: plan.firstPlan.p95 < PLAN_TARGET_MS,
    },
    {
      figure: `Plan in steady state, median / p95 (${plan.steadyOps} ops)`,
      measured: `${ms(plan.steadyPlan.median)} / ${ms(plan.steadyPlan.p95)}`,
      target: `< ${PLAN_TARGET_MS} ms`,
      within: plan.steadyPlan.p95 < PLAN_TARGET_MS,
    },
  );

  const document = syncedStore();
  console.log(
    `\n2. FileStore save / load of the synced store (${document.codes.length} codes, ${document.claims.length} claims), target < ${STORE_TARGET_MS} ms each`,
  );
  const store = await benchStore(document, 5, 50);
  console.log(
    `   file size: ${store.fileBytes.toLocaleString("en-US")} bytes (${(store.fileBytes / 1024 / 1024).toFixed(2)} MiB); load source "${store.source}", ${store.loadedClaims} claims`,
  );
  console.log(
    `   save (temp + fsync + backup copy + rename + dir fsync): ${describeTiming(store.save)}  [target < ${STORE_TARGET_MS} ms: ${verdict(store.save.p95 < STORE_TARGET_MS)}]`,
  );
  console.log(
    `   load (read + JSON.parse + zod migrate):                 ${describeTiming(store.load)}  [target < ${STORE_TARGET_MS} ms: ${verdict(store.load.p95 < STORE_TARGET_MS)}]`,
  );
  const { read, parse, migrate } = store.parts;
  console.log(
    `   load parts, median / p95: readFile ${ms(read.median)} / ${ms(read.p95)}, JSON.parse ${ms(parse.median)} / ${ms(parse.p95)}, zod migrate ${ms(migrate.median)} / ${ms(migrate.p95)}`,
  );
  const { model, stored } = store.claims;
  console.log(
    `   the ${document.claims.length} claims alone, same run: model schema (zod/mini objects) median ${ms(model.median)}, store schema (compiled objects, same checks) ${ms(stored.median)} → ×${(model.median / stored.median).toFixed(1)} faster`,
  );
  const sizeNote = `${(store.fileBytes / 1024).toFixed(0)} KiB file`;
  rows.push(
    {
      figure: `Store save, median / p95 (${sizeNote})`,
      measured: `${ms(store.save.median)} / ${ms(store.save.p95)}`,
      target: `< ${STORE_TARGET_MS} ms`,
      within: store.save.p95 < STORE_TARGET_MS,
    },
    {
      figure: `Store load, median / p95 (${sizeNote})`,
      measured: `${ms(store.load.median)} / ${ms(store.load.p95)}`,
      target: `< ${STORE_TARGET_MS} ms`,
      within: store.load.p95 < STORE_TARGET_MS,
    },
  );

  console.log(
    `\n3. Add-on RSS after start with that store (HA fake, locks pre-filled, nothing to write), target < ${RSS_TARGET_MB} MB`,
  );
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
    console.log(
      `   HA profile "${profile}": spawn → "in step" ${ms(result.startMs)}; VmRSS max ${rss.toFixed(1)} MiB (${decimalMb.toFixed(1)} MB decimal) over ${result.samples} samples (~2 s); VmHWM (peak since spawn) ${mb(result.hwmKb).toFixed(1)} MiB; lock writes sent: ${result.lockWrites}  [target < ${RSS_TARGET_MB} MB: ${verdict(rss < RSS_TARGET_MB)}]`,
    );
    rows.push({
      figure: `Add-on RSS after start, max VmRSS (HA ${profile})`,
      measured: `${rss.toFixed(1)} MiB`,
      target: `< ${RSS_TARGET_MB} MB`,
      within: rss < RSS_TARGET_MB,
    });
    // For scale (no target): the same start with an empty store, so the store's own share shows.
    const baseline = await benchAddon({ version: 3, codes: [], claims: [], locks: [] }, profile).catch(
      () => null,
    );
    if (baseline)
      console.log(
        `     same start with an empty store (for scale, no target): "in step" ${ms(baseline.startMs)}, VmRSS max ${mb(baseline.rssMaxKb).toFixed(1)} MiB → the 5,000-claim store adds ~${(rss - mb(baseline.rssMaxKb)).toFixed(1)} MiB`,
      );
  }

  console.log(
    `\n4. HA event received → notification service call sent (keypad unlock of a code with notify.onUse → persistent_notification.create), target p99 < ${NOTIFY_TARGET_MS} ms`,
  );
  console.log(
    "   built add-on bundle against the HA fake (pinned), 3 locks, one code without maxUses; one event at a time, the next press only after the notification arrived.",
  );
  console.log(
    "   each event includes one activity.jsonl append, two fire_event round trips (latchkey_lock_activity, latchkey_code_used) and one atomic store save",
  );
  console.log(
    "   (the add-on counts every keypad unlock of a managed code, maxUses or not: recordUse → store save with fsync, then a reconcile plan).",
  );
  let notify: NotifyResult | null = null;
  try {
    notify = await benchNotifyLatency(NOTIFY_EVENTS);
  } catch (error) {
    console.log(`   FAILED — ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
  if (notify) {
    const { latency, byTimeFired, pressCall, stages, throughput } = notify;
    const within = latency.p99 < NOTIFY_TARGET_MS;
    console.log(
      `   count ${latency.count} (after ${notify.warmup} warm-up presses); ${pcts(latency)}; target p99 < ${NOTIFY_TARGET_MS} ms: ${verdict(within)}`,
    );
    console.log(
      `   cross-check by the fake's own time_fired stamps (1 ms resolution): p50 ${byTimeFired.p50} ms, p90 ${byTimeFired.p90} ms, p99 ${byTimeFired.p99} ms, max ${byTimeFired.max} ms`,
    );
    console.log("   where the time goes (when the add-on's own events reach the fake):");
    console.log(
      `     event → latchkey_lock_activity (activity append + fire_event):              ${pcts(stages.activity)}`,
    );
    console.log(
      `     → latchkey_code_used (use counted: atomic store save + plan + fire_event):  ${pcts(stages.used)}`,
    );
    console.log(
      `     → persistent_notification.create:                                           ${pcts(stages.notify)}`,
    );
    console.log(
      `   (the event frame is written to the socket synchronously inside fake.pressKeypad, whose whole call takes p50 ${ms(pressCall.p50)}, p99 ${ms(pressCall.p99)}; timing starts just before it)`,
    );
    const burstNote =
      throughput.delivered === throughput.count
        ? `${throughput.count.toLocaleString("en-US")}th notification after ${ms(throughput.totalMs)}`
        : `only ${throughput.delivered.toLocaleString("en-US")} of ${throughput.count.toLocaleString("en-US")} notifications arrived (NOTIFICATIONS LOST; the last after ${ms(throughput.totalMs)})`;
    console.log(
      `   throughput: ${throughput.count.toLocaleString("en-US")} presses sent back-to-back → ${burstNote} (${throughput.perSecond.toFixed(0)} notifications/s); code use count afterwards: ${notify.usesAfter ?? "unknown"} (presses: ${notify.warmup + latency.count + throughput.count})`,
    );
    const shown = throughput.failures.slice(0, 5);
    if (shown.length > 0)
      console.log(
        `   the add-on logged ${throughput.failures.length} failure line(s), first ones:\n${shown.map((l) => `     ${l.slice(0, 300)}`).join("\n")}`,
      );
    rows.push(
      {
        figure: `Keypad event → notification call, p50 / p99 (${latency.count} events)`,
        measured: `${ms(latency.p50)} / ${ms(latency.p99)}`,
        target: `p99 < ${NOTIFY_TARGET_MS} ms`,
        within,
      },
      {
        figure: `Back-to-back keypad events → notifications delivered`,
        measured: `${throughput.delivered} / ${throughput.count} in ${ms(throughput.totalMs)}`,
        target: `all, no speed target`,
        within: throughput.delivered === throughput.count,
      },
    );
  }

  console.log("");
  try {
    const card = await benchCardRender();
    printCardRender(card, "5. ");
    rows.push(...cardRenderRows(card));
  } catch (error) {
    console.log(
      `5. Card first render in Chromium: FAILED — ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exitCode = 1;
  }

  console.log(
    "\nSummary (timing verdicts use p95, the notification figure p99; RSS verdicts read the 80 MB target as 80 MiB, /proc's kB being KiB):",
  );
  printTable(rows);
}

await main();
