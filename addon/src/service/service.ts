import type { ActivityEntry } from "../../../src/model/activity";
import type { Code, CodeChanges, CodeDraft } from "../../../src/model/code";
import type { Lock } from "../../../src/model/lock";
import { LatchkeyError } from "../../../src/model/errors";
import type { CodeId, LockId } from "../../../src/model/primitives";
import type { Snapshot } from "../../../src/model/protocol";
import type { HoldReason } from "../../../src/model/slot";
import { isOwnEcho } from "../core/claim-edits";
import type { InterpretContext } from "../core/interpret";
import { buildSnapshot } from "../core/snapshot";
import { householdAlerts, lockAlertChoices } from "../core/door-alerts";
import type { AlertChoices, LockAlerts } from "../../../src/model/lock-alerts";
import type { Options } from "../config";
import type { HaClient } from "../ha/client";
import { messages, type Messages } from "../i18n/messages";
import type { Logger } from "../log/logger";
import type { StoreDocument } from "../store/schema";
import type { SlotWriter } from "../sync/executor";
import { NOT_A_PIN } from "../zwave/code-inventory";
import { CodeBook } from "./code-book";
import { LockDirectory } from "./lock-directory";
import type { LockSources } from "./read-locks";
import type { NotifyFn } from "./share";
import { SyncLoop } from "./sync-loop";
import { expectedContents, type LockContentProbe } from "./unknown-slots";

export interface ServiceDeps {
  save: (next: StoreDocument) => Promise<void>;
  document: StoreDocument;
  log: Logger;
  options: Options;
  now?: () => Date;
  retry?: { baseMs: number; maxMs: number };
  /** How soon after Latchkey's own write a "code added at the keypad" report counts as its echo. */
  ownEchoMs?: number;
  /** How soon to ask again for the codes of a lock that could not list them. */
  relistMs?: number;
  /** How long after asking a returned lock's codes to be read again it is listed again. */
  rereadMs?: number;
  /** How long one lock write may take before it counts as failed. */
  operationTimeoutMs?: number;
  /** The newest activity at each door, for the locks' "last activity" line. */
  lastDoorActivity?: () => readonly ActivityEntry[];
}

/** A lock that lost Latchkey's codes on its own: which, in which slots, and whether they are being refilled. */
export interface LostCodes {
  lockId: LockId;
  codes: Code[];
  slots: number[];
  refilled: boolean;
}

/** How the service reaches HA: lock facts to read, and the writer for slots. */
export interface HaLink extends LockSources {
  writer: SlotWriter;
  /** Where locks can say whether they hold exactly what Latchkey believes (User Code checksum). */
  contentProbe?: LockContentProbe;
}

/**
 * Latchkey's add-on side in one place for the API and the event handlers: the code book, the
 * lock directory and the sync loop, wired so that every edit is followed by a plan, and the
 * snapshots clients see. Lock writes follow from the plan, never from an edit directly.
 */
export class LatchkeyService {
  readonly book: CodeBook;
  readonly locks: LockDirectory;
  readonly loop: SyncLoop;
  private client: HaClient | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly now: () => Date;
  private lostListener: ((lost: LostCodes) => Promise<void>) | undefined;

  constructor(private readonly deps: ServiceDeps) {
    this.now = deps.now ?? (() => new Date());
    this.locks = new LockDirectory({
      options: deps.options,
      log: deps.log,
      ...(deps.relistMs === undefined ? {} : { relistMs: deps.relistMs }),
      ...(deps.rereadMs === undefined ? {} : { rereadMs: deps.rereadMs }),
    });
    this.book = new CodeBook({
      save: deps.save,
      document: deps.document,
      locks: () => this.locks.current,
      now: this.now,
    });
    this.loop = new SyncLoop({
      book: this.book,
      directory: this.locks,
      options: deps.options,
      log: deps.log,
      now: this.now,
      retry: deps.retry ?? { baseMs: 5_000, maxMs: 15 * 60_000 },
      ...(deps.operationTimeoutMs === undefined ? {} : { operationTimeoutMs: deps.operationTimeoutMs }),
      onChange: () => {
        this.emit();
      },
    });
    this.book.onCommit(() => {
      this.emit();
    });
    this.locks.onRefreshed(async () => {
      await this.noticeLostCodes().catch((e: unknown) => {
        deps.log.error("Checking the locks for lost codes failed.", e);
      });
      await this.loop.afterRefresh();
      // A lock found dead or alive again changes no state in HA (2026.11 keeps a dead node's lock
      // available): only this read tells clients.
      this.emit();
    });
  }

  /** Connects the service to HA: read the locks and sync; again after every reconnect. */
  async attach(link: HaLink): Promise<void> {
    this.client = link.client;
    this.locks.connect(link);
    const probe = link.contentProbe;
    if (probe)
      this.locks.vouchWith(async (lock) => {
        const expected = expectedContents(
          this.locks.found,
          lock.id,
          this.book.document.claims,
          this.loop.inFlight(lock.id),
        );
        return typeof expected !== "string" && (await probe(lock, expected));
      });
    this.loop.connect(link.writer, link.contentProbe);
    link.client.onReconnect(() => {
      this.locks.reconnected();
    });
    link.client.onDisconnect(() => {
      this.emit();
    });
    await this.locks.refresh();
  }

