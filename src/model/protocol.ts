import { z } from "zod/mini";
import { ActivityEntrySchema } from "./activity";
import { PublicCodeSchema } from "./code";
import { WireErrorSchema, WireIssueSchema, type WireIssue } from "./errors";
import { LockSchema } from "./lock";
import { AlertChoicesSchema } from "./lock-alerts";
import { CodeIdSchema, IntSchema, LockIdSchema, SlotNumberSchema } from "./primitives";
import type { RequestType } from "./requests";
import { OffReasonSchema } from "./rules";
import { ClearingSlotSchema, HeldSlotSchema, SyncStatusSchema, UnmanagedSlotSchema } from "./slot";

/**
 * Card ↔ add-on protocol: what the add-on sends (what clients send is in ./requests, so each side
 * bundles only the parser for the other side's messages). Bump PROTOCOL_VERSION on any breaking
 * change (a new optional field is not one); the add-on refuses clients that speak another version.
 */
export const PROTOCOL_VERSION = 1;

/**
 * What a client understands beyond protocol 1's first release, named in its hello (an add-on
 * that does not know the field drops it). "state_activity": the activity kinds "unlocked" and
 * "locked"; an older card, whose parser would refuse them, never receives those entries.
 * "ha_code_changes": codes changed by someone else through HA (hold reasons changed_in_ha /
 * removed_in_ha and their activity kinds); an older card sees them as changes at the keypad.
 * "alert_activity": the kinds of ALERT_ACTIVITY_KINDS (wrong codes, codes expired or used up),
 * which an older card never receives. "lost_codes": the hold reason codes_lost (an older card sees
 * it as removed at the keypad) and the activity kind codes_lost_at_lock, and `alerts` per lock.
 */
export const CLIENT_FEATURES = ["state_activity", "ha_code_changes", "alert_activity", "lost_codes"] as const;

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
  /** Slots Latchkey is clearing (an admin's request, a deleted code), until they are empty. */
  clearing: z._default(z.array(ClearingSlotSchema), []),
  /**
   * codeId → why that code is off its locks now (disabled, outside its hours, …): its slots are
   * emptied, so "synced" means the lock no longer holds it. Codes on their locks are absent.
   */
  offLocks: z._default(z.record(z.string(), OffReasonSchema), {}),
  /** lockId → which door events alert there now (the household's options and the lock's own choices). */
  alerts: z._default(z.record(z.string(), AlertChoicesSchema), {}),
  connected: z.boolean(),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

// A plain union: two members share type "result" (ok true / false), which a discriminated union forbids.
export const ServerMessageSchema = z.union([
  z.object({
    type: z.literal("welcome"),
    protocol: z.literal(PROTOCOL_VERSION),
    user: z.object({ name: z.string(), isAdmin: z.boolean() }),
  }),
  z.object({ type: z.literal("result"), id: IntSchema, ok: z.literal(true), result: z.unknown() }),
  z.object({ type: z.literal("result"), id: IntSchema, ok: z.literal(false), error: WireErrorSchema }),
  z.object({ type: z.literal("snapshot"), snapshot: SnapshotSchema }),
  z.object({ type: z.literal("fatal"), error: WireErrorSchema }),
]);
export type ServerMessage = z.infer<typeof ServerMessageSchema>;

/** A saved code's id and the warnings about it: English `warnings`, and the same as `issues` a card can translate. */
const SavedCodeSchema = z.object({
  codeId: CodeIdSchema,
  warnings: z.array(z.string()),
  issues: z.optional(z.array(WireIssueSchema)),
});

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
  "held/refill": z.object({ lockId: LockIdSchema, slots: z.array(SlotNumberSchema) }),
  "locks/set_alerts": z.object({ lockId: LockIdSchema, alerts: AlertChoicesSchema }),
  "activity/list": z.object({ entries: z.array(ActivityEntrySchema) }),
} satisfies Record<RequestType, z.ZodMiniType>;
