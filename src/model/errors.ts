import { z } from "zod/mini";
import type { $ZodError } from "zod/v4/core";
import { fillPlaceholders } from "./placeholders";
import { ERROR_TEXTS, type ErrorProblem, type ProblemValues } from "./problem-texts";

/** Every error the add-on sends, as data. Messages are for people and never contain a PIN. */
export const ErrorCodeSchema = z.enum([
  "invalid_message",
  "unsupported_protocol",
  "unauthenticated",
  "forbidden",
  "not_found",
  "validation_failed",
  "conflict",
  "unavailable",
  "internal",
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/** Added to protocol 1 as optional fields: a key such as "error.code_gone" and its values, so a client can translate. */
export const problemFields = {
  /** A client shows `message` for a key it does not know. */
  problem: z.optional(z.string()),
  values: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
};

/** One field's problem, for forms. */
export const WireIssueSchema = z.object({
  field: z.string(),
  /** English, for clients that do not know `problem`. */
  message: z.string(),
  ...problemFields,
});
export type WireIssue = z.infer<typeof WireIssueSchema>;

export const WireErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  ...problemFields,
  /** Field-level problems for forms (validation_failed). */
  issues: z.optional(z.array(WireIssueSchema)),
});
export type WireError = z.infer<typeof WireErrorSchema>;

/** The one error class the add-on throws for expected failures; turned into a WireError in one place. */
export class LatchkeyError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly problem: ErrorProblem | null,
    readonly values: ProblemValues = {},
    readonly issues?: WireIssue[],
    message = problem ? fillPlaceholders(ERROR_TEXTS[problem], values) : code,
  ) {
    super(message);
    this.name = "LatchkeyError";
  }

  /** A draft that cannot be saved: every field's problem, and all of them as the message. */
  static validationFailed(issues: WireIssue[]): LatchkeyError {
    return new LatchkeyError("validation_failed", null, {}, issues, issues.map((i) => i.message).join(" "));
  }

  toWire(): WireError {
    return {
      code: this.code,
      message: this.message,
      ...(this.problem ? { problem: this.problem, values: this.values } : {}),
      ...(this.issues ? { issues: this.issues } : {}),
    };
  }
}

/** A wire error for a problem by key, for errors sent without throwing (a refused connection). */
export function wireError(code: ErrorCode, problem: ErrorProblem, values: ProblemValues = {}): WireError {
  return new LatchkeyError(code, problem, values).toWire();
}

/** Turns zod's issues into one sentence a person can act on, after a lead such as "The request is not valid". */
export function describeZodError(error: $ZodError, lead: string): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    // Messages written as sentences end in a full stop already; the joined text ends in one.
    return `${where}${issue.message.replace(/\.$/, "")}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : "";
  return `${lead} — ${parts.join("; ")}${more}.`;
}
