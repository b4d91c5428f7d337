// "HA event received → notification service call sent": the built add-on bundle against the HA
// websocket fake, one keypad unlock at a time, timed from the moment the fake sends the
// `zwave_js_notification` frame to the moment the fake receives `persistent_notification.create`.
//
// How the two ends are observed (without touching test/):
// - Start: `fake.pressKeypad` fires the event on the fake's bus synchronously, and the bus calls the
//   add-on connection's subscription listener synchronously, which hands the JSON frame to the
//   socket (`ws.send`) before pressKeypad returns. pressKeypad then publishes the lock's new state
//   (state_changed frames). So the frame leaves during the call: `performance.now()` just before it
//   is the send time (less the microseconds to build the frame).
// - End: the fake's ServiceRegistry records a call and, in the same synchronous step, fires HA's
//   `call_service` event on its bus; `fake.firedEvents` is that bus's live array. A tight
//   setImmediate loop scans its new tail, so the call is seen one event-loop turn after the
//   frame is read (the fake runs in this process). As a cross-check, both bus events carry the
//   fake's own `time_fired` (Date, 1 ms resolution), which needs no polling at all.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startHaFake, type HaFake } from "../test/integration/ha-fake/index";
import { startAddon, type AddonProcess } from "../test/integration/support/addon-process";
import { allSynced, connectApi, type ApiClient } from "../test/integration/support/api-client";
import { LOCKS, threeLocks } from "../test/integration/support/world";

const ADMIN = {
  id: "u-bench",
  name: "Bench Admin",
  isAdmin: true,
  token: "bench-admin-token-0123456789abcdef",
};
const LOCK = "lock.front_door";

export interface Percentiles {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export interface NotifyResult {
  /** performance.now() before pressKeypad → the call seen in the fake's bus. */
  latency: Percentiles;
  /** Same interval by the fake's own time_fired stamps (1 ms resolution). */
  byTimeFired: Percentiles;
  /** How long pressKeypad itself takes (event frame + state_changed frames handed to the socket). */
  pressCall: Percentiles;
  /**
   * Where the time goes, by when the add-on's own events reach the fake's bus: event sent →
   * latchkey_lock_activity (activity.jsonl append + fire_event) → latchkey_code_used (use counted:
   * one atomic store save, a reconcile plan, fire_event) → persistent_notification.create.
   */
  stages: { activity: Percentiles; used: Percentiles; notify: Percentiles };
  /** `delivered` < `count` means notifications were lost; `failures` are the add-on's log lines about it. */
  throughput: { count: number; delivered: number; totalMs: number; perSecond: number; failures: string[] };
  /** The code's use count after everything, read back through the card API. */
  usesAfter: number | null;
  /** Unlocks pressed before timing started (they count uses too). */
  warmup: number;
}

/** Nearest-rank percentiles, as stats.ts summarize. */
export function percentiles(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
  return {
    count: sorted.length,
    p50: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/** Watches the fake's bus for `persistent_notification.create` calls as they arrive. */
class NotificationWatch {
  private scanned = 0;
  /** time_fired (ms since epoch) of each call seen, in order. */
  readonly firedAt: number[] = [];

  constructor(private readonly ha: HaFake) {}

  get count(): number {
    return this.firedAt.length;
  }

  /** performance.now() when the add-on's own events of the current unlock were first seen (stage marks). */
  marks: { activity: number; used: number } = { activity: Number.NaN, used: Number.NaN };

  scan(): void {
    const events = this.ha.firedEvents;
    const now = performance.now();
    for (; this.scanned < events.length; this.scanned++) {
      const e = events[this.scanned];
      if (
        e?.event_type === "call_service" &&
        e.data.domain === "persistent_notification" &&
        e.data.service === "create"
      )
        this.firedAt.push(Date.parse(e.time_fired));
      else if (e?.event_type === "latchkey_lock_activity" && Number.isNaN(this.marks.activity))
        this.marks.activity = now;
      else if (e?.event_type === "latchkey_code_used" && Number.isNaN(this.marks.used)) this.marks.used = now;
    }
  }

  /**
   * Like `until`, but gives up once no new call arrived for `stallMs` (or after `timeoutMs`) and
   * resolves with the time of the last call seen, so lost notifications are counted, not waited for.
   */
  async untilOrStalled(target: number, stallMs: number, timeoutMs: number): Promise<number> {
    const start = performance.now();
    let lastCount = this.count;
    let lastAt = start;
    for (;;) {
      this.scan();
      const now = performance.now();
      if (this.count !== lastCount) {
        lastCount = this.count;
        lastAt = now;
      }
      if (this.count >= target || now - lastAt > stallMs || now - start > timeoutMs) return lastAt;
      await new Promise<void>((done) => setImmediate(done));
    }
  }

  /** Spins (setImmediate) until `target` calls were seen; resolves with performance.now() at that moment. */
  async until(target: number, timeoutMs: number): Promise<number> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      this.scan();
      const now = performance.now();
      if (this.count >= target) return now;
      if (now > deadline)
        throw new Error(`bench: ${this.count} of ${target} notifications after ${timeoutMs} ms`);
      await new Promise<void>((done) => setImmediate(done));
    }
  }
}

/** time_fired of the newest zwave_js_notification on the fake's bus. */
function lastKeypadFiredAt(ha: HaFake): number {
  const events = ha.firedEvents;
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e?.event_type === "zwave_js_notification") return Date.parse(e.time_fired);
  }
  return Number.NaN;
}

