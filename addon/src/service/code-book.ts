import { randomUUID } from "node:crypto";
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
import type { HoldReason } from "../../../src/model/slot";
import { ownerCodeId, type SlotClaim, type SlotObservation } from "../../../src/model/slot-claim";
import { owningCode } from "../core/claim-rules";
import * as commands from "../core/commands";
import { isForeign } from "../core/commands";
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
    const claim = this.heldClaim(this.doc, lockId, slot);
    return claim ? ownerCodeId(claim) : undefined;
  }

  isClaimed(lockId: LockId, slot: number): boolean {
    return this.doc.claims.some((c) => c.lockId === lockId && c.slot === slot);
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
   * A lock reported a slot (or all of them) changed at its keypad: the claims there are held,
   * nothing is written to them until an admin chooses. The claims are picked inside the queue,
   * from the document as it is then, and held by lock and slot. A claim whose write has just
   * been confirmed (`isEcho`) is left alone: the report is the echo of Latchkey's own write.
   */
  async holdChanged(
    lockId: LockId,
    slot: number | "all",
    reason: HoldReason,
    isEcho: (claim: SlotClaim) => boolean,
  ): Promise<{ held: Code[]; echo: boolean }> {
    return this.transact(async (tx) => {
      // A slot still to be read was never written: the read finds out what is there now.
      const touched = tx.doc.claims.filter(
        (c) => c.lockId === lockId && (slot === "all" || c.slot === slot) && !c.held && !c.readFirst,
      );
      const affected = new Set(touched.filter((c) => !isEcho(c)).map((c) => c.slot));
      if (affected.size === 0) return { held: [], echo: touched.length > 0 };
      const since = this.deps.now().toISOString();
      const holds = (c: SlotClaim) => c.lockId === lockId && affected.has(c.slot) && !c.held && !c.readFirst;
      const codes = new Map(tx.doc.codes.map((c) => [c.id, c]));
      // Only a code's slot is reported held; a clear-only or orphaned slot becomes a person's code.
      const owners = new Set(tx.doc.claims.filter(holds).flatMap((c) => owningCode(c, codes)?.id ?? []));
      await tx.commit({
        ...tx.doc,
        claims: tx.doc.claims.map((c) =>
          holds(c) ? { ...c, held: { reason, since }, observed: { status: "unknown" } } : c,
        ),
      });
      return { held: tx.doc.codes.filter((code) => owners.has(code.id)), echo: false };
    });
  }

  /** An admin's choice for a held slot: restore Latchkey's code there, or let the lock keep its own. */
  async resolveHeld(lockId: LockId, slot: number, keep: "lock" | "latchkey"): Promise<void> {
    await this.transact(async (tx) => {
      const claim = this.heldClaim(tx.doc, lockId, slot);
      const codeId = claim ? ownerCodeId(claim) : undefined;
      if (!claim || codeId === undefined) throw new LatchkeyError("not_found", "error.slot_not_held");
      if (keep === "latchkey") {
        await tx.commit({
          ...tx.doc,
          claims: tx.doc.claims.map((c) => (c === claim ? { ...c, held: undefined } : c)),
        });
        return;
      }
      // The code leaves that lock; the slot stays as the lock has it and is no longer Latchkey's.
      const codes = tx.doc.codes.map((code) =>
        code.id === codeId
          ? {
              ...code,
              lockIds: code.lockIds.filter((id) => id !== lockId),
              updatedAt: this.deps.now().toISOString(),
            }
          : code,
      );
      await tx.commit({ ...tx.doc, codes, claims: tx.doc.claims.filter((c) => c !== claim) });
    });
  }

  /**
   * Claims a slot only to clear it: a code Latchkey found there (unmanaged), or one a person
   * set at the keypad in a slot whose Latchkey code is gone.
   */
  async claimToClear(lockId: LockId, slot: number): Promise<void> {
    await this.transact(async (tx) => {
      const here = (c: SlotClaim) => c.lockId === lockId && c.slot === slot;
      const existing = tx.doc.claims.find(here);
      if (existing && !isForeign(existing, tx.doc.codes))
        throw new LatchkeyError("conflict", "error.slot_managed");
      const claim: SlotClaim = { lockId, slot, owner: { kind: "clear" }, observed: { status: "unknown" } };
      await tx.commit({ ...tx.doc, claims: [...tx.doc.claims.filter((c) => !here(c)), claim] });
    });
  }

  /** What a write found the slot to hold. */
  async observe(lockId: LockId, slot: number, observed: SlotObservation): Promise<void> {
    await this.transact(async (tx) => {
      const claims = tx.doc.claims.map((c) =>
        c.lockId === lockId && c.slot === slot ? { ...c, observed } : c,
      );
      await tx.commit({ ...tx.doc, claims });
    });
  }

  /**
   * What a slot picked on a lock that cannot list its codes was read to hold. Empty: it is the
   * code's, and written next. Anything else: someone's code is there, and the claim goes (the
   * code gets another slot). Returns whether the claim was kept.
   */
  async readFirstResult(lockId: LockId, slot: number, observed: SlotObservation): Promise<boolean> {
    return this.transact(async (tx) => {
      const claim = tx.doc.claims.find((c) => c.lockId === lockId && c.slot === slot && c.readFirst);
      if (!claim) return false;
      const keep = observed.status === "empty";
      const claims = keep
        ? tx.doc.claims.map((c) => (c === claim ? { ...c, observed, readFirst: undefined } : c))
        : tx.doc.claims.filter((c) => c !== claim);
      await tx.commit({ ...tx.doc, claims });
      return keep;
    });
  }

  private heldClaim(doc: StoreDocument, lockId: LockId, slot: number): SlotClaim | undefined {
    const codes = new Map(doc.codes.map((c) => [c.id, c]));
    return doc.claims.find((c) => c.lockId === lockId && c.slot === slot && c.held && owningCode(c, codes));
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
