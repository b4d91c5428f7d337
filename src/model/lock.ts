import { z } from "zod/mini";
import { IntSchema, LockIdSchema } from "./primitives";

export const NodeStatusSchema = z.enum(["alive", "dead", "asleep", "awake", "unknown"]);
export type NodeStatus = z.infer<typeof NodeStatusSchema>;

/** PIN length limits where the lock does not say (most Z-Wave locks accept 4–8). */
export const DEFAULT_PIN_LENGTH = { min: 4, max: 8 } as const;
export const DEFAULT_SLOT_COUNT = 30;

/** How Home Assistant reaches a lock: its Z-Wave JS integration, or its Matter integration. */
export const LockProtocolSchema = z.enum(["zwave", "matter"]);
export type LockProtocol = z.infer<typeof LockProtocolSchema>;

/** A lock as the add-on discovered it in Home Assistant (Z-Wave JS, or Matter on HA 2026.4+). */
export const LockSchema = z.object({
  id: LockIdSchema,
  deviceId: z.string().check(z.minLength(1)),
  nodeId: z.optional(IntSchema.check(z.minimum(1))),
  name: z.string(),
  area: z.nullable(z.string()),
  /** False when HA shows the entity as unavailable. */
  available: z.boolean(),
  nodeStatus: NodeStatusSchema,
  slotCount: IntSchema.check(z.minimum(1), z.maximum(65535)),
  /** Where the slot count came from: the lock itself, or the per-lock setting / default. */
  slotCountSource: z.enum(["lock", "setting"]),
  pinLength: z.object({ min: IntSchema.check(z.minimum(1)), max: IntSchema.check(z.minimum(1)) }),
  /** Absent from add-ons before Matter support: a Z-Wave lock. */
  protocol: z.optional(LockProtocolSchema),
});
export type Lock = z.infer<typeof LockSchema>;

/** A lock that can take writes now. Battery locks that sleep still queue their writes. */
export function isReachable(lock: Lock): boolean {
  return lock.available && lock.nodeStatus !== "dead";
}
