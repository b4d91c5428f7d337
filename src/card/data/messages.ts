/** Pure builders and parsers for the card ↔ add-on protocol; no IO here. */
import { z } from "zod";
import { WireErrorSchema } from "../../model/errors";
import { PROTOCOL_VERSION, SnapshotSchema, type RequestSchema, type RequestType, type ResultSchemas, type ServerMessage } from "../../model/protocol";

export type RequestInput = z.input<typeof RequestSchema>;
/** The parameters of one request type, without the envelope. */
export type RequestParams<T extends RequestType> = Omit<Extract<RequestInput, { type: T }>, "id" | "type">;
export type ResultOf<T extends RequestType> = z.output<(typeof ResultSchemas)[T]>;

export function helloMessage(accessToken: string | undefined): string {
  return JSON.stringify(accessToken ? { type: "hello", protocol: PROTOCOL_VERSION, accessToken } : { type: "hello", protocol: PROTOCOL_VERSION });
}

export function requestMessage<T extends RequestType>(id: number, type: T, params: RequestParams<T>): string {
  return JSON.stringify({ ...params, id, type });
}

const UserSchema = z.object({ name: z.string(), isAdmin: z.boolean() });

/**
 * Same shapes as the model's ServerMessageSchema, as a plain union: zod 4 refuses the model's
 * discriminated union at parse time because two members share the "result" discriminator.
 */
const ServerFrameSchema = z.union([
  z.object({ type: z.literal("welcome"), protocol: z.literal(PROTOCOL_VERSION), user: UserSchema }),
  z.object({ type: z.literal("result"), id: z.number().int(), ok: z.literal(true), result: z.unknown() }),
  z.object({ type: z.literal("result"), id: z.number().int(), ok: z.literal(false), error: WireErrorSchema }),
  z.object({ type: z.literal("snapshot"), snapshot: SnapshotSchema }),
  z.object({ type: z.literal("fatal"), error: WireErrorSchema }),
]);

/** Parses one frame from the add-on; null for anything that is not a message we know. */
export function parseServerMessage(data: string): ServerMessage | null {
  let raw: unknown;
  try {
    raw = JSON.parse(data);
  } catch {
    return null;
  }
  const parsed = ServerFrameSchema.safeParse(raw);
  if (!parsed.success) return null;
  const message: ServerMessage = parsed.data;
  return message;
}
