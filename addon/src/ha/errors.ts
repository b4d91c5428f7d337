import { z } from "zod";

const HaErrorSchema = z.object({ code: z.string(), message: z.string() });

/** An error frame from HA (`success: false`), e.g. `unknown_command` or `home_assistant_error`. */
export class HaCommandError extends Error {
  override name = "HaCommandError";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  static from(reason: unknown): Error {
    const parsed = HaErrorSchema.safeParse(reason);
    if (parsed.success) return new HaCommandError(parsed.data.code, parsed.data.message);
    if (reason === 3) return new HaCommandError("connection_lost", "The connection to Home Assistant was lost.");
    return reason instanceof Error ? reason : new HaCommandError("unknown", "Home Assistant did not answer as expected.");
  }
}

/** Stops the add-on: retrying cannot help (wrong token, non-admin token). */
export class FatalConfigError extends Error {
  override name = "FatalConfigError";
}
