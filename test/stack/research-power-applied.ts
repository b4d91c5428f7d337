// What real Home Assistant makes of a lock saying "Power has been applied" (Notification type 8
// "Power Management", event 1), sent twice, then after the lock's Power Management idle button
// (if HA made one) was pressed: `zwave_js_notification` events, the lock device's state changes
// and entity registry entries. Facts for the add-on's power-up check and the HA fake.
//   flock /tmp/latchkey-real-stack.lock npx tsx test/stack/research-power-applied.ts [out.json]
import { setTimeout as sleep } from "node:timers/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { RegistryEntity as Entity, say, withResearchStack } from "./research-stack";

const State = z.object({ entity_id: z.string(), state: z.string(), attributes: z.unknown() }).loose();
const StateChange = z
  .object({ entity_id: z.string(), old_state: State.nullable(), new_state: State.nullable() })
  .loose();

const outFile = process.argv[2] ?? join(tmpdir(), "latchkey-power-applied.json");
await withResearchStack("power", outFile, async ({ locks, zwave, ws }, out) => {
  const front = locks.find((l) => l.nodeId === 2);
  if (!front) throw new Error("no front door");
  const deviceEntities = async () => {
    const entities = (await ws.callParsed(z.array(Entity), "config/entity_registry/list")).filter(
      (e) => e.platform === "zwave_js",
    );
    const deviceId = entities.find((e) => e.entity_id === front.entityId)?.device_id;
    const states = await ws.callParsed(z.array(State), "get_states");
    return entities
      .filter((e) => e.device_id === deviceId)
      .map((e) => ({
        entity_id: e.entity_id,
        unique_id: e.unique_id,
        original_name: e.original_name,
        disabled_by: e.disabled_by,
        entity_category: e.entity_category,
        state: states.find((s) => s.entity_id === e.entity_id)?.state ?? null,
        attributes: states.find((s) => s.entity_id === e.entity_id)?.attributes ?? null,
      }));
  };
  out.entitiesBefore = await deviceEntities();
  let seen: unknown[] = [];
  await ws.subscribeEvents("zwave_js_notification", (event) => {
    seen.push({ event: "zwave_js_notification", data: event.data });
  });
  await ws.subscribeEvents("zwave_js_value_updated", (event) => {
    seen.push({ event: "zwave_js_value_updated", data: event.data });
  });
  await ws.subscribeEvents("entity_registry_updated", (event) => {
    seen.push({ event: "entity_registry_updated", data: event.data });
  });
  await ws.subscribeEvents("state_changed", (event) => {
    const change = StateChange.safeParse(event.data);
    if (!change.success || !change.data.entity_id.includes("front_door")) return;
    seen.push({
      event: "state_changed",
      entity_id: change.data.entity_id,
      from: change.data.old_state?.state ?? null,
      to: change.data.new_state?.state ?? null,
      attributes: change.data.new_state?.attributes ?? null,
    });
  });
  const actions: Record<string, unknown> = {};
  const act = async (name: string, run: () => Promise<unknown>): Promise<void> => {
    seen = [];
    await run();
    await sleep(3_000);
    actions[name] = seen;
    say(`${name}: ${seen.length} event(s)`);
  };
  const node = front.nodeId;
  await act("power applied (first)", () => zwave.control.powerApplied({ node }));
  out.entitiesAfterFirst = await deviceEntities();
  await act("power applied (second)", () => zwave.control.powerApplied({ node }));
  const idle = (await deviceEntities()).find(
    (e) => e.entity_id.startsWith("button.") && /power/i.test(e.entity_id),
  );
  if (idle) {
    await act(`press ${idle.entity_id}`, () =>
      ws.call("call_service", { domain: "button", service: "press", target: { entity_id: idle.entity_id } }),
    );
    await act("power applied (after idle)", () => zwave.control.powerApplied({ node }));
  }
  await act("battery report (as /away back sends)", () => zwave.control.battery({ node, level: 90 }));
  out.actions = actions;
  out.entitiesAfter = await deviceEntities();
});
