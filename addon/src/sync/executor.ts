import type { Lock } from "../../../src/model/lock";
import { isReachable } from "../../../src/model/lock";
import type { LockId } from "../../../src/model/primitives";
import { syncReason } from "../../../src/model/slot";
import { type SlotObservation } from "../../../src/model/slot-claim";
import type { Operation, SlotRuntime } from "../core/operations";
import { redact } from "../log/logger";
import { backoffDelay } from "./backoff";
import { WriteRefused } from "./write-refused";

/**
 * Carries out one operation on a lock and reports what the slot is then known to hold. Once
 * `signal` is aborted (the operation overran its time) it should take no further step.
 */
export type SlotWriter = (op: Operation, lock: Lock, signal?: AbortSignal) => Promise<SlotObservation>;

export interface ExecutorOptions {
  writer: SlotWriter;
  lockOf: (lockId: LockId) => Lock | undefined;
  onObserved: (op: Operation, observed: SlotObservation) => Promise<void>;
  /** Something changed that the UI shows (status, failure). */
  onChange: () => void;
  /** A write failed and will be retried after `delayMs`. */
  onFailure?: (op: Operation, reason: string, attempts: number, delayMs: number) => void;
  /** The lock refused this write: it is not sent again while the plan still wants it. */
  onRefused?: (op: Operation, reason: string) => void;
  /** A backoff ended: the service re-plans and resubmits. */
  onRetryDue: () => void;
  retry: { baseMs: number; maxMs: number };
  /** An operation that has not finished by then counts as failed, so one stuck call cannot block a lock's queue. */
  operationTimeoutMs?: number;
  now?: () => Date;
}

interface LaneFailure {
  reason: string;
  attempts: number;
  /** Null for a refused write, which waits for a different plan instead of a time. */
  nextRetryAt: Date | null;
  problem?: WriteRefused["problem"];
  /** The write the lock refused: the same one is never sent again. */
  refused?: Operation;
}

interface LockLane {
  queue: Operation[];
  running: Operation | null;
  /** The running operation overran its time: reported as failed, but still in flight. */
  overdue: boolean;
  failures: Map<number, LaneFailure>;
  /** After a failure the whole lane rests, so an unreachable battery lock is not hammered. */
  restUntil: number;
  timer: NodeJS.Timeout | null;
}

/**
 * One queue per lock: operations on a lock run one at a time, different locks in parallel.
 * `submit` takes the reconciler's whole plan each time; the queue becomes that plan (minus what
 * is running), so a stale operation never runs after the user changed their mind.
 */
export class Executor {
  private readonly lanes = new Map<LockId, LockLane>();
  private readonly idleWaiters: (() => void)[] = [];
  private stopped = false;

  constructor(private readonly options: ExecutorOptions) {}

  submit(operations: readonly Operation[]): void {
    const byLock = new Map<LockId, Operation[]>();
    for (const op of operations) byLock.set(op.lockId, [...(byLock.get(op.lockId) ?? []), op]);
    for (const lockId of new Set([...this.lanes.keys(), ...byLock.keys()])) {
      const lane = this.lane(lockId);
      const wanted = byLock.get(lockId) ?? [];
      lane.queue = wanted.filter((op) => !lane.running || !sameOperation(op, lane.running));
      for (const [slot, failure] of [...lane.failures.entries()]) {
        const { refused } = failure;
        // A refusal holds only the write refused: another PIN for the slot is sent.
        const stillWanted = refused
          ? wanted.some((op) => sameOperation(op, refused))
          : wanted.some((op) => op.slot === slot);
        if (!stillWanted) lane.failures.delete(slot);
      }
      this.pump(lockId);
    }
    this.options.onChange();
    this.notifyIfIdle();
  }

  statusOf(lockId: LockId, slot: number): SlotRuntime | undefined {
    const lane = this.lanes.get(lockId);
    if (!lane) return undefined;
    const failure = lane.failures.get(slot);
    if (lane.running?.slot === slot && !(lane.overdue && failure)) return { state: "syncing" };
    // Field by field: the refused operation carries its PIN, which never leaves the executor.
    if (failure)
      return {
        state: "failed",
        reason: failure.reason,
        attempts: failure.attempts,
        nextRetryAt: failure.nextRetryAt,
        ...(failure.problem ? { problem: failure.problem } : {}),
      };
    if (!lane.queue.some((op) => op.slot === slot)) return undefined;
    const lock = this.options.lockOf(lockId);
    if (!lock) return { state: "waiting", ...syncReason("sync_reason.lock_gone") };
    if (!isReachable(lock)) return { state: "waiting", ...syncReason("sync_reason.lock_offline") };
    return { state: "pending" };
  }

  /** The operation running on a lock (until its outcome is recorded), if any. */
  inFlight(lockId: LockId): Operation | null {
    return this.lanes.get(lockId)?.running ?? null;
  }

  /** Re-checks paused lanes, e.g. after a lock came back online. */
  resume(): void {
    for (const lockId of this.lanes.keys()) this.pump(lockId);
  }

