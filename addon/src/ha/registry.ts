import { z } from "zod";
import type { HaClient } from "./client";

/** Only the registry fields Latchkey reads; HA sends more, and `loose` keeps parsing forward-compatible. */
export const EntityEntrySchema = z
  .object({
    entity_id: z.string(),
    platform: z.string(),
    device_id: z.string().nullable(),
    area_id: z.string().nullable().optional(),
    disabled_by: z.string().nullable().optional(),
    name: z.string().nullable().optional(),
    original_name: z.string().nullable().optional(),
    /** The integration's id of the entity; for zwave_js it names the value (".../Lock state.11"). */
    unique_id: z.string().optional(),
  })
  .loose();
export type EntityEntry = z.infer<typeof EntityEntrySchema>;

export const DeviceEntrySchema = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    name_by_user: z.string().nullable().optional(),
    area_id: z.string().nullable().optional(),
    identifiers: z.array(z.tuple([z.string(), z.string()])),
  })
  .loose();
export type DeviceEntry = z.infer<typeof DeviceEntrySchema>;

export const AreaEntrySchema = z.object({ area_id: z.string(), name: z.string() }).loose();
export type AreaEntry = z.infer<typeof AreaEntrySchema>;

export const StateSchema = z
  .object({
    entity_id: z.string(),
    state: z.string(),
    attributes: z.record(z.string(), z.unknown()),
    last_changed: z.string(),
  })
  .loose();
export type HaState = z.infer<typeof StateSchema>;

export interface HaSnapshot {
  entities: EntityEntry[];
  devices: DeviceEntry[];
  areas: AreaEntry[];
  states: HaState[];
  timeZone: string;
  /** The language the household set in HA (Settings → System → General), e.g. "de" or "en-GB". */
  language: string;
  /** False while HA is still starting: its registries and states may not be complete yet. */
  running: boolean;
}

const ConfigSchema = z
  .object({
    time_zone: z.string(),
    version: z.string(),
    state: z.string().optional(),
    language: z.string().optional(),
  })
  .loose();

/** Everything discovery needs, read in parallel after every (re)connect. */
export async function readHaSnapshot(client: HaClient): Promise<HaSnapshot> {
  const [entities, devices, areas, states, config] = await Promise.all([
    client.command(z.array(EntityEntrySchema), { type: "config/entity_registry/list" }),
    client.command(z.array(DeviceEntrySchema), { type: "config/device_registry/list" }),
    client.command(z.array(AreaEntrySchema), { type: "config/area_registry/list" }),
    client.command(z.array(StateSchema), { type: "get_states" }),
    client.command(ConfigSchema, { type: "get_config" }),
  ]);
  return {
    entities,
    devices,
    areas,
    states,
    timeZone: config.time_zone,
    language: config.language ?? "en",
    running: (config.state ?? "RUNNING") === "RUNNING",
  };
}
