import { z } from "zod";

const HaErrorSchema = z.object({ code: z.string(), message: z.string() });
/** home-assistant-js-websocket rejects in-flight commands with this frame when the socket closes. */
const LibraryErrorSchema = z.object({ error: z.object({ code: z.number(), message: z.string() }) });
const ERR_CONNECTION_LOST = 3;

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
    const library = LibraryErrorSchema.safeParse(reason);
    if (
      reason === ERR_CONNECTION_LOST ||
      (library.success && library.data.error.code === ERR_CONNECTION_LOST)
    ) {
      return new HaCommandError("connection_lost", "The connection to Home Assistant was lost.");
    }
    return reason instanceof Error
      ? reason
      : new HaCommandError("unknown", "Home Assistant did not answer as expected.");
  }
}

/** Stops the add-on: retrying cannot help (wrong token, non-admin token). */
export class FatalConfigError extends Error {
  override name = "FatalConfigError";
}
