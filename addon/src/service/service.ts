import { randomUUID } from "node:crypto";
import type { ActivityEntry } from "../../../src/model/activity";
import {
  withoutPin,
  type Code,
  type CodeChanges,
  type CodeDraft,
  type PublicCode,
} from "../../../src/model/code";
import { LatchkeyError } from "../../../src/model/errors";
import type { Lock } from "../../../src/model/lock";
import type { CodeId, LockId } from "../../../src/model/primitives";
import type { Snapshot } from "../../../src/model/protocol";
import type { HoldReason } from "../../../src/model/slot";
import type { SlotClaim, SlotObservation } from "../../../src/model/slot-claim";
import { allocateSlots } from "../core/allocate";
import * as commands from "../core/commands";
import { lockMap } from "../core/discover";
import type { InterpretContext } from "../core/interpret";
import { reconcile, type Operation } from "../core/reconcile";
import { buildSnapshot } from "../core/snapshot";
import type { Options } from "../config";
import type { Logger } from "../log/logger";
import type { FileStore } from "../store/file-store";
import type { StoreDocument } from "../store/schema";
import { Executor, type SlotWriter } from "../sync/executor";
import { messages, type Messages } from "../i18n/messages";
import { NOT_A_PIN, type SlotHolding } from "../zwave/code-inventory";
import { availabilityChanged } from "./lock-watch";
import { readLocks, type LockSources } from "./read-locks";
import type { ShareDetails } from "./share";

/**
 * Some locks also report a code written over Z-Wave as "added at the keypad", within a moment
 * of the write: such an echo of Latchkey's own write is not a change by a person.
 */
function isOwnEcho(claim: SlotClaim, now: Date, windowMs: number): boolean {
  return (
    claim.observed.status !== "unknown" && now.getTime() - Date.parse(claim.observed.verifiedAt) < windowMs
  );
}

/** After this many failed tries in a row, people and automations hear about it. */
const SYNC_FAILURE_REPORT_AT = 3;

function hasTimeRules(code: Code): boolean {
  return (
    code.rules.validFrom !== undefined || code.rules.validUntil !== undefined || code.rules.weekly.length > 0
  );
}

/** A claim on a slot whose code does not exist: the reconciler clears the slot, then frees it. */
const CLEAR_ONLY = "cleared-by-user";

export interface ServiceDeps {
  store: FileStore;
  document: StoreDocument;
  log: Logger;
  options: Options;
  now?: () => Date;
  retry?: { baseMs: number; maxMs: number };
  /** How soon after Latchkey's own write a "code added at the keypad" report counts as its echo. */
  ownEchoMs?: number;
  /** How soon to ask again for the codes of a lock that could not list them. */
  relistMs?: number;
  /** The newest activity at each door, for the locks' "last activity" line. */
  lastDoorActivity?: () => readonly ActivityEntry[];
}

/** How the service reaches HA: lock facts to read, and the writer for slots. */
export interface HaLink extends LockSources {
  writer: SlotWriter;
}

/** How often to read HA again while it reports that it is still starting. */
const STARTUP_RECHECK_MS = 2_000;

/**
 * Holds the codes, keeps the locks in step with them and answers the API. Every change is
 * saved before it is acknowledged; lock writes follow from the reconciler, never directly.
 */
export class LatchkeyService {
  private doc: StoreDocument;
  private locks = new Map<LockId, Lock>();
  private link: HaLink | null = null;
  private timeZone = "UTC";
  private language = "en";
  private full = new Set<string>();
  /** Codes found on each lock (slot → PIN, null if unreadable) by the last inventory; empty where HA cannot list them. */
  private occupied = new Map<LockId, Map<number, SlotHolding>>();
  /** Locks whose codes have never been listed (the listing failed): no new slot is picked there. */
  private unlisted = new Set<LockId>();
  private relist: NodeJS.Timeout | undefined;
  private startupRecheck: NodeJS.Timeout | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<() => void>();
  private readonly executor: Executor;
  private readonly now: () => Date;
  private clock: NodeJS.Timeout | undefined;
  private syncFailureListener: ((op: Operation, reason: string, attempts: number) => void) | undefined;

