import { z } from "zod";
import type { Lock } from "../../../src/model/lock";
import type { HaClient } from "../ha/client";
import { HaCommandError } from "../ha/errors";

// What HA's matter lock actions (2026.4+; checked against 2026.11, matter/lock_helpers.py) answer.
// Entity-service responses arrive keyed by entity id. A Matter lock never hands a PIN back:
// users list their credentials by type and index only.
const Index = z.number().int().min(0).max(65535);

export const LockInfoSchema = z
  .object({
    supports_user_management: z.boolean(),
    supported_credential_types: z.array(z.string()),
    max_users: Index.nullable(),
    max_pin_users: Index.nullable().optional(),
    min_pin_length: Index.nullable().optional(),
    max_pin_length: Index.nullable().optional(),
  })
  .loose();
export type LockInfo = z.infer<typeof LockInfoSchema>;

const CredentialRefSchema = z.object({ type: z.string(), index: Index.nullable() }).loose();
export const LockUserSchema = z
  .object({
    user_index: Index.nullable(),
    user_name: z.string().nullable(),
    user_status: z.string(),
    credentials: z.array(CredentialRefSchema),
    creator_fabric_index: Index.nullable().optional(),
    last_modified_fabric_index: Index.nullable().optional(),
  })
  .loose();
export type LockUser = z.infer<typeof LockUserSchema>;
export const LockUsersSchema = z.object({ max_users: Index, users: z.array(LockUserSchema) }).loose();
export type LockUsers = z.infer<typeof LockUsersSchema>;

export const CredentialStatusSchema = z
  .object({
    credential_exists: z.boolean(),
    user_index: Index.nullable(),
    creator_fabric_index: Index.nullable().optional(),
    last_modified_fabric_index: Index.nullable().optional(),
  })
  .loose();
export type CredentialStatus = z.infer<typeof CredentialStatusSchema>;

export const SetCredentialSchema = z
  .object({ credential_index: Index, user_index: Index.nullable(), next_credential_index: Index.nullable() })
  .loose();

/** HA's name for the PIN credential type in the matter lock actions. */
export const PIN = "pin";

/** The matter lock actions Latchkey uses; all must be there for a Matter lock to be managed. */
export const MATTER_LOCK_SERVICES = [
  "get_lock_info",
  "get_lock_users",
  "get_lock_credential_status",
  "set_lock_credential",
  "clear_lock_credential",
  "clear_lock_user",
] as const;

/** Calls a response-only matter lock action and parses this lock's part of the answer. */
export async function askLock<S extends z.ZodType>(
  client: HaClient,
  lock: Lock,
  service: string,
  schema: S,
  data: Record<string, unknown> = {},
): Promise<z.infer<S>> {
  const response = await client.callService("matter", service, data, { entity_id: lock.id }, true);
  const mine = z.record(z.string(), z.unknown()).safeParse(response);
  const parsed = schema.safeParse(mine.success ? mine.data[lock.id] : undefined);
  if (!parsed.success)
    throw new HaCommandError(
      "unexpected_response",
      `Home Assistant answered matter.${service} for ${lock.name} in an unexpected shape.`,
    );
  return parsed.data;
}

/** The PIN credential indexes a user holds. */
export function pinIndexes(user: LockUser): number[] {
  return user.credentials.flatMap((c) => (c.type === PIN && c.index !== null ? [c.index] : []));
}
