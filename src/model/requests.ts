import { z } from "zod/mini";
import { CodeChangesSchema, CodeDraftSchema, InputNameSchema } from "./code";
import { LockAlertsSchema } from "./lock-alerts";
import { CodeIdSchema, IntSchema, LockIdSchema, matches, SlotNumberSchema } from "./primitives";

/**
 * The most a client may send in one message. A card's largest (a code with every rule) is a few
 * KB; the websocket itself refuses frames over 64 KiB (close code 1009).
 */
export const MAX_MESSAGE_BYTES = 32 * 1024;

/** What a client sends: its hello, then requests. The add-on parses these; the card only builds them. */
export const HelloSchema = z.object({
  type: z.literal("hello"),
  protocol: IntSchema,
  features: z.optional(z.array(z.string())),
  /** Standalone installs: the user's HA access token. Under ingress the proxy names the user. */
  accessToken: z.optional(z.string().check(z.minLength(1))),
  /** The person's language tag in HA ("de", "en-GB"): what the add-on reports by key reads in it. */
  language: z.optional(z.string().check(z.minLength(1), z.maxLength(35))),
});

const request = <T extends string, S extends z.core.$ZodLooseShape>(type: T, shape: S) =>
  z.object({ id: IntSchema.check(z.minimum(1)), type: z.literal(type), ...shape });

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
    service: z
      .string()
      .check(matches(/^notify\.[a-z0-9_]+$/, "Choose a notify service such as notify.mobile_app_phone.")),
    /** Recipients for services that take them (an SMS gateway's phone numbers). */
    recipients: z._default(
      z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.maxLength(10)),
      [],
    ),
    /** A greeting the person wrote; Latchkey adds the PIN, the doors and the validity. */
    note: z._default(z.string().check(z.maxLength(200)), ""),
  }),
  request("unmanaged/adopt", { lockId: LockIdSchema, slot: SlotNumberSchema, name: InputNameSchema }),
  request("unmanaged/clear", { lockId: LockIdSchema, slot: SlotNumberSchema }),
  /** A slot changed at the lock's keypad: keep what the lock now has, or put Latchkey's code back. */
  request("held/resolve", {
    lockId: LockIdSchema,
    slot: SlotNumberSchema,
    keep: z.enum(["lock", "latchkey"]),
  }),
  /** Every code a lock lost on its own (a battery swap, a reset) goes back on it. */
  request("held/refill", { lockId: LockIdSchema }),
  /** A lock's own choice of which door events alert; kinds left out follow the household's options. */
  request("locks/set_alerts", { lockId: LockIdSchema, alerts: LockAlertsSchema }),
  request("activity/list", {
    lockId: z.optional(LockIdSchema),
    codeId: z.optional(CodeIdSchema),
    limit: z._default(IntSchema.check(z.minimum(1), z.maximum(500)), 100),
  }),
]);
export type Request = z.infer<typeof RequestSchema>;
export type RequestType = Request["type"];