  constructor(private readonly deps: ServiceDeps) {
    this.doc = deps.document;
    this.now = deps.now ?? (() => new Date());
    this.executor = new Executor({
      writer: (op, lock) => {
        if (!this.link) return Promise.reject(new LatchkeyError("unavailable", "error.ha_offline"));
        return this.link.writer(op, lock);
      },
      lockOf: (id) => this.locks.get(id),
      onObserved: (op, observed) => this.recordObservation(op, observed),
      onChange: () => {
        this.emit();
      },
      onFailure: (op, reason, attempts, delayMs) => {
        deps.log.warn(
          `Could not ${op.kind} slot ${op.slot} on ${this.lockName(op.lockId)} (attempt ${attempts}): ${reason} Retrying in ${Math.round(delayMs / 1000)} s.`,
        );
        // Told once per stuck slot, not at every retry: a battery lock may stay away for hours.
        if (attempts === SYNC_FAILURE_REPORT_AT) this.syncFailureListener?.(op, reason, attempts);
      },
      onRetryDue: () => {
        void this.sync().catch((e: unknown) => {
          deps.log.error("Planning lock writes failed.", e);
        });
      },
      retry: deps.retry ?? { baseMs: 5_000, maxMs: 15 * 60_000 },
      now: this.now,
    });
  }

  /** Connects the service to HA: discover, watch, sync; again after every reconnect. */
  async attach(link: HaLink): Promise<void> {
    this.link = link;
    link.client.onReconnect(() => {
      void this.refresh().catch((e: unknown) => {
        this.deps.log.error("Re-reading Home Assistant failed.", e);
      });
    });
    link.client.onDisconnect(() => {
      this.emit();
    });
    await link.client.subscribeEvents("state_changed", (event) => {
      const entityId = event.data.entity_id;
      if (
        typeof entityId === "string" &&
        availabilityChanged(this.locks, entityId, event.data.new_state, event.data.old_state)
      )
        void this.refresh().catch(() => undefined);
    });
    await this.refresh();
  }

  async refresh(): Promise<void> {
    const link = this.link;
    if (!link) return;
    const reading = await readLocks(link, this.deps.options, this.deps.log);
    this.locks = lockMap(reading.locks);
    this.timeZone = reading.timeZone;
    this.language = reading.language;
    if (reading.occupied) this.takeInventory(reading.occupied, reading.unlisted);
    this.recheckWhileStarting(reading.haRunning);
    this.executor.resume();
    const planned = await this.sync();
    this.deps.log.info(
      planned === 0
        ? "All locks are in step with the codes; nothing to write."
        : `${planned} lock write(s) planned.`,
    );
  }

  /**
   * After a restart HA answers on its websocket before Z-Wave JS has set up its locks, and the
   * events that would tell us about them can pass before our subscriptions are back: read again
   * until HA says it is running.
   */
  private recheckWhileStarting(running: boolean): void {
    clearTimeout(this.startupRecheck);
    if (running) return;
    this.deps.log.info(
      `Home Assistant is still starting; reading the locks again in ${Math.round(STARTUP_RECHECK_MS / 1000)} s.`,
    );
    this.startupRecheck = setTimeout(() => {
      void this.refresh().catch((e: unknown) => {
        this.deps.log.error("Re-reading Home Assistant failed.", e);
      });
    }, STARTUP_RECHECK_MS);
    this.startupRecheck.unref();
  }

  /** A lock that failed to list keeps what it listed before; one never listed waits, and is asked again. */
  private takeInventory(listed: Map<LockId, Map<number, SlotHolding>>, failed: ReadonlySet<LockId>): void {
    const next = new Map(listed);
    const unlisted = new Set<LockId>();
    for (const lockId of failed) {
      const before = this.occupied.get(lockId);
      if (before) next.set(lockId, before);
      else unlisted.add(lockId);
    }
    this.occupied = next;
    this.unlisted = unlisted;
    clearTimeout(this.relist);
    if (unlisted.size === 0) return;
    this.relist = setTimeout(() => {
      void this.refresh().catch((e: unknown) => {
        this.deps.log.error("Re-reading Home Assistant failed.", e);
      });
    }, this.deps.relistMs ?? 60_000);
    this.relist.unref();
  }

