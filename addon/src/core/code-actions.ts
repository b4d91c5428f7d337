import { z } from "zod";

/**
 * A zwave_js action that changes what a lock holds, as HA echoes every service call on its bus
 * (`call_service`): the User Code actions and the credential actions of 2026.6+, which HA's own
 * Manage access dialog calls on any Z-Wave lock. Only the fields that say where are read; the
 * data also carries the PIN, which is never kept.
 */
export interface CodeAction {
  service: string;
  /** The entities and devices the call targets (entity ids, device ids). */
  entityIds: string[];
  deviceIds: string[];
  /** Latchkey's slot (the user index on a lock with users), "all", or null where HA picks one. */
  slot: number | "all" | null;
  change: "set" | "removed";
}

const ids = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : value.split(",")));
const slotNumber = z.coerce.number().int().min(1).max(65535);

const CallServiceSchema = z
  .object({
    domain: z.literal("zwave_js"),
    service: z.string(),
    service_data: z
      .object({
        entity_id: ids,
        device_id: ids,
        code_slot: slotNumber.optional(),
        user_id: slotNumber.optional(),
        credential_data: z.unknown().optional(),
        active: z.boolean().optional(),
      })
      .loose(),
  })
  .loose();

/** Which field names the slot, and what the action does to it. */
const ACTIONS: Record<string, { slot: "code_slot" | "user_id" | "all"; change: CodeAction["change"] }> = {
  set_lock_usercode: { slot: "code_slot", change: "set" },
  clear_lock_usercode: { slot: "code_slot", change: "removed" },
  set_user: { slot: "user_id", change: "set" },
  set_credential: { slot: "user_id", change: "set" },
  delete_user: { slot: "user_id", change: "removed" },
  delete_credential: { slot: "user_id", change: "removed" },
  delete_all_credentials: { slot: "user_id", change: "removed" },
  delete_all_users: { slot: "all", change: "removed" },
};

/** The code action in a `call_service` event's data, or null for any other call. */
export function codeActionOf(eventData: unknown): CodeAction | null {
  const parsed = CallServiceSchema.safeParse(eventData);
  if (!parsed.success) return null;
  const action = ACTIONS[parsed.data.service];
  if (!action) return null;
  const data = parsed.data.service_data;
  // A user renamed (or retyped) keeps their code: nothing a lock lets in has changed.
  if (parsed.data.service === "set_user" && data.credential_data === undefined && data.active === undefined)
    return null;
  const slot = action.slot === "all" ? "all" : (data[action.slot] ?? null);
  return {
    service: parsed.data.service,
    entityIds: data.entity_id.map((id) => id.trim()),
    deviceIds: data.device_id,
    slot,
    change: action.change,
  };
}
