// Config entries and config flows (homeassistant/components/config/config_entries.py).
import { z } from "zod";
import type { HaInstance } from "./ha-instance.js";
import { haWs } from "./ha-ws.js";

export const ConfigEntry = z.object({
  entry_id: z.string(),
  domain: z.string(),
  title: z.string(),
  source: z.string(),
  /** loaded | setup_error | setup_retry | not_loaded | failed_unload | migration_error | setup_in_progress */
  state: z.string(),
  disabled_by: z.string().nullable(),
  reason: z.string().nullable(),
});
export type ConfigEntry = z.infer<typeof ConfigEntry>;

export const FlowResult = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("form"),
    flow_id: z.string(),
    step_id: z.string(),
    errors: z.record(z.string(), z.string()).nullable().optional(),
  }),
  z.object({ type: z.literal("create_entry"), flow_id: z.string(), result: ConfigEntry }),
  z.object({ type: z.literal("abort"), flow_id: z.string(), reason: z.string() }),
  z.object({ type: z.literal("menu"), flow_id: z.string(), step_id: z.string(), menu_options: z.unknown() }),
  z.object({ type: z.literal("progress"), flow_id: z.string(), step_id: z.string() }),
  z.object({ type: z.literal("external"), flow_id: z.string(), step_id: z.string() }),
]);
export type FlowResult = z.infer<typeof FlowResult>;

export async function configEntries(
  instance: HaInstance,
  token: string,
  domain?: string,
): Promise<ConfigEntry[]> {
  const ws = await haWs(instance.url, token);
  try {
    return await ws.callParsed(
      z.array(ConfigEntry),
      "config_entries/get",
      domain === undefined ? {} : { domain },
    );
  } finally {
    await ws.close();
  }
}
