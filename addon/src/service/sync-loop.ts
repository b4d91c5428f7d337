import type { Code } from "../../../src/model/code";
import { LatchkeyError } from "../../../src/model/errors";
import type { LockId } from "../../../src/model/primitives";
import type { SlotClaim, SlotObservation } from "../../../src/model/slot-claim";
import { allocateSlots } from "../core/allocate";
import type { Operation, SlotRuntime } from "../core/operations";
import { reconcile } from "../core/reconcile";
import type { Options } from "../config";
import type { Logger } from "../log/logger";
import { Executor, type SlotWriter } from "../sync/executor";
import type { CodeBook } from "./code-book";
import type { LockDirectory } from "./lock-directory";
import { UnknownSlotSettler, type LockContentProbe } from "./unknown-slots";

/** After this many failed tries in a row, people and automations hear about it. */
const SYNC_FAILURE_REPORT_AT = 3;

function hasTimeRules(code: Code): boolean {
  return (
    code.rules.validFrom !== undefined || code.rules.validUntil !== undefined || code.rules.weekly.length > 0
  );
}

/** Reads of slots changed at a keypad that no claim covers (a claim's own read or write tells). */
function keypadReads(claims: readonly SlotClaim[], directory: LockDirectory): Operation[] {
  const claimed = new Set(claims.map((c) => `${c.lockId}#${c.slot}`));
  return directory.found
    .slotsToRead()
    .filter(({ lockId, slot }) => directory.hasLock(lockId) && !claimed.has(`${lockId}#${slot}`))
    .map(({ lockId, slot }) => ({ kind: "read", lockId, slot, codeId: null }));
}

export interface SyncLoopDeps {
  book: CodeBook;
  directory: LockDirectory;
  options: Options;
  log: Logger;
  now: () => Date;
  retry: { baseMs: number; maxMs: number };
  /** The lock writes' status changed (for snapshot pushes). */
  onChange: () => void;
  /** How long one write may take before it counts as failed. */
  operationTimeoutMs?: number;
}

/**
 * Keeps the locks in step with the book: allocate slots → reconcile → the executor's per-lock
 * queues, again after every change, every read of HA, every write's outcome and every clock tick
 * while a code has time rules. Reports a slot that keeps failing.
 */
export class SyncLoop {
  private readonly executor: Executor;
  private writer: SlotWriter | null = null;
  private settler: UnknownSlotSettler | null = null;
  private full = new Set<string>();
  private clock: NodeJS.Timeout | undefined;
  private failureListener: ((op: Operation, reason: string, attempts: number) => void) | undefined;

  constructor(private readonly deps: SyncLoopDeps) {
    this.executor = new Executor({
      writer: (op, lock) => {
        if (!this.writer) return Promise.reject(new LatchkeyError("unavailable", "error.ha_offline"));
        return this.writer(op, lock);
      },
      lockOf: (id) => deps.directory.lockOf(id),
      onObserved: (op, observed) => this.recordOutcome(op, observed),
      onChange: () => {
        deps.onChange();
      },
      onFailure: (op, reason, attempts, delayMs) => {
        deps.log.warn(
          `Could not ${op.kind} slot ${op.slot} on ${deps.directory.lockName(op.lockId)} (attempt ${attempts}): ${reason} Retrying in ${Math.round(delayMs / 1000)} s.`,
        );
        // Told once per stuck slot, not at every retry: a battery lock may stay away for hours.
        if (attempts === SYNC_FAILURE_REPORT_AT) this.failureListener?.(op, reason, attempts);
      },
      onRefused: (op, reason) => {
        deps.log.warn(
          `${deps.directory.lockName(op.lockId)} refused the write to slot ${op.slot}: ${reason}`,
        );
        this.failureListener?.(op, reason, 1);
      },
      onRetryDue: () => {
        this.syncInBackground();
      },
      retry: deps.retry,
      now: deps.now,
      ...(deps.operationTimeoutMs === undefined ? {} : { operationTimeoutMs: deps.operationTimeoutMs }),
    });
  }

  /** Writes go through this writer from now on; `probe`, where the locks can say, settles unknown slots. */
  connect(writer: SlotWriter, probe?: LockContentProbe): void {
    this.writer = writer;
    this.settler = probe ? new UnknownSlotSettler(probe, this.deps.directory.found, this.deps.log) : null;
  }

