import { randomUUID } from "node:crypto";
import {
  withoutPin,
  type Code,
  type CodeChanges,
  type CodeDraft,
  type PublicCode,
} from "../../../src/model/code";
import type { Lock } from "../../../src/model/lock";
import type { CodeId, LockId } from "../../../src/model/primitives";
import type { HoldReason } from "../../../src/model/slot";
import { ownerCodeId, type SlotClaim, type SlotObservation } from "../../../src/model/slot-claim";
import * as commands from "../core/commands";
import * as edits from "../core/claim-edits";
import * as lockSettings from "../core/lock-settings";
import * as lostCodes from "../core/lost-codes";
import type { LockAlerts } from "../../../src/model/lock-alerts";
import type { StoreDocument } from "../store/schema";

export interface CodeBookDeps {
  /** Saves a document; the book moves on to it only once it is saved. */
  save: (next: StoreDocument) => Promise<void>;
  document: StoreDocument;
  /** The locks a code may be put on, for checking a draft. */
  locks: () => ReadonlyMap<LockId, Lock>;
  now: () => Date;
}

/** What a change of the book may do: read the document as it is now, and commit the next one. */
export interface BookTransaction {
  readonly doc: StoreDocument;
  commit(next: StoreDocument): Promise<void>;
}

/**
 * The codes document — codes and the slots they claim — and the one queue every change of it
 * goes through: a change runs after every earlier one, and is saved before it is acknowledged.
 * Knows nothing of Home Assistant; the sync loop turns what it holds into lock writes.
 */
