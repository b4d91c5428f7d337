/** Pure builders and parsers for the card ↔ add-on protocol; no IO here. */
import type { z } from "zod/mini";
import {
  CLIENT_FEATURES,
  PROTOCOL_VERSION,
  ServerMessageSchema,
  type ResultSchemas,
  type ServerMessage,
} from "../../model/protocol";
import { type RequestSchema, type RequestType } from "../../model/requests";

export type RequestInput = z.input<typeof RequestSchema>;
/** The parameters of one request type, without the envelope. */
export type RequestParams<T extends RequestType> = Omit<Extract<RequestInput, { type: T }>, "id" | "type">;
export type ResultOf<T extends RequestType> = z.output<(typeof ResultSchemas)[T]>;

/** Who says hello: the HA token (standalone installs) and the person's language. */
export interface HelloDetails {
  accessToken?: string | undefined;
  language?: string | undefined;
}

export function helloMessage({ accessToken, language }: HelloDetails): string {
  return JSON.stringify({
    type: "hello",
    protocol: PROTOCOL_VERSION,
    features: [...CLIENT_FEATURES],
    ...(accessToken ? { accessToken } : {}),
    ...(language ? { language } : {}),
  });
}

export function requestMessage<T extends RequestType>(id: number, type: T, params: RequestParams<T>): string {
  return JSON.stringify({ ...params, id, type });
}

/** Parses one frame from the add-on; null for anything that is not a message we know. */
export function parseServerMessage(data: string): ServerMessage | null {
  let raw: unknown;
  try {
    raw = JSON.parse(data);
  } catch {
    return null;
  }
  const parsed = ServerMessageSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
