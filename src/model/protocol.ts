import { z } from "zod/mini";
import { ActivityEntrySchema } from "./activity";
import { CodeChangesSchema, CodeDraftSchema, CodeSchema } from "./code";
import { WireErrorSchema, WireIssueSchema, type WireIssue } from "./errors";
import { LockSchema } from "./lock";
import { CodeIdSchema, LockIdSchema, SlotNumberSchema } from "./primitives";
import { HeldSlotSchema, SyncStatusSchema, UnmanagedSlotSchema } from "./slot";

/**
 * Card ↔ add-on protocol. Bump PROTOCOL_VERSION on any breaking change (a new optional field is
 * not one); the add-on refuses clients that speak another version.
 */
export const PROTOCOL_VERSION = 1;

/**
 * What a client understands beyond protocol 1's first release, named in its hello (an add-on
 * that does not know the field drops it). "state_activity": the activity kinds "unlocked" and
 * "locked"; an older card, whose parser would refuse them, never receives those entries.
 */
export const CLIENT_FEATURES = ["state_activity"] as const;

export const HelloSchema = z.object({
  type: z.literal("hello"),
  protocol: z.int(),
  features: z.optional(z.array(z.string())),
  /** Standalone installs: the user's HA access token. Under ingress the proxy names the user. */
  accessToken: z.optional(z.string().check(z.minLength(1))),
});

const request = <T extends string, S extends z.core.$ZodLooseShape>(type: T, shape: S) =>
  z.object({ id: z.int().check(z.minimum(1)), type: z.literal(type), ...shape });

export const RequestSchema = z.discriminatedUnion("type", [
  request("state/subscribe", {}),
  request("codes/create", { draft: CodeDraftSchema }),
  request("codes/update", { codeId: CodeIdSchema, changes: CodeChangesSchema }),
  request("codes/delete", { codeId: CodeIdSchema }),
  request("codes/set_enabled", { codeId: CodeIdSchema, enabled: z.boolean() }),
  request("codes/reveal", { codeId: CodeIdSchema }),
  request("codes/share", {
    codeId: CodeIdSchema,
    /** A notify service such as `notify.sms_gateway` or `notify.mobile_app_pixel`. */
    service: z.string().check(z.regex(/^notify\.[a-z0-9_]+$/, { error: "Choose a notify service such as notify.mobile_app_phone." })),
    /** Recipients for services that take them (an SMS gateway's phone numbers). */
    recipients: z._default(z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.maxLength(10)), []),
    /** A greeting the person wrote; Latchkey adds the PIN, the doors and the validity. */
    note: z._default(z.string().check(z.maxLength(200)), ""),
  }),
  request("unmanaged/adopt", { lockId: LockIdSchema, slot: SlotNumberSchema, name: z.string() }),
  request("unmanaged/clear", { lockId: LockIdSchema, slot: SlotNumberSchema }),
  /** A slot changed at the lock's keypad: keep what the lock now has, or put Latchkey's code back. */
  request("held/resolve", { lockId: LockIdSchema, slot: SlotNumberSchema, keep: z.enum(["lock", "latchkey"]) }),
  request("activity/list", { lockId: z.optional(LockIdSchema), codeId: z.optional(CodeIdSchema), limit: z._default(z.int().check(z.minimum(1), z.maximum(500)), 100) }),
]);
export type Request = z.infer<typeof RequestSchema>;
export type RequestType = Request["type"];

/** What every client sees. PINs are absent; admins fetch one at a time with codes/reveal. */
export const PublicCodeSchema = z.omit(CodeSchema, { pin: true });

export const SnapshotSchema = z.object({
  user: z.object({ name: z.string(), isAdmin: z.boolean() }),
  locks: z.array(LockSchema),
  codes: z.array(PublicCodeSchema),
  /** codeId → lockId → slot Latchkey uses for that pair. */
  slots: z.record(z.string(), z.record(z.string(), SlotNumberSchema)),
  /** codeId → lockId → sync status. */
  sync: z.record(z.string(), z.record(z.string(), SyncStatusSchema)),
  unmanaged: z.array(UnmanagedSlotSchema),
  /** lockId → the newest thing that happened at that door ("Mom unlocked it with the keypad"). */
  lastActivity: z._default(z.record(z.string(), ActivityEntrySchema), {}),
  /** Slots changed at a lock's keypad, waiting for an admin's choice. */
  held: z._default(z.array(HeldSlotSchema), []),
  connected: z.boolean(),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

// A plain union: two members share type "result" (ok true / false), which a discriminated union forbids.
export const ServerMessageSchema = z.union([
  z.object({ type: z.literal("welcome"), protocol: z.literal(PROTOCOL_VERSION), user: z.object({ name: z.string(), isAdmin: z.boolean() }) }),
  z.object({ type: z.literal("result"), id: z.int(), ok: z.literal(true), result: z.unknown() }),
  z.object({ type: z.literal("result"), id: z.int(), ok: z.literal(false), error: WireErrorSchema }),
  z.object({ type: z.literal("snapshot"), snapshot: SnapshotSchema }),
  z.object({ type: z.literal("fatal"), error: WireErrorSchema }),
]);
export type ServerMessage = z.infer<typeof ServerMessageSchema>;

/** A saved code's id and the warnings about it: English `warnings`, and the same as `issues` a card can translate. */
const SavedCodeSchema = z.object({ codeId: CodeIdSchema, warnings: z.array(z.string()), issues: z.optional(z.array(WireIssueSchema)) });

/** Both forms of a save's warnings for the wire. */
export function wireWarnings(issues: readonly WireIssue[]): { warnings: string[]; issues: WireIssue[] } {
  return { warnings: issues.map((i) => i.message), issues: [...issues] };
}

/** Result payloads per request type, so both sides agree on them. */
export const ResultSchemas = {
  "state/subscribe": z.object({ subscribed: z.literal(true) }),
  "codes/create": SavedCodeSchema,
  "codes/update": SavedCodeSchema,
  "codes/delete": z.object({ codeId: CodeIdSchema }),
  "codes/set_enabled": z.object({ codeId: CodeIdSchema }),
  "codes/reveal": z.object({ codeId: CodeIdSchema, pin: z.string() }),
  "codes/share": z.object({ codeId: CodeIdSchema, service: z.string() }),
  "unmanaged/adopt": z.object({ codeId: CodeIdSchema }),
  "unmanaged/clear": z.object({ lockId: LockIdSchema, slot: SlotNumberSchema }),
  "held/resolve": z.object({ lockId: LockIdSchema, slot: SlotNumberSchema }),
  "activity/list": z.object({ entries: z.array(ActivityEntrySchema) }),
} satisfies Record<RequestType, z.ZodMiniType>;
