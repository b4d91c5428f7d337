import { MAX_NAME_LENGTH, type CodeDraft } from "./code";
import { DEFAULT_PIN_LENGTH, type Lock } from "./lock";
import { hasUnseenCharacters, nameKey, normalizeName } from "./names";
import { pinWeakness } from "./pin";
import { fillPlaceholders } from "./placeholders";
import type { LockId } from "./primitives";
import { VALIDATION_TEXTS, type ProblemValues, type ValidationProblem } from "./problem-texts";

export interface ValidationIssue {
  field: "name" | "pin" | "lockIds" | "rules" | "notify";
  problem: ValidationProblem;
  values: ProblemValues;
  /** The English text, for logs and for clients that do not translate. */
  message: string;
}

/** An issue with its English message filled in. */
export function validationIssue(
  field: ValidationIssue["field"],
  problem: ValidationProblem,
  values: ProblemValues = {},
): ValidationIssue {
  return { field, problem, values, message: fillPlaceholders(VALIDATION_TEXTS[problem], values) };
}

export interface CodeValidation {
  /** Blocking: nothing is written while there is one. */
  errors: ValidationIssue[];
  /** Allowed, but the person should know (weak PIN). */
  warnings: ValidationIssue[];
}

/** The other codes the draft is checked against (the code being edited is excluded by id). */
export interface ExistingCode {
  id: string;
  name: string;
  pin: string;
  lockIds: readonly LockId[];
}

/** PIN length limits that every given lock accepts. */
export function pinLengthLimits(locks: readonly Lock[]): { min: number; max: number } {
  if (locks.length === 0) return { ...DEFAULT_PIN_LENGTH };
  return {
    min: Math.max(...locks.map((l) => l.pinLength.min)),
    max: Math.min(...locks.map((l) => l.pinLength.max)),
  };
}

/**
 * Checks a draft against the other codes and the locks it is ticked onto. Messages never
 * contain a PIN: they may end up in logs or toasts. `keptLockIds`: locks the code is already
 * on, which may be missing from HA for a while (entity disabled, node re-interviewed); they
 * stay accepted, and the edit waits for them like for any offline lock.
 */
export function validateCode(
  draft: Pick<CodeDraft, "name" | "pin" | "lockIds">,
  others: readonly ExistingCode[],
  locks: ReadonlyMap<LockId, Lock>,
  editingId?: string,
  keptLockIds: readonly LockId[] = [],
): CodeValidation {
  const errors: ValidationIssue[] = [];
  const warnings: ValidationIssue[] = [];
  const rivals = others.filter((c) => c.id !== editingId);
  const name = normalizeName(draft.name);

  if (name.length === 0) errors.push(validationIssue("name", "validation.name_missing"));
  else if (name.length > MAX_NAME_LENGTH)
    errors.push(validationIssue("name", "validation.name_too_long", { max: MAX_NAME_LENGTH }));
  if (hasUnseenCharacters(name)) errors.push(validationIssue("name", "validation.name_unseen_characters"));
  // "Ｍｏｍ" beside "Mom", "MOM" beside "mom": the same name to whoever reads a notification.
  const key = nameKey(name);
  const sameName = rivals.find((c) => nameKey(c.name) === key);
  if (sameName) errors.push(validationIssue("name", "validation.name_taken", { name: sameName.name }));

  const unknown = draft.lockIds.filter((id) => !locks.has(id) && !keptLockIds.includes(id));
  if (unknown.length > 0)
    errors.push(validationIssue("lockIds", "validation.lock_unknown", { locks: unknown.join(", ") }));
  if (new Set(draft.lockIds).size !== draft.lockIds.length)
    errors.push(validationIssue("lockIds", "validation.lock_twice"));

  const assigned = draft.lockIds.flatMap((id) => {
    const lock = locks.get(id);
    return lock ? [lock] : [];
  });
  const limits = pinLengthLimits(assigned);
  if (!/^\d+$/.test(draft.pin)) errors.push(validationIssue("pin", "validation.pin_not_digits"));
  else if (limits.min > limits.max) errors.push(validationIssue("pin", "validation.pin_no_common_length"));
  else if (draft.pin.length < limits.min || draft.pin.length > limits.max) {
    const range = limits.min === limits.max ? `${limits.min}` : `${limits.min}–${limits.max}`;
    errors.push(validationIssue("pin", "validation.pin_length", { range }));
  }

  for (const rival of rivals) {
    if (rival.pin !== draft.pin) continue;
    const shared = draft.lockIds.filter((id) => rival.lockIds.includes(id));
    if (shared.length === 0) continue;
    const lockNames = shared.map((id) => locks.get(id)?.name ?? id).join(", ");
    errors.push(validationIssue("pin", "validation.pin_taken", { name: rival.name, locks: lockNames }));
  }

  const weakness = pinWeakness(draft.pin);
  if (weakness && errors.every((e) => e.field !== "pin"))
    warnings.push(validationIssue("pin", `validation.pin_weak_${weakness}`));
  return { errors, warnings };
}
