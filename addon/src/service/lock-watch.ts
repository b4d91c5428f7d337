import { z } from "zod";
import type { Lock, NodeStatus } from "../../../src/model/lock";
import type { HaClient } from "../ha/client";

/** zwave-js NodeStatus numbers as HA's `zwave_js/node_status` returns them. */
const NODE_STATUS: Record<number, NodeStatus> = {
  0: "unknown",
  1: "asleep",
  2: "awake",
  3: "dead",
  4: "alive",
};
const NodeStatusResultSchema = z.object({ status: z.union([z.number(), z.string()]) }).loose();

/** Asks HA for each lock device's node status; a lock HA cannot tell about stays "unknown". */
export async function readNodeStatuses(
  client: HaClient,
  deviceIds: readonly string[],
): Promise<Map<string, NodeStatus>> {
  const statuses = new Map<string, NodeStatus>();
  await Promise.all(
    deviceIds.map(async (deviceId) => {
      try {
        const result = await client.command(NodeStatusResultSchema, {
          type: "zwave_js/node_status",
          device_id: deviceId,
        });
        const status =
          typeof result.status === "number"
            ? NODE_STATUS[result.status]
            : z.enum(["unknown", "asleep", "awake", "dead", "alive"]).safeParse(result.status).data;
        statuses.set(deviceId, status ?? "unknown");
      } catch {
        statuses.set(deviceId, "unknown");
      }
    }),
  );
  return statuses;
}

/**
 * True when a state change can change what Latchkey may do with a lock: a known lock became
 * (un)available, or a lock entity appeared or went away. Ordinary state changes of other
 * locks (a template lock, say) do not count, so they never trigger a re-read of HA.
 */
export function availabilityChanged(
  locks: ReadonlyMap<string, Lock>,
  entityId: string,
  newState: unknown,
  oldState: unknown,
): boolean {
  if (!entityId.startsWith("lock.")) return false;
  const lock = locks.get(entityId);
  if (lock === undefined) return oldState === null || newState === null;
  const state = z.object({ state: z.string() }).safeParse(newState);
  const available = state.success && state.data.state !== "unavailable";
  return lock.available !== available;
}

/** True when a lock entity appeared, went away, or went into or out of "unavailable". */
export function availabilityMoved(entityId: string, newState: unknown, oldState: unknown): boolean {
  if (!entityId.startsWith("lock.")) return false;
  if (newState === null || oldState === null) return true;
  const stateOf = (raw: unknown) => z.object({ state: z.string() }).safeParse(raw).data?.state;
  return (stateOf(newState) === "unavailable") !== (stateOf(oldState) === "unavailable");
}
