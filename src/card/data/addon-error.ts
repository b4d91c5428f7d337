import type { ErrorCode, WireError, WireIssue } from "../../model/errors";

/** A failed add-on request, as data the card can show: code, message, and field issues for forms. */
export class AddonRequestError extends Error {
  readonly code: ErrorCode | "disconnected" | "bad_response";
  readonly issues: WireIssue[];

  constructor(code: ErrorCode | "disconnected" | "bad_response", message: string, issues: WireIssue[] = []) {
    super(message);
    this.name = "AddonRequestError";
    this.code = code;
    this.issues = issues;
  }

  static fromWire(error: WireError): AddonRequestError {
    return new AddonRequestError(error.code, error.message, error.issues ?? []);
  }
}
