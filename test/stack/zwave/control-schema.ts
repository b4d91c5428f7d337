// The mock's HTTP control protocol, shared by the server (mock process) and the typed client.
// zod parses both directions so neither side trusts JSON it did not produce.
import { z } from "zod";

const nodeId = z.number().int().min(1).max(232);
const slot = z.number().int().min(1).max(255);
const lockAction = z.enum(["unlock", "lock"]);

export const KeypadRequest = z.object({ node: nodeId, slot, action: lockAction });
export const ActionRequest = z.object({ node: nodeId, action: lockAction });
export const JamRequest = z.object({ node: nodeId });
export const BatteryRequest = z.object({ node: nodeId, level: z.number().int().min(0).max(100) });
export const KeypadCodeRequest = z.object({
  node: nodeId,
  slot,
  // User Code CC allows 4–10 ASCII digits on these locks; null empties the slot.
  code: z
    .string()
    .regex(/^[0-9]{4,10}$/, "code must be 4-10 digits")
    .nullable(),
});
export const ResetCodesRequest = z.object({
  node: nodeId.optional(),
  /** Then say so, as a lock does after a factory reset: Access Control 12 "All user codes deleted". */
  report: z.boolean().default(false),
});
/** Any Access Control (Notification type 6) event, as the lock would send it; userId where it names a slot. */
export const AccessEventRequest = z.object({
  node: nodeId,
  event: z.number().int().min(1).max(254),
  userId: slot.optional(),
});

/** A lock goes away (answers nothing: batteries out) or comes back (and says so with a battery report). */
export const AwayRequest = z.object({ node: nodeId, away: z.boolean() });
export type AwayRequest = z.infer<typeof AwayRequest>;

/**
 * The lock says its power was applied (Notification type 8 "Power Management", event 1 "Power has
 * been applied"), as a real lock does after its batteries went back in.
 */
export const PowerAppliedRequest = z.object({
  node: nodeId,
  /** Instead, the lock sets its power status back to idle (event 0, parameter 1), as some locks do later. */
  idle: z.boolean().default(false),
});
export type PowerAppliedRequest = z.input<typeof PowerAppliedRequest>;

/** Switches a User Code lock's quirks (test/stack/zwave/mock-quirks.ts); what is left out is off. */
export const QuirksRequest = z.object({
  node: nodeId,
  maskPins: z.enum(["stars", "zeros"]).nullable().default(null),
  refuseDuplicates: z.boolean().default(false),
  silent: z.boolean().default(false),
});

export type QuirksRequest = z.input<typeof QuirksRequest>;
export type KeypadRequest = z.infer<typeof KeypadRequest>;
export type ActionRequest = z.infer<typeof ActionRequest>;
export type JamRequest = z.infer<typeof JamRequest>;
export type BatteryRequest = z.infer<typeof BatteryRequest>;
export type KeypadCodeRequest = z.infer<typeof KeypadCodeRequest>;
export type ResetCodesRequest = z.input<typeof ResetCodesRequest>;
export type AccessEventRequest = z.infer<typeof AccessEventRequest>;

export const ActionResponse = z.object({ ok: z.literal(true), did: z.string() });
export type ActionResponse = z.infer<typeof ActionResponse>;

export const ErrorResponse = z.object({ ok: z.literal(false), error: z.string() });

export const SlotState = z.object({
  status: z.enum(["enabled", "disabled", "messaging", "passage"]),
  code: z.string(),
});
export const NodeState = z.object({
  node: z.number().int(),
  name: z.string(),
  /** Occupied slots only, keyed by slot number as a string. */
  slots: z.record(z.string(), SlotState),
  doorLock: z.enum(["locked", "unlocked"]),
  battery: z.number().int(),
});
export const StateResponse = z.object({ nodes: z.array(NodeState) });
export type NodeState = z.infer<typeof NodeState>;
export type StateResponse = z.infer<typeof StateResponse>;

/** "to_node": controller → lock; "from_node": lock → controller. */
export const FrameDirection = z.enum(["to_node", "from_node"]);
export type FrameDirection = z.infer<typeof FrameDirection>;
/** Radio frames counted in one (node, direction, command class); ACK frames count as "ACK". */
export const FrameCount = z.object({
  node: z.number().int(),
  direction: FrameDirection,
  commandClass: z.string(),
  frames: z.number().int().min(0),
});
export type FrameCount = z.infer<typeof FrameCount>;
export const FramesResponse = z.object({ frames: z.array(FrameCount) });
export type FramesResponse = z.infer<typeof FramesResponse>;

/** The single JSON line the mock prints on stdout once both ports listen. */
export const ReadyLine = z.object({
  ready: z.literal(true),
  serialPort: z.number().int(),
  controlPort: z.number().int(),
});
export type ReadyLine = z.infer<typeof ReadyLine>;
