import { CodeDraftSchema, type Code, type CodeChanges, type CodeDraft } from "../../../src/model/code";
import { LatchkeyError } from "../../../src/model/errors";
import type { Lock } from "../../../src/model/lock";
import type { CodeId, LockId } from "../../../src/model/primitives";
import { limitIssues, MAX_CODES } from "../../../src/model/limits";
import { validateCode, type ValidationIssue } from "../../../src/model/validate-code";
import type { SlotClaim } from "../../../src/model/slot-claim";
import type { StoreDocument } from "../store/schema";
import { owningCode } from "./claim-rules";

export interface CommandContext {
  locks: ReadonlyMap<LockId, Lock>;
  now: Date;
  newId: () => CodeId;
}

export interface CommandResult {
  document: StoreDocument;
  codeId: CodeId;
  /** Allowed but worth knowing (a weak PIN). */
  warnings: ValidationIssue[];
}

/** Pure edits of the store document. The reconciler turns the result into lock writes. */
export function createCode(doc: StoreDocument, draft: CodeDraft, ctx: CommandContext): CommandResult {
  if (doc.codes.length >= MAX_CODES)
    throw new LatchkeyError("conflict", "error.too_many_codes", { max: MAX_CODES });
  const warnings = check(doc, draft, ctx);
  const at = ctx.now.toISOString();
  const code: Code = {
    id: ctx.newId(),
    ...draft,
    name: draft.name.trim(),
    uses: 0,
    createdAt: at,
    updatedAt: at,
  };
  return { document: { ...doc, codes: [...doc.codes, code] }, codeId: code.id, warnings };
}

export function updateCode(
  doc: StoreDocument,
  codeId: CodeId,
  changes: CodeChanges,
  ctx: CommandContext,
): CommandResult {
  const current = find(doc, codeId);
  const merged = CodeDraftSchema.parse({ ...current, ...changes });
  const warnings = check(doc, merged, ctx, codeId);
  // A new PIN or new validity starts the use count again; a rename does not.
  const resetUses = merged.pin !== current.pin || merged.rules.maxUses !== current.rules.maxUses;
  const updated: Code = {
    ...current,
    ...merged,
    uses: resetUses ? 0 : current.uses,
    updatedAt: ctx.now.toISOString(),
  };
  return { document: replace(doc, updated), codeId, warnings };
}

export function setEnabled(
  doc: StoreDocument,
  codeId: CodeId,
  enabled: boolean,
  ctx: CommandContext,
): CommandResult {
  const current = find(doc, codeId);
  if (enabled) check(doc, current, ctx, codeId);
  return {
    document: replace(doc, { ...current, enabled, updatedAt: ctx.now.toISOString() }),
    codeId,
    warnings: [],
  };
}

/** Deleting keeps the code's slot claims: the reconciler clears each slot, then releases it. */
export function deleteCode(doc: StoreDocument, codeId: CodeId): CommandResult {
  find(doc, codeId);
  return { document: { ...doc, codes: doc.codes.filter((c) => c.id !== codeId) }, codeId, warnings: [] };
}

/** Takes over a code Latchkey found on a lock: it becomes a named code that owns that slot. */
export function adoptCode(
  doc: StoreDocument,
  lockId: LockId,
  slot: number,
  pin: string,
  name: string,
  ctx: CommandContext,
): CommandResult {
  const here = (c: SlotClaim) => c.lockId === lockId && c.slot === slot;
  const existing = doc.claims.find(here);
  // A slot changed at the keypad after its code was deleted (or its clear was asked) is a
  // person's code again: that claim gives way. Any other claim means Latchkey manages the slot.
  if (existing && !isForeign(existing, doc.codes))
    throw new LatchkeyError("conflict", "error.slot_already_managed");
  const created = createCode(doc, CodeDraftSchema.parse({ name, pin, lockIds: [lockId] }), ctx);
  const at = ctx.now.toISOString();
  const claim: SlotClaim = {
    lockId,
    slot,
    owner: { kind: "code", codeId: created.codeId },
    observed: { status: "set", pin, confirmed: true, verifiedAt: at, via: "lock_report" },
  };
  const others = created.document.claims.filter((c) => !here(c));
  return { ...created, document: { ...created.document, claims: [...others, claim] } };
}

/** A claim whose slot holds what a person set at the keypad, and no Latchkey code owns. */
export function isForeign(claim: SlotClaim, codes: readonly Code[]): boolean {
  return claim.held !== undefined && owningCode(claim, new Map(codes.map((c) => [c.id, c]))) === undefined;
}

/** One more keypad use; at `maxUses` the reconciler takes the code off every lock. */
export function recordUse(doc: StoreDocument, codeId: CodeId): CommandResult {
  const current = find(doc, codeId);
  return { document: replace(doc, { ...current, uses: current.uses + 1 }), codeId, warnings: [] };
}

export function findCode(doc: StoreDocument, codeId: CodeId): Code {
  return find(doc, codeId);
}

function find(doc: StoreDocument, codeId: CodeId): Code {
  const code = doc.codes.find((c) => c.id === codeId);
  if (!code) throw new LatchkeyError("not_found", "error.code_gone");
  return code;
}

function replace(doc: StoreDocument, code: Code): StoreDocument {
  return { ...doc, codes: doc.codes.map((c) => (c.id === code.id ? code : c)) };
}

function check(
  doc: StoreDocument,
  draft: Pick<CodeDraft, "name" | "pin" | "lockIds" | "rules" | "notify">,
  ctx: CommandContext,
  editingId?: CodeId,
): ValidationIssue[] {
  const kept = editingId === undefined ? [] : (doc.codes.find((c) => c.id === editingId)?.lockIds ?? []);
  const result = validateCode(draft, doc.codes, ctx.locks, editingId, kept);
  const errors = [...result.errors, ...limitIssues(draft)];
  if (errors.length > 0) {
    throw LatchkeyError.validationFailed(errors);
  }
  return result.warnings;
}