async function stopAddon(addon: AddonProcess): Promise<void> {
  const timedOut = await Promise.race([
    addon.stop().then(() => false),
    new Promise<boolean>((done) =>
      setTimeout(() => {
        done(true);
      }, 5_000),
    ),
  ]);
  if (timedOut) await addon.kill9();
}

export async function benchNotifyLatency(events = 1_000, warmup = 50, burst = 1_000): Promise<NotifyResult> {
  const dataDir = await mkdtemp(join(tmpdir(), "latchkey-bench-notify-"));
  let ha: HaFake | null = null;
  let addon: AddonProcess | null = null;
  let api: ApiClient | null = null;
  try {
    ha = await startHaFake({ users: [ADMIN], locks: threeLocks() });
    // Log level "info", the add-on's default (the integration tests use "debug").
    addon = await startAddon({
      haUrl: ha.httpUrl,
      token: ADMIN.token,
      dataDir,
      env: { LATCHKEY_LOG_LEVEL: "info" },
    });
    await addon.waitForOutput(/Found 3 Z-Wave lock/);
    api = await connectApi(addon.apiUrl, ADMIN.token);
    await api.request("state/subscribe", {});
    await api.waitForSnapshot((s) => s.locks.length === 3);
    // No maxUses, no burner: every unlock only counts a use and notifies.
    const created = await api.request("codes/create", {
      draft: {
        name: "Mom",
        pin: "4821",
        lockIds: LOCKS,
        notify: { onUse: true, targets: ["persistent_notification"] },
      },
    });
    if (!created.ok) throw new Error(`bench: codes/create failed: ${created.error.message}`);
    const codeId = created.result.codeId;
    await api.waitForSnapshot(allSynced, 30_000);
    const slot = api.snapshot()?.slots[codeId]?.[LOCK];
    if (slot === undefined) throw new Error("bench: the code has no slot on the front door");
    // The card API client is closed while timing: no open card receiving a snapshot per use.
    api.close();
    api = null;

    const fake = ha;
    const watch = new NotificationWatch(fake);
    watch.scan();
    const latency: number[] = [];
    const byTimeFired: number[] = [];
    const pressCall: number[] = [];
    const stages: Record<"activity" | "used" | "notify", number[]> = { activity: [], used: [], notify: [] };
    for (let i = 0; i < warmup + events; i++) {
      const target = watch.count + 1;
      watch.marks = { activity: Number.NaN, used: Number.NaN };
      const sent = performance.now();
      fake.pressKeypad(LOCK, slot, "unlock");
      const returned = performance.now();
      const received = await watch.until(target, 10_000);
      if (i < warmup) continue;
      latency.push(received - sent);
      stages.activity.push(watch.marks.activity - sent);
      stages.used.push(watch.marks.used - watch.marks.activity);
      stages.notify.push(received - watch.marks.used);
      pressCall.push(returned - sent);
      byTimeFired.push((watch.firedAt[target - 1] ?? Number.NaN) - lastKeypadFiredAt(fake));
    }

    // Throughput: all presses back-to-back in one synchronous loop, then wait for the last notification.
    const before = watch.count;
    const burstStart = performance.now();
    for (let i = 0; i < burst; i++) fake.pressKeypad(LOCK, slot, "unlock");
    const burstEnd = await watch.untilOrStalled(before + burst, 5_000, 60_000);
    const delivered = watch.count - before;
    const totalMs = burstEnd - burstStart;
    // Lines the add-on logged about failures (a lost notification shows up here).
    const failures = addon
      .output()
      .split("\n")
      .filter((l) => /failed|Could not|error/i.test(l));

    // Read the use count back: one counted use (one store save) per unlock.
    let usesAfter: number | null = null;
    const check = await connectApi(addon.apiUrl, ADMIN.token);
    try {
      await check.request("state/subscribe", {});
      const snap = await check.waitForSnapshot((s) => s.codes.length > 0);
      usesAfter = snap.codes.find((c) => c.id === codeId)?.uses ?? null;
    } finally {
      check.close();
    }
    return {
      latency: percentiles(latency),
      byTimeFired: percentiles(byTimeFired),
      pressCall: percentiles(pressCall),
      stages: {
        activity: percentiles(stages.activity),
        used: percentiles(stages.used),
        notify: percentiles(stages.notify),
      },
      throughput: { count: burst, delivered, totalMs, perSecond: (delivered / totalMs) * 1000, failures },
      usesAfter,
      warmup,
    };
  } finally {
    api?.close();
    if (addon) await stopAddon(addon);
    if (ha) await ha.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
