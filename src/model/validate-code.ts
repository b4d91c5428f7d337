import type { CodeDraft } from "./code";
import { DEFAULT_PIN_LENGTH, type Lock } from "./lock";
import { pinWeakness } from "./pin";
import type { LockId } from "./primitives";

export interface ValidationIssue {
  field: "name" | "pin" | "lockIds";
  message: string;
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
 * contain a PIN: they may end up in logs or toasts.
 */
export function validateCode(
  draft: Pick<CodeDraft, "name" | "pin" | "lockIds">,
  others: readonly ExistingCode[],
  locks: ReadonlyMap<LockId, Lock>,
  editingId?: string,
): CodeValidation {
  const errors: ValidationIssue[] = [];
  const warnings: ValidationIssue[] = [];
  const rivals = others.filter((c) => c.id !== editingId);
  const name = draft.name.trim();

  if (name.length === 0) errors.push({ field: "name", message: "Give the code a name." });
  else if (name.length > 40) errors.push({ field: "name", message: "A name has at most 40 characters." });
  const sameName = rivals.find((c) => c.name.trim().toLocaleLowerCase() === name.toLocaleLowerCase());
  if (sameName) errors.push({ field: "name", message: `There is already a code named “${sameName.name}”.` });

  const unknown = draft.lockIds.filter((id) => !locks.has(id));
  if (unknown.length > 0) errors.push({ field: "lockIds", message: `Unknown lock: ${unknown.join(", ")}.` });
  if (new Set(draft.lockIds).size !== draft.lockIds.length) errors.push({ field: "lockIds", message: "A lock is listed twice." });

  const assigned = draft.lockIds.flatMap((id) => {
    const lock = locks.get(id);
    return lock ? [lock] : [];
  });
  const limits = pinLengthLimits(assigned);
  if (!/^\d+$/.test(draft.pin)) errors.push({ field: "pin", message: "A PIN may contain digits only." });
  else if (limits.min > limits.max) errors.push({ field: "pin", message: "The chosen locks accept no common PIN length; put this code on fewer locks." });
  else if (draft.pin.length < limits.min || draft.pin.length > limits.max) {
    const range = limits.min === limits.max ? `${limits.min}` : `${limits.min}–${limits.max}`;
    errors.push({ field: "pin", message: `The PIN must have ${range} digits for the chosen locks.` });
  }

  for (const rival of rivals) {
    if (rival.pin !== draft.pin) continue;
    const shared = draft.lockIds.filter((id) => rival.lockIds.includes(id));
    if (shared.length === 0) continue;
    const lockNames = shared.map((id) => locks.get(id)?.name ?? id).join(", ");
    errors.push({ field: "pin", message: `“${rival.name}” already uses this PIN on ${lockNames}. Each person needs their own PIN so you know who opened the door.` });
  }

  const weakness = pinWeakness(draft.pin);
  if (weakness && errors.every((e) => e.field !== "pin")) {
    const why = { repeated: "it repeats one digit", sequence: "it is a straight run of digits", common: "it is one of the most common PINs" }[weakness];
    warnings.push({ field: "pin", message: `This PIN is easy to guess: ${why}.` });
  }
  return { errors, warnings };
}
