// What real Home Assistant makes of what a person does at a simulated lock: for every lock and
// every `demo:keypad` action (and the Access Control events wrong codes and lockouts send),
// the `zwave_js_notification` events, the state changes of the lock's own entities and the
// `zwave_js_value_updated` events it fires. Facts for the HA fake and its contract cases.
//   flock /tmp/latchkey-real-stack.lock npx tsx test/stack/research-door-events.ts [out.json]
import { setTimeout as sleep } from "node:timers/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { RegistryEntity as Entity, say, withResearchStack } from "./research-stack";

const State = z.object({ entity_id: z.string(), state: z.string() }).loose();
const EventData = z.object({ device_id: z.string().nullable().optional() }).loose();
const StateChange = z
  .object({
    entity_id: z.string(),
    old_state: State.nullable(),
    new_state: State.nullable(),
  })
  .loose();

const outFile = process.argv[2] ?? join(tmpdir(), "latchkey-door-events.json");
await withResearchStack("doors", outFile, async ({ target, locks, zwave, ws }, out) => {
  const entities = (await ws.callParsed(z.array(Entity), "config/entity_registry/list")).filter(
    (e) => e.platform === "zwave_js",
  );
  const states = await ws.callParsed(z.array(State), "get_states");
  const lockDevice = new Map<string, string>();
  for (const lock of locks) {
    const entry = entities.find((e) => e.entity_id === lock.entityId);
    if (entry?.device_id) lockDevice.set(entry.device_id, lock.entityId);
  }
  out.entities = Object.fromEntries(
    locks.map((lock) => {
      const deviceId = entities.find((e) => e.entity_id === lock.entityId)?.device_id;
      return [
        lock.entityId,
        entities
          .filter((e) => e.device_id === deviceId)
          .map((e) => ({
            entity_id: e.entity_id,
            unique_id: e.unique_id,
            original_name: e.original_name,
            disabled_by: e.disabled_by,
            entity_category: e.entity_category,
            state: states.find((s) => s.entity_id === e.entity_id)?.state ?? null,
          })),
      ];
    }),
  );
  const deviceOfEntity = new Map(entities.map((e) => [e.entity_id, e.device_id]));
  let seen: unknown[] = [];
  await ws.subscribeEvents("zwave_js_notification", (event) => {
    seen.push({ event: "zwave_js_notification", data: event.data });
  });
  await ws.subscribeEvents("zwave_js_value_updated", (event) => {
    const data = EventData.safeParse(event.data);
    if (data.success && data.data.device_id && lockDevice.has(data.data.device_id))
      seen.push({ event: "zwave_js_value_updated", data: event.data });
  });
  await ws.subscribeEvents("state_changed", (event) => {
    const change = StateChange.safeParse(event.data);
    if (!change.success) return;
    const deviceId = deviceOfEntity.get(change.data.entity_id);
    if (!deviceId || !lockDevice.has(deviceId)) return;
    seen.push({
      event: "state_changed",
      entity_id: change.data.entity_id,
      from: change.data.old_state?.state ?? null,
      to: change.data.new_state?.state ?? null,
    });
  });
  const actions: Record<string, unknown> = {};
  const act = async (name: string, run: () => Promise<unknown>): Promise<void> => {
    seen = [];
    await run();
    await sleep(2_500);
    actions[name] = seen;
    say(`${name}: ${seen.length} event(s)`);
  };
  for (const lock of locks) {
    const node = lock.nodeId;
    const c = zwave.control;
    await act(`${lock.entityId} keypad unlock slot 1`, () => c.keypad({ node, slot: 1, action: "unlock" }));
    await act(`${lock.entityId} keypad lock slot 1`, () => c.keypad({ node, slot: 1, action: "lock" }));
    await act(`${lock.entityId} manual unlock`, () => c.manual({ node, action: "unlock" }));
    await act(`${lock.entityId} manual lock`, () => c.manual({ node, action: "lock" }));
    await act(`${lock.entityId} rf unlock`, () => c.rf({ node, action: "unlock" }));
    await act(`${lock.entityId} rf lock`, () => c.rf({ node, action: "lock" }));
    await act(`${lock.entityId} jam`, () => c.jam({ node }));
    await act(`${lock.entityId} manual unlock after the jam`, () => c.manual({ node, action: "unlock" }));
    await act(`${lock.entityId} battery 15`, () => c.battery({ node, level: 15 }));
    for (const event of [9, 16, 17, 19, 20, 21, 47, 48, 50])
      await act(`${lock.entityId} access event ${event}`, () => c.accessEvent({ node, event }));
    await act(`${lock.entityId} keypad unlock slot 2 after the lockout`, () =>
      c.keypad({ node, slot: 2, action: "unlock" }),
    );
    if (lock.nodeId !== 5) {
      await ws.call("call_service", {
        domain: "zwave_js",
        service: "set_lock_usercode",
        service_data: { code_slot: 4, usercode: "5173" },
        target: { entity_id: lock.entityId },
      });
      await sleep(2_000);
      const cached = async () =>
        target.name === "2024.3"
          ? null
          : ws.call("call_service", {
              domain: "zwave_js",
              service: "get_lock_usercode",
              service_data: { code_slot: 4 },
              target: { entity_id: lock.entityId },
              return_response: true,
            });
      actions[`${lock.entityId} cache before the reset`] = await cached().catch((e: unknown) => String(e));
      await act(`${lock.entityId} codes reset, then access event 12`, async () => {
        await c.resetCodes({ node });
        await c.accessEvent({ node, event: 12 });
      });
      actions[`${lock.entityId} cache after the reset`] = await cached().catch((e: unknown) => String(e));
    }
  }
  out.actions = actions;
});