  /** Resolves once nothing can run right now (queues empty, or waiting on offline locks or backoff). */
  idle(): Promise<void> {
    return new Promise((resolve) => {
      this.idleWaiters.push(resolve);
      this.notifyIfIdle();
    });
  }

  stop(): void {
    this.stopped = true;
    for (const lane of this.lanes.values()) if (lane.timer) clearTimeout(lane.timer);
  }

  private lane(lockId: LockId): LockLane {
    let lane = this.lanes.get(lockId);
    if (!lane) {
      lane = { queue: [], running: null, overdue: false, failures: new Map(), restUntil: 0, timer: null };
      this.lanes.set(lockId, lane);
    }
    return lane;
  }

  private now(): number {
    return (this.options.now ?? (() => new Date()))().getTime();
  }

  private pump(lockId: LockId): void {
    const lane = this.lane(lockId);
    if (this.stopped || lane.running) return;
    const lock = this.options.lockOf(lockId);
    if (!lock || !isReachable(lock) || lane.restUntil > this.now()) return;
    const next = lane.queue.find((op) => this.isDue(lane, op));
    if (!next) return;
    lane.queue = lane.queue.filter((op) => op !== next);
    lane.running = next;
    this.options.onChange();
    void this.run(lockId, lane, next, lock);
  }

  /**
   * Runs one operation. One that overran its time counts as failed (shown, and retried after
   * the backoff), but a write to HA cannot be called back: the lane stays taken until it ends,
   * so no other write reaches that lock meanwhile. If it landed after all, that is recorded.
   */
  private async run(lockId: LockId, lane: LockLane, op: Operation, lock: Lock): Promise<void> {
    const limit = this.options.operationTimeoutMs ?? 120_000;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      lane.overdue = true;
      controller.abort();
      this.fail(
        lockId,
        lane,
        op,
        new Error(`${lock.name} did not finish the change within ${Math.round(limit / 1000)} s.`),
      );
      this.options.onChange();
    }, limit);
    try {
      const observed = await this.options.writer(op, lock, controller.signal);
      clearTimeout(timer);
      lane.failures.delete(op.slot);
      lane.restUntil = 0;
      await this.options.onObserved(op, observed);
    } catch (error) {
      clearTimeout(timer);
      if (!lane.overdue) this.fail(lockId, lane, op, error);
    } finally {
      lane.running = null;
      lane.overdue = false;
      this.options.onChange();
      this.pump(lockId);
      this.notifyIfIdle();
    }
  }

  /** An operation may run now: no failure on its slot, or its backoff is over; a refused write never. */
  private isDue(lane: LockLane, op: Operation): boolean {
    const failure = lane.failures.get(op.slot);
    if (!failure) return true;
    if (failure.nextRetryAt === null) return false;
    return failure.nextRetryAt.getTime() <= this.now();
  }

  /** The lock said no to this write: recorded and shown, never retried, and the lane does not rest. */
  private refuse(lane: LockLane, op: Operation, refusal: WriteRefused): void {
    lane.failures.set(op.slot, {
      reason: refusal.message,
      attempts: 1,
      nextRetryAt: null,
      problem: refusal.problem,
      refused: op,
    });
    this.options.onRefused?.(op, refusal.message);
  }

  private fail(lockId: LockId, lane: LockLane, op: Operation, error: unknown): void {
    if (error instanceof WriteRefused) {
      this.refuse(lane, op, error);
      return;
    }
    const attempts = (lane.failures.get(op.slot)?.attempts ?? 0) + 1;
    const delay = backoffDelay(attempts, this.options.retry.baseMs, this.options.retry.maxMs);
    const nextRetryAt = new Date(this.now() + delay);
    // HA and driver errors may quote what was sent; the reason reaches the card and the log.
    const reason = redact(
      error instanceof Error ? error.message : "The write failed.",
      op.kind === "set" ? [op.pin] : [],
    );
    lane.failures.set(op.slot, { reason, attempts, nextRetryAt });
    this.options.onFailure?.(op, reason, attempts, delay);
    lane.restUntil = nextRetryAt.getTime();
    if (lane.timer) clearTimeout(lane.timer);
    lane.timer = setTimeout(() => {
      lane.timer = null;
      this.options.onRetryDue();
      this.pump(lockId);
    }, delay);
  }

  private notifyIfIdle(): void {
    const busy = [...this.lanes.entries()].some(([lockId, lane]) => {
      if (lane.running) return true;
      const lock = this.options.lockOf(lockId);
      if (!lock || !isReachable(lock) || lane.restUntil > this.now()) return false;
      return lane.queue.some((op) => this.isDue(lane, op));
    });
    if (busy) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}

function sameOperation(a: Operation, b: Operation): boolean {
  if (a.kind !== b.kind || a.slot !== b.slot) return false;
  return a.kind !== "set" || (b.kind === "set" && a.pin === b.pin);
}
