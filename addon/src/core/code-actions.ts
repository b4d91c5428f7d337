import { z } from "zod";

/**
 * An action that changes what a lock holds, as HA echoes every service call on its bus
 * (`call_service`): the zwave_js User Code actions and the credential actions of 2026.6+, which
 * HA's own Manage access dialog calls on any Z-Wave lock, and the matter lock actions of 2026.4+
 * (scripts, automations, other lock managers). Only the fields that say where are read; the data
 * also carries the PIN, which is never kept.
 */
export interface CodeAction {
  domain: "zwave_js" | "matter";
  service: string;
  /** The entities and devices the call targets (entity ids, device ids). */
  entityIds: string[];
  deviceIds: string[];
  /** Latchkey's slot (the user index on a Z-Wave lock with users, the PIN index on a Matter lock), "all", or null where HA picks one or the slot is not named. */
  slot: number | "all" | null;
  /** A Matter user cleared (with every credential it holds): the lock's user index, not a slot. */
  matterUser: number | null;
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

const MatterCallSchema = z
  .object({
    domain: z.literal("matter"),
    service: z.enum(["set_lock_credential", "clear_lock_credential", "clear_lock_user"]),
    service_data: z
      .object({
        entity_id: ids,
        device_id: ids,
        credential_type: z.string().optional(),
        credential_index: slotNumber.optional(),
        user_index: slotNumber.optional(),
      })
      .loose(),
  })
  .loose();

/** HA's name for a PIN in the matter lock actions (the only credential that takes a Latchkey slot). */
const MATTER_PIN = "pin";

/** The code action in a `call_service` event's data, or null for any other call. */
export function codeActionOf(eventData: unknown): CodeAction | null {
  const matter = MatterCallSchema.safeParse(eventData);
  if (matter.success) return matterActionOf(matter.data.service, matter.data.service_data);
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
    domain: "zwave_js",
    service: parsed.data.service,
    entityIds: data.entity_id.map((id) => id.trim()),
    deviceIds: data.device_id,
    slot,
    matterUser: null,
    change: action.change,
  };
}

/**
 * A Matter lock's slot is its PIN credential index. A PIN set without an index goes where the
 * lock picks (slot null: listed again, it shows as unmanaged); a user cleared takes its PINs with it.
 */
function matterActionOf(
  service: z.infer<typeof MatterCallSchema>["service"],
  data: z.infer<typeof MatterCallSchema>["service_data"],
): CodeAction | null {
  const on = {
    domain: "matter" as const,
    service,
    entityIds: data.entity_id.map((id) => id.trim()),
    deviceIds: data.device_id,
  };
  if (service === "clear_lock_user")
    return data.user_index === undefined
      ? null
      : { ...on, slot: null, matterUser: data.user_index, change: "removed" };
  if (data.credential_type !== MATTER_PIN) return null;
  return {
    ...on,
    slot: data.credential_index ?? null,
    matterUser: null,
    change: service === "set_lock_credential" ? "set" : "removed",
  };
}
