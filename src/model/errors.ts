import { z } from "zod/mini";
import type { $ZodError } from "zod/v4/core";

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

/** One field's problem. `problem` and `values` (added in protocol 1 as optional) let a client translate it. */
export const WireIssueSchema = z.object({
  field: z.string(),
  /** English, for clients that do not know `problem`. */
  message: z.string(),
  /** A key such as "validation.name_taken"; a client shows `message` for a key it does not know. */
  problem: z.optional(z.string()),
  values: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
});
export type WireIssue = z.infer<typeof WireIssueSchema>;

export const WireErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  /** Field-level problems for forms (validation_failed). */
  issues: z.optional(z.array(WireIssueSchema)),
});
export type WireError = z.infer<typeof WireErrorSchema>;

/** The one error class the add-on throws for expected failures; turned into a WireError in one place. */
export class LatchkeyError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: WireIssue[],
  ) {
    super(message);
    this.name = "LatchkeyError";
  }

  toWire(): WireError {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}

/** Turns zod's issues into one sentence a person can act on, after a lead such as "The request is not valid". */
export function describeZodError(error: $ZodError, lead: string): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    return `${where}${issue.message}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : "";
  return `${lead} — ${parts.join("; ")}${more}.`;
}
