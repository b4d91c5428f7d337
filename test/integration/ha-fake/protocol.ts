// Wire shapes of Home Assistant's websocket API as sent by HA 2024.3.3
// (homeassistant/components/websocket_api/{messages.py,const.py,auth.py}).
// Incoming frames are parsed with zod; outgoing frames are built only here.
import { z } from "zod";

export const HA_VERSION_PINNED = "2024.3.3";
/** What the "newest" profile models (the real-stack's primary target). */
export const HA_VERSION_NEWEST = "2026.11.0";

/** Error codes from websocket_api/const.py (ERR_*). */
export type HaErrorCode =
  | "id_reuse"
  | "invalid_format"
  | "not_allowed"
  | "not_found"
  | "not_supported"
  | "home_assistant_error"
  | "service_validation_error"
  | "unknown_command"
  | "unknown_error"
  | "unauthorized"
  | "timeout"
  | "not_loaded"
  // config/auth.py and auth/__init__.py answer with codes of their own:
  | "no_delete_self"
  | "cannot_modify_system_generated"
  | "invalid_token_id";

export interface Translation {
  key: string;
  domain: string;
  placeholders: Record<string, string>;
}

/** A failure a handler reports; turned into a wire error in exactly one place (errorFrame). */
export class HaError extends Error {
  constructor(
    readonly code: HaErrorCode,
    message: string,
    readonly translation?: Translation,
  ) {
    super(message);
    this.name = "HaError";
  }
}

/** Context as serialised by core.py Context._as_dict. */
export interface HaContext {
  id: string;
  parent_id: string | null;
  user_id: string | null;
}

export const jsonObject = z.record(z.string(), z.unknown());
export type JsonObject = z.infer<typeof jsonObject>;

// connection.py ActiveConnection.async_handle: id must be a truthy int and type a non-empty string.
export const commandFrame = z.looseObject({ id: z.number().int().positive(), type: z.string().min(1) });
export type CommandFrame = z.infer<typeof commandFrame>;

// auth.py AUTH_MESSAGE_SCHEMA.
export const authFrame = z.looseObject({
  type: z.literal("auth"),
  access_token: z.string().optional(),
  api_password: z.string().optional(),
});

export function authRequired(version: string): JsonObject {
  return { type: "auth_required", ha_version: version };
}
export function authOk(version: string): JsonObject {
  return { type: "auth_ok", ha_version: version };
}
export function authInvalid(message: string): JsonObject {
  return { type: "auth_invalid", message };
}

// messages.py result_message
export function resultFrame(id: number, result: unknown = null): JsonObject {
  return { id, type: "result", success: true, result };
}

// messages.py error_message: translation keys appear only when a translation_key exists.
export function errorFrame(id: number | null, err: HaError): JsonObject {
  const error: JsonObject = { code: err.code, message: err.message };
  if (err.translation) {
    error.translation_key = err.translation.key;
    error.translation_placeholders = err.translation.placeholders;
    error.translation_domain = err.translation.domain;
  }
  return { id, type: "result", success: false, error };
}

export function eventFrame(id: number, event: unknown): JsonObject {
  return { id, type: "event", event };
}

export function pongFrame(id: number): JsonObject {
  return { id, type: "pong" };
}

/**
 * voluptuous' humanize_error appends ". Got <python repr of the offending item>"; we cannot
 * reproduce Python reprs faithfully, so contract tests should compare only the code and the
 * message prefix.
 */
export function invalidFormat(text: string, offending: unknown): HaError {
  const got = offending === undefined ? "None" : JSON.stringify(offending);
  return new HaError("invalid_format", `${text}. Got ${got}`);
}
