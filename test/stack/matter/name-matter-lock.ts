// Names the Matter lock HA discovered the way a person would ("Patio Door", lock.patio_door, in
// the Patio area) — the entity the HA fake's newest profile has (test/integration/ha-fake).
import { z } from "zod";
import type { HaWs } from "../ha/index";

export const MATTER_DEMO_LOCK = { entityId: "lock.patio_door", name: "Patio Door", area: "Patio" } as const;

const Entities = z.array(
  z.looseObject({ entity_id: z.string(), platform: z.string(), device_id: z.string().nullable() }),
);
const Area = z.looseObject({ area_id: z.string(), name: z.string() });

/** Resolves once HA's matter integration has a lock entity, renamed; idempotent. */
export async function nameMatterLock(ws: HaWs, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const entities = await ws.callParsed(Entities, "config/entity_registry/list");
    const lock = entities.find((e) => e.platform === "matter" && e.entity_id.startsWith("lock."));
    if (lock?.entity_id === MATTER_DEMO_LOCK.entityId) return;
    if (lock) {
      const areas = await ws.callParsed(z.array(Area), "config/area_registry/list");
      const area =
        areas.find((a) => a.name === MATTER_DEMO_LOCK.area) ??
        Area.parse(await ws.call("config/area_registry/create", { name: MATTER_DEMO_LOCK.area }));
      if (lock.device_id !== null)
        await ws.call("config/device_registry/update", {
          device_id: lock.device_id,
          name_by_user: MATTER_DEMO_LOCK.name,
          area_id: area.area_id,
        });
      await ws.call("config/entity_registry/update", {
        entity_id: lock.entity_id,
        new_entity_id: MATTER_DEMO_LOCK.entityId,
      });
      return;
    }
    if (Date.now() > deadline) throw new Error(`HA shows no Matter lock entity after ${timeoutMs} ms.`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
