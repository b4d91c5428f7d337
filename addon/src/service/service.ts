import type { ActivityEntry } from "../../../src/model/activity";
import type { Code, CodeChanges, CodeDraft } from "../../../src/model/code";
import { LatchkeyError } from "../../../src/model/errors";
import type { CodeId, LockId } from "../../../src/model/primitives";
import type { Snapshot } from "../../../src/model/protocol";
import type { HoldReason } from "../../../src/model/slot";
import { isOwnEcho } from "../core/claim-edits";
import type { InterpretContext } from "../core/interpret";
import { buildSnapshot } from "../core/snapshot";
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
import type { LockContentProbe } from "./unknown-slots";

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
  /** How long one lock write may take before it counts as failed. */
  operationTimeoutMs?: number;
  /** The newest activity at each door, for the locks' "last activity" line. */
  lastDoorActivity?: () => readonly ActivityEntry[];
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

  constructor(private readonly deps: ServiceDeps) {
    this.now = deps.now ?? (() => new Date());
    this.locks = new LockDirectory({
      options: deps.options,
      log: deps.log,
      ...(deps.relistMs === undefined ? {} : { relistMs: deps.relistMs }),
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
    this.locks.onRefreshed(() => this.loop.afterRefresh());
  }

  /** Connects the service to HA: read the locks and sync; again after every reconnect. */
  async attach(link: HaLink): Promise<void> {
    this.client = link.client;
    this.locks.connect(link);
    this.loop.connect(link.writer, link.contentProbe);
    link.client.onReconnect(() => {
      this.locks.refreshInBackground();
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
    });
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
