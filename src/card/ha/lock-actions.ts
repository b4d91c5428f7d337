/** Lock service calls for the locks view. */
import type { HomeAssistant } from "./types";
import type { Translate } from "../i18n/card-translations";
import type { LockView } from "../utils/lock-utils";
import { errorMessage } from "../utils/problem-text";

export interface LockResult {
  entityId: string;
  name: string;
  ok: boolean;
  /** Why it did not lock, for people. */
  reason?: string;
}

/**
 * Locks every lock that is not locked yet, in parallel, and reports each lock's outcome.
 * A lock HA shows as unavailable is reported without a call: it cannot take one.
 */
export async function lockAll(
  hass: Pick<HomeAssistant, "callService">,
  locks: readonly LockView[],
  t: Translate,
): Promise<LockResult[]> {
  return Promise.all(
    locks.map(async ({ entityId, name, state, stateText }): Promise<LockResult> => {
      if (state === "locked") return { entityId, name, ok: true };
      if (state === "unavailable") return { entityId, name, ok: false, reason: stateText };
      try {
        await hass.callService("lock", "lock", { entity_id: entityId });
        return { entityId, name, ok: true };
      } catch (error) {
        return { entityId, name, ok: false, reason: errorMessage(error, t) };
      }
    }),
  );
}
