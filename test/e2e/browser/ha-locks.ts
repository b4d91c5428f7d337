import { z } from "zod";
import type { HaWs } from "../../stack/ha/index";
import { until } from "../support/watch-ha";

const States = z.array(z.object({ entity_id: z.string(), state: z.string() }).loose());

/** Lock states straight from HA (get_states). */
export async function lockStates(ws: HaWs): Promise<Map<string, string>> {
  const states = await ws.callParsed(States, "get_states");
  return new Map(states.filter((s) => s.entity_id.startsWith("lock.")).map((s) => [s.entity_id, s.state]));
}

export async function callLockService(
  ws: HaWs,
  service: "lock" | "unlock",
  entityIds: string[],
): Promise<void> {
  await ws.call("call_service", { domain: "lock", service, target: { entity_id: entityIds } });
}

export async function waitForLockStates(
  ws: HaWs,
  entityIds: string[],
  state: string,
  timeoutMs = 60_000,
): Promise<void> {
  await until(
    async () => {
      const states = await lockStates(ws);
      if (entityIds.every((id) => states.get(id) === state)) return true;
      await new Promise((r) => setTimeout(r, 250));
      return false;
    },
    timeoutMs,
    `${entityIds.join(", ")} ${state} in HA`,
  );
}