  /** Sends a notify service call (a share); its data holds a PIN, so nothing here logs it. */
  readonly notify: NotifyFn = async (service, data) => {
    if (!this.client) throw new LatchkeyError("unavailable", "error.ha_offline");
    await this.client.callService("notify", service.replace(/^notify\./, ""), data);
  };

  snapshot(user: { name: string; isAdmin: boolean }): Snapshot {
    const doc = this.book.document;
    const claimed = new Set(doc.claims.map((c) => `${c.lockId}#${c.slot}`));
    // A person enrolled by tag or fingerprint is no code: Latchkey stays off that slot and says nothing.
    const unmanaged = this.locks.found.codeSlots().filter((s) => !claimed.has(`${s.lockId}#${s.slot}`));
    return buildSnapshot({
      document: doc,
      locks: this.locks.list(),
      unmanaged,
      full: this.loop.fullPairs,
      unlisted: this.locks.found.unlisted,
      user,
      now: this.now(),
      timeZone: this.locks.timeZone,
      runtime: (lockId, slot) => this.loop.runtime(lockId, slot),
      connected: this.client?.connected ?? false,
      showNames: this.deps.options.show_code_names_to_everyone,
      lastDoorActivity: this.deps.lastDoorActivity?.() ?? [],
      alerts: (lockId) => this.alertChoices(lockId),
    });
  }

  /** Which door events alert at a lock now: its own choices over the household's options. */
  alertChoices(lockId: LockId): AlertChoices {
    return lockAlertChoices(householdAlerts(this.deps.options), this.book.lockAlerts(lockId));
  }

  /** A lock's own alert choices, replacing the ones it had. */
  async setLockAlerts(lockId: LockId, alerts: LockAlerts): Promise<AlertChoices> {
    if (!this.locks.hasLock(lockId)) throw new LatchkeyError("not_found", "error.lock_gone");
    await this.book.setLockAlerts(lockId, alerts);
    return this.alertChoices(lockId);
  }

  /** Called with every change clients would see. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** New activity exists: clients re-read it. */
  announceActivity(): void {
    this.emit();
  }

  /** What the add-on says to the household, in HA's language (English until HA was read). */
  messages(): Messages {
    return messages(this.locks.language);
  }

  /** Every secret the service knows, for the log redaction layer. */
  secrets(): string[] {
    return [...this.book.pins(), ...this.locks.found.pins()];
  }

  interpretContext(): InterpretContext {
    return { locks: this.locks.list(), codes: this.book.document.codes, codeAt: this.book.codeAt() };
  }

  namesVisibleToAll(): boolean {
    return this.deps.options.show_code_names_to_everyone;
  }

  createCode(draft: CodeDraft) {
    return this.thenSync(this.book.createCode(draft));
  }
  updateCode(codeId: CodeId, changes: CodeChanges) {
    return this.thenSync(this.book.updateCode(codeId, changes));
  }
  deleteCode(codeId: CodeId) {
    return this.thenSync(this.book.deleteCode(codeId));
  }
  setEnabled(codeId: CodeId, enabled: boolean) {
    return this.thenSync(this.book.setEnabled(codeId, enabled));
  }

  /** Counts a keypad use of a code (for `maxUses`); returns the code as it is now. */
  recordUse(codeId: CodeId, counts: boolean): Promise<Code | undefined> {
    return this.thenSync(this.book.recordUse(codeId, counts));
  }

  adoptUnmanaged(lockId: LockId, slot: number, name: string) {
    const pin = this.locks.found.holding(lockId, slot);
    if (pin === undefined || pin === NOT_A_PIN)
      throw new LatchkeyError("not_found", "error.slot_not_unmanaged");
    if (pin === null) throw new LatchkeyError("conflict", "error.pin_unreadable");
    return this.thenSync(this.book.adoptCode(lockId, slot, pin, name));
  }

  async clearUnmanaged(lockId: LockId, slot: number): Promise<void> {
    if (!this.locks.hasLock(lockId)) throw new LatchkeyError("not_found", "error.lock_gone");
    if (this.locks.found.holding(lockId, slot) === NOT_A_PIN)
      throw new LatchkeyError("not_found", "error.slot_not_unmanaged");
    await this.thenSync(this.book.claimToClear(lockId, slot));
  }

  /** An admin's choice for a held slot: restore Latchkey's code there, or let the lock keep its own. */
  resolveHeld(lockId: LockId, slot: number, keep: "lock" | "latchkey"): Promise<void> {
    return this.thenSync(this.book.resolveHeld(lockId, slot, keep));
  }

