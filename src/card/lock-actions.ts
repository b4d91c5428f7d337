/** Lock service calls for the locks view. */
import type { HomeAssistant } from "./ha-types";
import type { LockView } from "./lock-utils";

export interface LockResult {
  entityId: string;
  name: string;
  ok: boolean;
  /** Why it did not lock, for people. */
  reason?: string;
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error !== null && "message" in error && typeof error.message === "string") return error.message;
  return String(error);
}

/**
 * Locks every lock that is not locked yet, in parallel, and reports each lock's outcome.
 * A lock HA shows as unavailable is reported without a call: it cannot take one.
 */
export async function lockAll(hass: Pick<HomeAssistant, "callService">, locks: readonly LockView[], unavailableText: string): Promise<LockResult[]> {
  return Promise.all(
    locks.map(async ({ entityId, name, state }): Promise<LockResult> => {
      if (state === "locked") return { entityId, name, ok: true };
      if (state === "unavailable") return { entityId, name, ok: false, reason: unavailableText };
      try {
        await hass.callService("lock", "lock", { entity_id: entityId });
        return { entityId, name, ok: true };
      } catch (error) {
        return { entityId, name, ok: false, reason: errorMessage(error) };
      }
    }),
  );
}
