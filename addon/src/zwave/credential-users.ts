import { z } from "zod";
import { NOT_A_PIN, type SlotHolding } from "./code-inventory";

/**
 * The access-control users of a lock as HA's response-only `zwave_js.get_users` returns them
 * (2026.6+, checked against 2026.11): `{max_users, users: [{user_id, user_name, active,
 * user_type, credential_rule, credentials: [{type, slot}]}]}`. A credential names its type and
 * slot, never its PIN: HA hands no PIN back this way. Credential slots are numbered per
 * credential type, apart from the user index.
 */
const CredentialSchema = z.object({ type: z.string(), slot: z.number().int() }).loose();
const UserSchema = z
  .object({
    user_id: z.number().int().min(1),
    active: z.boolean().optional(),
    credentials: z.array(CredentialSchema),
  })
  .loose();
export const LockUsersSchema = z
  .object({ max_users: z.number().int().min(1).max(65535).optional(), users: z.array(UserSchema) })
  .loose();
export type LockUsers = z.infer<typeof LockUsersSchema>;

/** An entity service's response is keyed by entity id; take this lock's part. */
export function usersOfLock(response: unknown, entityId: string): LockUsers | null {
  const byEntity = z.record(z.string(), z.unknown()).safeParse(response);
  if (!byEntity.success) return null;
  const parsed = LockUsersSchema.safeParse(byEntity.data[entityId]);
  return parsed.success ? parsed.data : null;
}

export const PIN_CODE = "pin_code";

/** Credential slots of the PIN credentials user `userId` holds. */
export function pinSlotsOf(users: LockUsers, userId: number): number[] {
  const user = users.users.find((u) => u.user_id === userId);
  return (user?.credentials ?? []).filter((c) => c.type === PIN_CODE).map((c) => c.slot);
}

/** Whether the user has a credential other than a PIN (an RFID tag, a fingerprint): a person's record. */
export function hasOtherCredentials(users: LockUsers, userId: number): boolean {
  return (users.users.find((u) => u.user_id === userId)?.credentials ?? []).some((c) => c.type !== PIN_CODE);
}

/** Whether the user holds a PIN credential (which one, HA does not say). */
export function hasPin(users: LockUsers, userId: number): boolean {
  return pinSlotsOf(users, userId).length > 0;
}

/**
 * User indexes taken by someone: every user with at least one credential of any type. A user
 * with a PIN holds a code whose digits cannot be read (null); one with only an RFID tag or a
 * fingerprint is someone's too, but holds no code. A user record without credentials is free.
 */
export function occupiedUsers(users: LockUsers): Map<number, SlotHolding> {
  const occupied = new Map<number, SlotHolding>();
  for (const user of users.users) {
    if (user.credentials.length === 0) continue;
    occupied.set(user.user_id, hasPin(users, user.user_id) ? null : NOT_A_PIN);
  }
  return occupied;
}
