/** What went wrong, in the person's language where the card knows the problem. Pure. */
import type { ProblemValues } from "../../model/problem-texts";
import { AddonRequestError } from "../data/addon-error";
import type { Translate } from "../i18n/card-translations";

/** Problem keys, as opposed to the card's other texts: a report must not be able to show "Lock all". */
const PROBLEM_KEY = /^(validation|error)\./;

/**
 * Something the add-on or the card found, in the person's language: the card's own text for a
 * form's problem or its own, otherwise the message as the add-on worded it for this card.
 */
export function problemText(
  found: { message: string; problem?: string | undefined; values?: ProblemValues | undefined },
  t: Translate,
): string {
  const key = found.problem;
  return (
    (key !== undefined && PROBLEM_KEY.test(key) ? t.lookup(key, found.values) : undefined) ?? found.message
  );
}

/** For a toast: the add-on's errors translated, anything else (HA's own errors) as it came. */
export function errorMessage(error: unknown, t: Translate): string {
  if (error instanceof AddonRequestError) return problemText(error, t);
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error !== null && "message" in error && typeof error.message === "string")
    return error.message;
  return String(error);
}
