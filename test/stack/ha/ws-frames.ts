// HA websocket frames (server → client), as zod schemas.
import { z } from "zod";

export const AuthFrame = z.discriminatedUnion("type", [
  z.object({ type: z.literal("auth_required"), ha_version: z.string() }),
  z.object({ type: z.literal("auth_ok"), ha_version: z.string() }),
  z.object({ type: z.literal("auth_invalid"), message: z.string() }),
]);

export const HaErrorBody = z.object({ code: z.string(), message: z.string() });

export const ResultFrame = z.discriminatedUnion("success", [
  z.object({ id: z.number(), type: z.literal("result"), success: z.literal(true), result: z.unknown() }),
  z.object({ id: z.number(), type: z.literal("result"), success: z.literal(false), error: HaErrorBody }),
]);

export const EventFrame = z.object({ id: z.number(), type: z.literal("event"), event: z.unknown() });
export const PongFrame = z.object({ id: z.number(), type: z.literal("pong") });

export const ServerFrame = z.union([ResultFrame, EventFrame, PongFrame]);
export type ServerFrame = z.infer<typeof ServerFrame>;

/** The `event` of a subscribe_events subscription. */
export const HaEvent = z.object({
  event_type: z.string(),
  data: z.record(z.string(), z.unknown()),
  origin: z.string(),
  time_fired: z.string(),
  context: z.object({ id: z.string(), parent_id: z.string().nullable(), user_id: z.string().nullable() }),
});
export type HaEvent = z.infer<typeof HaEvent>;

/** A result frame with success:false, turned into an exception. */
export class HaWsError extends Error {
  constructor(
    readonly command: string,
    readonly code: string,
    readonly haMessage: string,
  ) {
    super(`${command} failed: ${code}: ${haMessage}`);
    this.name = "HaWsError";
  }
}