  /**
   * A lock reported a code changed at its own keypad. A slot Latchkey owns is held (nothing
   * written) until an admin chooses; an echo of Latchkey's own recent write is ignored. A slot
   * it does not own is read, so that a code set there shows as one Latchkey did not set.
   * Returns the codes whose slots are now held, and whether the report was only such an echo.
   * `ownEchoes`: a keypad report right after Latchkey's own write may be its echo (some locks
   * report a code written over Z-Wave as "added at the keypad"); a change whose origin is known
   * to be someone else's (HA's echo of another client's call) is never one.
   */
  async holdChangedSlots(
    lockId: LockId,
    slot: number | "all",
    reason: HoldReason,
    { ownEchoes = true }: { ownEchoes?: boolean } = {},
  ): Promise<{ held: Code[]; echo: boolean }> {
    const now = this.now();
    const windowMs = this.deps.ownEchoMs ?? 10_000;
    const outcome = await this.book.holdChanged(
      lockId,
      slot,
      reason,
      (c) => ownEchoes && isOwnEcho(c, now, windowMs),
    );
    const { found } = this.locks;
    const claimed = new Set(this.book.document.claims.filter((c) => c.lockId === lockId).map((c) => c.slot));
    const slots = slot === "all" ? [...(found.takenSlots().get(lockId) ?? [])] : [slot];
    found.changedAtKeypad(
      lockId,
      slots.filter((s) => !claimed.has(s)),
    );
    await this.loop.sync();
    return outcome;
  }

  /**
   * A Z-Wave lock said its power was applied (its batteries back in): it may have forgotten its
   * codes though the driver never found it away. Checked as a lock back from being away is — its
   * checksum first, its slots read only where that does not match.
   */
  powerApplied(lockId: LockId): void {
    const lock = this.locks.lockOf(lockId);
    if (!lock || lock.protocol === "matter") return;
    this.deps.log.info(`${lock.name} says its power was applied: checking it still holds Latchkey's codes.`);
    this.locks.recheck([lock]);
  }

  /** Called once for each lock found to have lost Latchkey's codes. */
  onCodesLost(listener: (lost: LostCodes) => Promise<void>): void {
    this.lostListener = listener;
  }

  /** Puts every code a lock lost on its own back on it (an admin's tap). */
  refillLostCodes(lockId: LockId): Promise<{ codeId: string; slot: number }[]> {
    if (!this.locks.hasLock(lockId)) throw new LatchkeyError("not_found", "error.lock_gone");
    return this.thenSync(this.book.refillLost(lockId));
  }

  /**
   * A lock said itself that all its user codes were deleted (Access Control 12: a factory reset at
   * the lock). Where Latchkey's codes were there, they are lost as a lock that forgot them is: held
   * and told once, refilled with one tap or by `refill_lost_codes`. Returns whether any were, now
   * or before and still waiting for their refill (the lock saying it again is no news).
   */
  async allCodesDeletedAtLock(lockId: LockId): Promise<boolean> {
    const lock = this.locks.lockOf(lockId);
    if (!lock) return false;
    const held = await this.book.holdWiped(lockId, this.locks.timeZone);
    if (!held)
      return this.book.document.claims.some((c) => c.lockId === lockId && c.held?.reason === "codes_lost");
    // Someone else's codes went too: those slots are read, so they no longer show as the lock's.
    const claimed = new Set(this.book.document.claims.filter((c) => c.lockId === lockId).map((c) => c.slot));
    const { found } = this.locks;
    found.changedAtKeypad(
      lockId,
      [...(found.takenSlots().get(lockId) ?? [])].filter((s) => !claimed.has(s)),
    );
    await this.tellLost(lock, held);
    await this.loop.sync();
    return true;
  }

  /**
   * After a lock back from being away was read again and listed: if its slots came back empty
   * where Latchkey had confirmed its codes, it has lost them. Its slots are held — not rewritten behind anyone's back,
   * and never in a loop — and told once; with `refill_lost_codes` they are refilled at once,
   * at most once a day per lock.
   */
  private async noticeLostCodes(): Promise<void> {
    for (const lockId of this.locks.takeReread()) {
      const lock = this.locks.lockOf(lockId);
      const listed = this.locks.found.listing(lockId);
      if (!lock || !listed) continue;
      const held = await this.book.holdLost(lock.id, listed, this.locks.timeZone);
      if (held) await this.tellLost(lock, held);
    }
  }

  /** Lost codes held: refilled now if the household lets Latchkey (once a day), and told once. */
  private async tellLost(lock: Lock, held: { codes: Code[]; slots: number[] }): Promise<void> {
    const refilled = this.deps.options.refill_lost_codes && this.book.mayAutoRefill(lock.id);
    if (refilled) await this.book.refillLost(lock.id, { auto: true });
    this.deps.log.warn(
      `${lock.name} lost ${held.slots.length} of Latchkey's codes (slots ${held.slots.join(", ")}); ${refilled ? "refilling them" : "holding them until an admin refills them"}.`,
    );
    await this.lostListener?.({ lockId: lock.id, codes: held.codes, slots: held.slots, refilled });
  }

  /** Resolves when no lock write can make progress right now. For tests and orderly shutdown. */
  async idle(): Promise<void> {
    await this.book.settled();
    await this.loop.idle();
  }

  stop(): void {
    this.loop.stop();
    this.locks.stop();
  }

  private async thenSync<T>(edit: Promise<T>): Promise<T> {
    const result = await edit;
    await this.loop.sync();
    return result;
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