  /** Plans and submits lock writes; returns how many. Serialized with every other change of the document. */
  sync(): Promise<number> {
    return this.serialized(async () => {
      const others = new Map([...this.occupied].map(([lockId, slots]) => [lockId, new Set(slots.keys())]));
      const { options } = this.deps;
      // A lock whose codes are unknown gets no new slot: a free-looking one may be someone's code.
      const listed = new Map([...this.locks].filter(([lockId]) => !this.unlisted.has(lockId)));
      const allocation = allocateSlots(
        this.doc.codes,
        this.doc.claims,
        listed,
        { first: options.slot_first, last: options.slot_last },
        others,
      );
      this.full = new Set(allocation.full.map((f) => `${f.codeId}|${f.lockId}`));
      const plan = reconcile(this.doc.codes, allocation.claims, this.now(), this.timeZone);
      const released = new Set(plan.release);
      const claims = allocation.claims.filter((c) => !released.has(c));
      if (claims.length !== this.doc.claims.length || allocation.claims.length !== this.doc.claims.length)
        await this.commit({ ...this.doc, claims });
      this.executor.submit(plan.operations);
      return plan.operations.length;
    });
  }

  snapshot(user: { name: string; isAdmin: boolean }): Snapshot {
    const claimed = new Set(this.doc.claims.map((c) => `${c.lockId}#${c.slot}`));
    // A person enrolled by tag or fingerprint is no code: Latchkey stays off that slot and says nothing.
    const unmanaged = [...this.occupied].flatMap(([lockId, slots]) =>
      [...slots]
        .filter(([slot, holding]) => holding !== NOT_A_PIN && !claimed.has(`${lockId}#${slot}`))
        .map(([slot]) => ({ lockId, slot })),
    );
    return buildSnapshot({
      document: this.doc,
      locks: [...this.locks.values()],
      unmanaged,
      full: this.full,
      unlisted: this.unlisted,
      user,
      now: this.now(),
      timeZone: this.timeZone,
      runtime: (lockId, slot) => this.executor.statusOf(lockId, slot),
      connected: this.link?.client.connected ?? false,
      showNames: this.deps.options.show_code_names_to_everyone,
      lastDoorActivity: this.deps.lastDoorActivity?.() ?? [],
    });
  }

  /** Called once when a slot has failed a few times in a row. */
  onSyncFailure(listener: (op: Operation, reason: string, attempts: number) => void): void {
    this.syncFailureListener = listener;
  }

  /** What the add-on says to the household, in HA's language (English until HA was read). */
  messages(): Messages {
    return messages(this.language);
  }

