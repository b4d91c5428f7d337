import { z } from "zod";
import type { HaWs } from "./ha/index";
import type { HaTarget } from "./ha/target";
import { findLock } from "./zwave/mock-locks";

/** How the simulated nodes appear once set up: what a family would have called them. */
const ALL_DEMO_LOCKS = [
  { nodeId: 2, entityId: "lock.front_door", name: "Front Door", area: "Hallway" },
  { nodeId: 3, entityId: "lock.back_door", name: "Back Door", area: "Kitchen" },
  { nodeId: 4, entityId: "lock.garage_side_door", name: "Garage Side Door", area: "Garage" },
  { nodeId: 5, entityId: "lock.shed_door", name: "Shed Door", area: "Garden" },
] as const;

export type DemoLock = (typeof ALL_DEMO_LOCKS)[number];

/**
 * The locks a stack on this Home Assistant simulates. A lock that keeps its codes only in the
 * User Credential CC needs HA's credential actions (2026.6+): the 2024.3 stack leaves it out.
 */
export function demoLocksFor(target: HaTarget): readonly DemoLock[] {
  return ALL_DEMO_LOCKS.filter(
    (lock) => target.hasCredentialServices || findLock(lock.nodeId)?.codes === "user_code",
  );
}

const EntitySchema = z.array(
  z.object({ entity_id: z.string(), platform: z.string(), device_id: z.string().nullable() }).loose(),
);
const DeviceSchema = z.array(
  z.object({ id: z.string(), identifiers: z.array(z.tuple([z.string(), z.string()])) }).loose(),
);
const AreaSchema = z.array(z.object({ area_id: z.string(), name: z.string() }).loose());

/**
 * Gives the Z-Wave JS locks HA discovered ("Node 2", lock.node_2) the names, entity ids and
 * areas a person would, through the same registry commands HA's settings pages use.
 * Idempotent; resolves once all the locks exist under their new ids.
 */
export async function nameDemoLocks(
  ws: HaWs,
  demoLocks: readonly DemoLock[],
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const entities = await ws.callParsed(EntitySchema, "config/entity_registry/list");
    const locks = entities.filter((e) => e.platform === "zwave_js" && e.entity_id.startsWith("lock."));
    if (demoLocks.every((d) => locks.some((l) => l.entity_id === d.entityId))) return;
    if (locks.length >= demoLocks.length) break;
    if (Date.now() > deadline)
      throw new Error(
        `HA shows ${locks.length} Z-Wave lock(s) after ${timeoutMs} ms; expected ${demoLocks.length}.`,
      );
    await new Promise((r) => setTimeout(r, 500));
  }
  const devices = await ws.callParsed(DeviceSchema, "config/device_registry/list");
  const areas = await ws.callParsed(AreaSchema, "config/area_registry/list");
  const entities = await ws.callParsed(EntitySchema, "config/entity_registry/list");
  for (const demo of demoLocks) {
    const device = devices.find((d) =>
      d.identifiers.some(
        ([domain, id]) => domain === "zwave_js" && new RegExp(`^\\d+-${demo.nodeId}$`).test(id),
      ),
    );
    if (!device) throw new Error(`No Z-Wave device for node ${demo.nodeId}.`);
    let area = areas.find((a) => a.name === demo.area);
    if (!area) {
      area = z
        .object({ area_id: z.string(), name: z.string() })
        .loose()
        .parse(await ws.call("config/area_registry/create", { name: demo.area }));
      areas.push(area);
    }
    await ws.call("config/device_registry/update", {
      device_id: device.id,
      name_by_user: demo.name,
      area_id: area.area_id,
    });
    const lock = entities.find((e) => e.device_id === device.id && e.entity_id.startsWith("lock."));
    if (lock && lock.entity_id !== demo.entityId)
      await ws.call("config/entity_registry/update", {
        entity_id: lock.entity_id,
        new_entity_id: demo.entityId,
      });
  }
}
