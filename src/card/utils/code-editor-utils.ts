/** Pure helpers for the code editor: what to check before sending, and PIN length to generate. */
import type { PublicCode } from "../../model/code";
import type { Lock } from "../../model/lock";
import {
  pinLengthLimits,
  validateCode,
  validationIssue,
  type CodeValidation,
  type ExistingCode,
} from "../../model/validate-code";

export interface EditorDraft {
  name: string;
  /** Empty while editing means "keep the current PIN". */
  pin: string;
  lockIds: string[];
  enabled: boolean;
}

/**
 * Validates a draft against the other codes. The snapshot carries no PINs, so duplicate PINs
 * can only be caught here for codes whose PIN this session has seen (revealed or saved); the
 * add-on checks all of them again.
 */
export function checkDraft(
  draft: EditorDraft,
  codes: readonly PublicCode[],
  knownPins: ReadonlyMap<string, string>,
  locks: readonly Lock[],
  editingId: string | undefined,
): CodeValidation {
  const others: ExistingCode[] = codes.map((c) => ({
    id: c.id,
    name: c.name,
    pin: knownPins.get(c.id) ?? "",
    lockIds: c.lockIds,
  }));
  // A lock the code is on that is missing from HA right now stays on it (the add-on waits for it).
  const kept = codes.find((c) => c.id === editingId)?.lockIds ?? [];
  const result = validateCode(draft, others, new Map(locks.map((l) => [l.id, l])), editingId, kept);
  if (draft.pin !== "") return result;
  // No PIN typed: nothing to compare, and while editing it means "keep the current one".
  const errors = result.errors.filter((e) => e.field !== "pin");
  if (editingId === undefined) errors.push(validationIssue("pin", "validation.pin_missing"));
  return { errors, warnings: [] };
}

/** Six digits when the chosen locks allow it, else the nearest length they accept. */
export function generatedPinLength(locks: readonly Lock[], lockIds: readonly string[]): number {
  const chosen = locks.filter((l) => lockIds.includes(l.id));
  const { min, max } = pinLengthLimits(chosen);
  return Math.max(min, Math.min(6, max));
}

/** A list with the item added, or removed when it was there (checkbox groups). */
export function toggled<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((entry) => entry !== item) : [...list, item];
}

/** HA's own notifications first, then the notify services, then targets HA no longer offers. */
export function notifyTargetChoices(services: readonly string[], current: readonly string[]): string[] {
  return [...new Set(["persistent_notification", ...services, ...current])];
}