export class CodeBook {
  private doc: StoreDocument;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly deps: CodeBookDeps) {
    this.doc = deps.document;
  }

  get document(): StoreDocument {
    return this.doc;
  }

  /** Called after every saved change. */
  onCommit(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs `work` after every earlier change; only inside it may the document be committed. */
  transact<T>(work: (tx: BookTransaction) => Promise<T>): Promise<T> {
    const read = () => this.doc;
    const tx: BookTransaction = {
      get doc() {
        return read();
      },
      commit: (next) => this.commit(next),
    };
    const run = this.queue.then(
      () => work(tx),
      () => work(tx),
    );
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Resolves once every change queued so far has run. */
  settled(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  findCode(codeId: CodeId): Code | undefined {
    return this.doc.codes.find((c) => c.id === codeId);
  }

  publicCode(codeId: CodeId): PublicCode | undefined {
    const code = this.findCode(codeId);
    return code ? withoutPin(code) : undefined;
  }

  codeName(codeId: CodeId): string | null {
    return this.findCode(codeId)?.name ?? null;
  }

  /** The code, or the "code gone" error a person sees. */
  requireCode(codeId: CodeId): Code {
    return commands.findCode(this.doc, codeId);
  }

  pins(): string[] {
    return this.doc.codes.map((c) => c.pin);
  }

  /** Which code a slot is for, for naming who used a keypad. */
  codeAt(): (lockId: LockId, slot: number) => CodeId | undefined {
    const owners = new Map(this.doc.claims.map((c) => [`${c.lockId}#${c.slot}`, ownerCodeId(c)]));
    return (lockId, slot) => owners.get(`${lockId}#${slot}`);
  }

  /** The code whose slot is held there, waiting for an admin's choice. */
  heldCodeId(lockId: LockId, slot: number): CodeId | undefined {
    const claim = edits.heldClaim(this.doc, lockId, slot);
    return claim ? ownerCodeId(claim) : undefined;
  }

  createCode(draft: CodeDraft) {
    return this.edit((doc, ctx) => commands.createCode(doc, draft, ctx));
  }
  updateCode(codeId: CodeId, changes: CodeChanges) {
    return this.edit((doc, ctx) => commands.updateCode(doc, codeId, changes, ctx));
  }
  deleteCode(codeId: CodeId) {
    return this.edit((doc) => commands.deleteCode(doc, codeId));
  }
  setEnabled(codeId: CodeId, enabled: boolean) {
    return this.edit((doc, ctx) => commands.setEnabled(doc, codeId, enabled, ctx));
  }
  adoptCode(lockId: LockId, slot: number, pin: string, name: string) {
    return this.edit((doc, ctx) => commands.adoptCode(doc, lockId, slot, pin, name, ctx));
  }

  /** Counts a keypad use of a code (for `maxUses`); returns the code as it is now. */
  async recordUse(codeId: CodeId, counts: boolean): Promise<Code | undefined> {
    if (!counts || !this.findCode(codeId)) return this.findCode(codeId);
    await this.edit((doc) => commands.recordUse(doc, codeId));
    return this.findCode(codeId);
  }

  /**
   * A lock reported a slot (or all of them) changed at its keypad: the claims there are held
   * (core/claim-edits.ts). They are picked inside the queue, from the document as it is then.
   */
  holdChanged(
    lockId: LockId,
    slot: number | "all",
    reason: HoldReason,
    isEcho: (claim: SlotClaim) => boolean,
  ): Promise<{ held: Code[]; echo: boolean }> {
    return this.transact(async (tx) => {
      const outcome = edits.holdChanged(tx.doc, lockId, slot, reason, isEcho, this.deps.now().toISOString());
      if (outcome.document) await tx.commit(outcome.document);
      return { held: outcome.held, echo: outcome.echo };
    });
  }

  resolveHeld(lockId: LockId, slot: number, keep: "lock" | "latchkey"): Promise<void> {
    return this.apply((doc) => edits.resolveHeld(doc, lockId, slot, keep, this.deps.now().toISOString()));
  }

  /** A lock's own alert choices (kinds left out follow the household's options). */
  lockAlerts(lockId: LockId): LockAlerts | undefined {
    return lockSettings.storedLock(this.doc, lockId)?.alerts;
  }

  setLockAlerts(lockId: LockId, alerts: LockAlerts): Promise<void> {
    return this.apply((doc) => lockSettings.setLockAlerts(doc, lockId, alerts));
  }

  /**
   * Holds the slots a lock lost on its own (core/lost-codes.ts), picked inside the queue from the
   * document as it is then. Null when the lock lost nothing.
   */
  holdLost(
    lockId: LockId,
    listed: lostCodes.ListedSlots,
    timeZone: string,
  ): Promise<{ codes: Code[]; slots: number[] } | null> {
    return this.transact(async (tx) => {
      const now = this.deps.now();
      const lost = lostCodes.lostSlots(tx.doc, lockId, listed, now, timeZone);
      if (lost.length === 0) return null;
      const outcome = lostCodes.holdLost(tx.doc, lost, now.toISOString());
      await tx.commit(outcome.document);
      return { codes: outcome.codes, slots: lost.map((c) => c.slot) };
    });
  }

  /**
   * A lock said it deleted all its user codes: the slots of Latchkey's codes there are held as
   * lost (core/lost-codes.ts), the rest known empty. Null when none of Latchkey's codes was there.
   */
  holdWiped(lockId: LockId, timeZone: string): Promise<{ codes: Code[]; slots: number[] } | null> {
    return this.transact(async (tx) => {
      const now = this.deps.now();
      const lost = lostCodes.wipedSlots(tx.doc, lockId, now, timeZone);
      if (lost.length === 0) return null;
      const outcome = lostCodes.holdLost(tx.doc, lost, now.toISOString());
      await tx.commit(lostCodes.markWiped(outcome.document, lockId, now.toISOString()));
      return { codes: outcome.codes, slots: lost.map((c) => c.slot) };
    });
  }

  /** Puts a lock's lost codes back; `auto`: Latchkey did it on its own, which it may once a day. */
  refillLost(lockId: LockId, { auto = false }: { auto?: boolean } = {}) {
    return this.transact(async (tx) => {
      const outcome = lostCodes.refillLost(tx.doc, lockId);
      const document = auto
        ? lockSettings.markAutoRefilled(outcome.document, lockId, this.deps.now().toISOString())
        : outcome.document;
      await tx.commit(document);
      return outcome.refilled;
    });
  }

  /** Whether Latchkey may refill this lock on its own now (at most once a day). */
  mayAutoRefill(lockId: LockId): boolean {
    return lostCodes.mayAutoRefill(
      lockSettings.storedLock(this.doc, lockId)?.autoRefilledAt,
      this.deps.now(),
    );
  }

  claimToClear(lockId: LockId, slot: number): Promise<void> {
    return this.apply((doc) => edits.claimToClear(doc, lockId, slot));
  }

  observe(lockId: LockId, slot: number, observed: SlotObservation): Promise<void> {
    return this.apply((doc) => edits.observe(doc, lockId, slot, observed));
  }

  /** What a slot to be read first holds; returns whether its claim was kept (the slot was empty). */
  readFirstResult(lockId: LockId, slot: number, observed: SlotObservation): Promise<boolean> {
    return this.transact(async (tx) => {
      const outcome = edits.readFirstResult(tx.doc, lockId, slot, observed);
      if (outcome) await tx.commit(outcome.document);
      return outcome?.kept ?? false;
    });
  }

  private apply(edit: (doc: StoreDocument) => StoreDocument): Promise<void> {
    return this.transact(async (tx) => {
      await tx.commit(edit(tx.doc));
    });
  }

  private async edit(
    edit: (doc: StoreDocument, ctx: commands.CommandContext) => commands.CommandResult,
  ): Promise<commands.CommandResult> {
    return this.transact(async (tx) => {
      const outcome = edit(tx.doc, {
        locks: this.deps.locks(),
        now: this.deps.now(),
        newId: () => randomUUID(),
      });
      await tx.commit(outcome.document);
      return outcome;
    });
  }

  private async commit(next: StoreDocument): Promise<void> {
    await this.deps.save(next);
    this.doc = next;
    for (const listener of this.listeners) listener();
  }
}
