/** What went wrong, in the person's language where the card knows the problem. Pure. */
import { isProblem, type ProblemValues } from "../model/problem-texts";
import { AddonRequestError } from "./data/addon-error";
import type { Translate } from "./i18n";

/** Something the add-on or the card found; a key this card does not know shows the add-on's English. */
export function problemText(found: { message: string; problem?: string | undefined; values?: ProblemValues | undefined }, t: Translate): string {
  return found.problem !== undefined && isProblem(found.problem) ? t(found.problem, found.values) : found.message;
}

/** For a toast: the add-on's errors translated, anything else (HA's own errors) as it came. */
export function errorMessage(error: unknown, t: Translate): string {
  if (error instanceof AddonRequestError) return problemText(error, t);
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error !== null && "message" in error && typeof error.message === "string") return error.message;
  return String(error);
}