  /** What a write (or a read) found the slot to hold goes into the book and the directory; then plan again. */
  private async recordOutcome(op: Operation, observed: SlotObservation): Promise<void> {
    const { book, directory } = this.deps;
    if (op.kind === "read") {
      // A claim's slot found empty is the code's; anything else is someone's code, listed as such.
      await book.readFirstResult(op.lockId, op.slot, observed);
      directory.found.learnRead(op.lockId, op.slot, observed);
    } else {
      directory.found.learn(op.lockId, op.slot, observed);
      await book.observe(op.lockId, op.slot, observed);
    }
    await this.sync();
  }

  /** After a read of HA: paused lanes may run again, and the plan may have changed. */
  async afterRefresh(): Promise<void> {
    this.executor.resume();
    const planned = await this.sync();
    this.deps.log.info(
      planned === 0
        ? "All locks are in step with the codes; nothing to write."
        : `${planned} lock write(s) planned.`,
    );
  }

  /** Plans and submits lock writes; returns how many. Serialized with every other change of the book. */
  sync(): Promise<number> {
    const { book, directory, options } = this.deps;
    return book.transact(async (tx) => {
      const doc = tx.doc;
      // A lock whose codes are unknown gets no new slot: a free-looking one may be someone's code.
      const listed = new Map(
        [...directory.current].filter(([lockId]) => !directory.found.unlisted.has(lockId)),
      );
      const allocate = () =>
        allocateSlots(
          doc.codes,
          doc.claims,
          listed,
          { first: options.slot_first, last: options.slot_last },
          directory.found.takenSlots(),
          (lockId, slot) => directory.found.mustReadFirst(lockId, slot),
        );
      let allocation = allocate();
      // New slots to be read first: one checksum may show the lock's unread slots are empty.
      if (
        await this.settler?.settle(
          allocation.claims,
          doc.claims,
          (id) => directory.lockOf(id),
          (id) => this.executor.inFlight(id),
        )
      )
        allocation = allocate();
      this.full = new Set(allocation.full.map((f) => `${f.codeId}|${f.lockId}`));
      const plan = reconcile(doc.codes, allocation.claims, this.deps.now(), directory.timeZone);
      const released = new Set(plan.release);
      const claims = allocation.claims.filter((c) => !released.has(c));
      if (claims.length !== doc.claims.length || allocation.claims.length !== doc.claims.length)
        await tx.commit({ ...doc, claims });
      const operations = [...plan.operations, ...keypadReads(claims, directory)];
      this.executor.submit(operations);
      return operations.length;
    });
  }

  syncInBackground(): void {
    void this.sync().catch((e: unknown) => {
      this.deps.log.error("Planning lock writes failed.", e);
    });
  }

  /** (code, lock) pairs that found no free slot at the last plan, as `codeId|lockId`. */
  get fullPairs(): ReadonlySet<string> {
    return this.full;
  }

  /** The write running on a lock (until its outcome is recorded), if any. */
  inFlight(lockId: LockId): Operation | null {
    return this.executor.inFlight(lockId);
  }

  runtime(lockId: LockId, slot: number): SlotRuntime | undefined {
    return this.executor.statusOf(lockId, slot);
  }

  /** Called once when a slot has failed a few times in a row. */
  onSyncFailure(listener: (op: Operation, reason: string, attempts: number) => void): void {
    this.failureListener = listener;
  }

  /**
   * Time rules (validity, weekly windows) change what the locks should hold without anyone
   * touching a code: re-plan every tick while any code has one. A plan with nothing to do
   * costs a few milliseconds and writes nothing.
   */
  startClock(tickMs: number): void {
    this.clock ??= setInterval(() => {
      if (this.deps.book.document.codes.some(hasTimeRules)) this.syncInBackground();
    }, tickMs);
    this.clock.unref();
  }

  /** Resolves when no lock write can make progress right now. */
  idle(): Promise<void> {
    return this.executor.idle();
  }

  stop(): void {
    if (this.clock) clearInterval(this.clock);
    this.executor.stop();
  }
}
