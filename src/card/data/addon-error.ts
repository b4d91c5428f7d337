import type { ErrorCode, WireError, WireIssue } from "../../model/errors";
import { fillPlaceholders } from "../../model/placeholders";
import type { ProblemValues } from "../../model/problem-texts";
import { CARD_PROBLEM_TEXTS, type CardProblem } from "../i18n/card-problems";

type CardErrorCode = ErrorCode | "disconnected" | "bad_response";

/**
 * A failed add-on request, as data the card can show: code, the English message, the problem's
 * key and values for a translation, and field issues for forms.
 */
export class AddonRequestError extends Error {
  constructor(
    readonly code: CardErrorCode,
    message: string,
    readonly issues: WireIssue[] = [],
    readonly problem?: string,
    readonly values?: ProblemValues,
  ) {
    super(message);
    this.name = "AddonRequestError";
  }

  static fromWire(error: WireError): AddonRequestError {
    return new AddonRequestError(error.code, error.message, error.issues ?? [], error.problem, error.values);
  }

  /** One the card finds itself (no connection, an answer it cannot read). */
  static of(code: CardErrorCode, problem: CardProblem, values: ProblemValues = {}): AddonRequestError {
    return new AddonRequestError(
      code,
      fillPlaceholders(CARD_PROBLEM_TEXTS[problem], values),
      [],
      problem,
      values,
    );
  }
}