  codeName(codeId: CodeId): string | null {
    return this.doc.codes.find((c) => c.id === codeId)?.name ?? null;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves when no lock write can make progress right now. For tests and orderly shutdown. */
  idle(): Promise<void> {
    return this.queue.then(() => this.executor.idle());
  }

  /** Every secret the service knows, for the log redaction layer. */
  secrets(): string[] {
    // PINs found on the locks (unmanaged codes) are secrets too, though Latchkey did not set them.
    const onLocks = [...this.occupied.values()].flatMap((slots) =>
      [...slots.values()].filter((pin): pin is string => typeof pin === "string"),
    );
    return [...this.doc.codes.map((c) => c.pin), ...onLocks];
  }

  createCode(draft: CodeDraft) {
    return this.change((doc, ctx) => commands.createCode(doc, draft, ctx));
  }
  updateCode(codeId: CodeId, changes: CodeChanges) {
    return this.change((doc, ctx) => commands.updateCode(doc, codeId, changes, ctx));
  }
  deleteCode(codeId: CodeId) {
    return this.change((doc) => commands.deleteCode(doc, codeId));
  }
  setEnabled(codeId: CodeId, enabled: boolean) {
    return this.change((doc, ctx) => commands.setEnabled(doc, codeId, enabled, ctx));
  }
  publicCode(codeId: CodeId): PublicCode | undefined {
    const code = this.doc.codes.find((c) => c.id === codeId);
    return code ? withoutPin(code) : undefined;
  }

  revealPin(codeId: CodeId): string {
    return commands.findCode(this.doc, codeId).pin;
  }

  shareDetails(codeId: CodeId): ShareDetails {
    const code = commands.findCode(this.doc, codeId);
    return {
      code,
      lockNames: code.lockIds.map((id) => this.lockName(id)),
      timeZone: this.timeZone,
      t: this.messages(),
    };
  }

  /** Calls a notify service directly (shares): not logged with its data, which holds a PIN. */
  async callNotify(service: string, data: Record<string, unknown>): Promise<void> {
    if (!this.link) throw new LatchkeyError("unavailable", "error.ha_offline");
    await this.link.client.callService("notify", service.replace(/^notify\./, ""), data);
  }

  /** Counts a keypad use of a code (for `maxUses`); returns the code as it is now. */
  async recordUse(codeId: CodeId, counts: boolean): Promise<Code | undefined> {
    if (!counts || !this.doc.codes.some((c) => c.id === codeId))
      return this.doc.codes.find((c) => c.id === codeId);
    await this.change((doc) => commands.recordUse(doc, codeId));
    return this.doc.codes.find((c) => c.id === codeId);
  }

  /** Whether Latchkey knows this lock; cheap, for filters that see every state change in HA. */
  hasLock(entityId: string): boolean {
    return this.locks.has(entityId);
  }

  interpretContext(): InterpretContext {
    const owners = new Map(this.doc.claims.map((c) => [`${c.lockId}#${c.slot}`, c.codeId]));
    return {
      locks: [...this.locks.values()],
      codes: this.doc.codes,
      codeAt: (lockId, slot) => owners.get(`${lockId}#${slot}`),
    };
  }

  namesVisibleToAll(): boolean {
    return this.deps.options.show_code_names_to_everyone;
  }

  lockName(lockId: LockId): string {
    return this.locks.get(lockId)?.name ?? lockId;
  }

  /** New activity exists: clients re-read it. */
  announceActivity(): void {
    this.emit();
  }

  adoptUnmanaged(lockId: LockId, slot: number, name: string) {
    const pin = this.occupied.get(lockId)?.get(slot);
    if (pin === undefined || pin === NOT_A_PIN)
      throw new LatchkeyError("not_found", "error.slot_not_unmanaged");
    if (pin === null) throw new LatchkeyError("conflict", "error.pin_unreadable");
    return this.change((doc, ctx) => commands.adoptCode(doc, lockId, slot, pin, name, ctx));
  }

  /**
   * A lock reported a code changed at its own keypad. A slot Latchkey owns is held (nothing
   * written) until an admin chooses; an echo of Latchkey's own recent write is ignored.
   * Returns the codes whose slots are now held, and whether the report was only such an echo.
   */
  async holdChangedSlots(
    lockId: LockId,
    slot: number | "all",
    reason: HoldReason,
  ): Promise<{ held: Code[]; echo: boolean }> {
    const now = this.now();
    const touched = this.doc.claims.filter(
      (c) => c.lockId === lockId && (slot === "all" || c.slot === slot) && !c.held,
    );
    const affected = touched.filter((c) => !isOwnEcho(c, now, this.deps.ownEchoMs ?? 10_000));
    if (affected.length === 0) return { held: [], echo: touched.length > 0 };
    const since = now.toISOString();
    await this.serialized(async () => {
      const held = new Set(affected);
      await this.commit({
        ...this.doc,
        claims: this.doc.claims.map((c) =>
          held.has(c) ? { ...c, held: { reason, since }, observed: { status: "unknown" } } : c,
        ),
      });
    });
    await this.sync();
    return { held: this.doc.codes.filter((code) => affected.some((c) => c.codeId === code.id)), echo: false };
  }

  heldCodeId(lockId: LockId, slot: number): CodeId | undefined {
    return this.doc.claims.find((c) => c.lockId === lockId && c.slot === slot && c.held)?.codeId;
  }

  /** An admin's choice for a held slot: restore Latchkey's code there, or let the lock keep its own. */
  async resolveHeld(lockId: LockId, slot: number, keep: "lock" | "latchkey"): Promise<void> {
    await this.serialized(async () => {
      const claim = this.doc.claims.find((c) => c.lockId === lockId && c.slot === slot && c.held);
      if (!claim) throw new LatchkeyError("not_found", "error.slot_not_held");
      if (keep === "latchkey") {
        await this.commit({
          ...this.doc,
          claims: this.doc.claims.map((c) => (c === claim ? { ...c, held: undefined } : c)),
        });
        return;
      }
      // The code leaves that lock; the slot stays as the lock has it and is no longer Latchkey's.
      const codes = this.doc.codes.map((code) =>
        code.id === claim.codeId
          ? {
              ...code,
              lockIds: code.lockIds.filter((id) => id !== lockId),
              updatedAt: this.now().toISOString(),
            }
          : code,
      );
      await this.commit({ ...this.doc, codes, claims: this.doc.claims.filter((c) => c !== claim) });
    });
    await this.sync();
  }

  async clearUnmanaged(lockId: LockId, slot: number): Promise<void> {
    if (!this.locks.has(lockId)) throw new LatchkeyError("not_found", "error.lock_gone");
    if (this.occupied.get(lockId)?.get(slot) === NOT_A_PIN)
      throw new LatchkeyError("not_found", "error.slot_not_unmanaged");
    await this.serialized(async () => {
      if (this.doc.claims.some((c) => c.lockId === lockId && c.slot === slot))
        throw new LatchkeyError("conflict", "error.slot_managed");
      await this.commit({
        ...this.doc,
        claims: [...this.doc.claims, { lockId, slot, codeId: CLEAR_ONLY, observed: { status: "unknown" } }],
      });
    });
    await this.sync();
  }

  /**
   * Time rules (validity, weekly windows) change what the locks should hold without anyone
   * touching a code: re-plan every tick while any code has one. A plan with nothing to do
   * costs a few milliseconds and writes nothing.
   */
  startClock(tickMs: number): void {
    this.clock ??= setInterval(() => {
      if (!this.doc.codes.some(hasTimeRules)) return;
      void this.sync().catch((e: unknown) => {
        this.deps.log.error("Planning lock writes failed.", e);
      });
    }, tickMs);
    this.clock.unref();
  }

  stop(): void {
    if (this.clock) clearInterval(this.clock);
    clearTimeout(this.relist);
    clearTimeout(this.startupRecheck);
    this.executor.stop();
  }

  private async change(
    edit: (doc: StoreDocument, ctx: commands.CommandContext) => commands.CommandResult,
  ): Promise<commands.CommandResult> {
    const result = await this.serialized(async () => {
      const outcome = edit(this.doc, { locks: this.locks, now: this.now(), newId: () => randomUUID() });
      await this.commit(outcome.document);
      return outcome;
    });
    await this.sync();
    return result;
  }

  private async recordObservation(op: Operation, observed: SlotObservation): Promise<void> {
    await this.serialized(async () => {
      const claims = this.doc.claims.map((c) =>
        c.lockId === op.lockId && c.slot === op.slot ? { ...c, observed } : c,
      );
      const found = this.occupied.get(op.lockId);
      if (found && observed.status === "set") found.set(op.slot, observed.pin);
      if (found && observed.status === "empty") found.delete(op.slot);
      await this.commit({ ...this.doc, claims });
    });
    await this.sync();
  }

  private async commit(next: StoreDocument): Promise<void> {
    await this.deps.store.save(next);
    this.doc = next;
    this.emit();
  }

  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
