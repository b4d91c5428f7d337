import { z } from "zod";
import type { Lock } from "../../../src/model/lock";
import type { HaClient } from "../ha/client";
import { HaCommandError } from "../ha/errors";
import type { Logger } from "../log/logger";
import { codeCommandClasses, isCredentialOnly } from "./command-classes";

const ServicesSchema = z.record(z.string(), z.record(z.string(), z.unknown()));

/** HA's credential actions (2026.6+) Latchkey needs for a User Credential lock. */
export const CREDENTIAL_SERVICES = ["get_users", "set_user", "set_credential", "delete_credential"] as const;

/** Tells which locks keep their codes only in the User Credential CC. */
export interface CredentialLocks {
  isCredentialOnly(lock: Lock): Promise<boolean>;
}

/**
 * Positive detection, once per device: the running HA offers the credential actions, and the
 * lock's node lists the User Credential CC but not the User Code CC (ws
 * `zwave_js/node_capabilities`). Anything less keeps the lock on the User Code path, which is
 * also where older HA leaves every lock.
 */
export async function detectCredentialLocks(client: HaClient, log: Logger): Promise<CredentialLocks | null> {
  const services = await client.command(ServicesSchema, { type: "get_services" });
  const zwave = services.zwave_js ?? {};
  if (!CREDENTIAL_SERVICES.every((service) => service in zwave)) return null;
  const known = new Map<string, boolean>();
  return {
    isCredentialOnly: async (lock) => {
      const cached = known.get(lock.deviceId);
      if (cached !== undefined) return cached;
      try {
        const capabilities = await client.command(z.unknown(), {
          type: "zwave_js/node_capabilities",
          device_id: lock.deviceId,
        });
        const answer = isCredentialOnly(codeCommandClasses(capabilities));
        known.set(lock.deviceId, answer);
        if (answer)
          log.info(
            `${lock.name} keeps its codes in the User Credential command class; Latchkey manages them with Home Assistant's credential actions.`,
          );
        return answer;
      } catch (error) {
        // Without the command this HA cannot tell: the User Code path, for good.
        if (error instanceof HaCommandError && error.code === "unknown_command") {
          known.set(lock.deviceId, false);
          return false;
        }
        // Anything else is asked again. Guessing "User Code" here could read the lock's users as
        // all free and later write a PIN onto someone's user record.
        log.debug(`Could not learn which command classes ${lock.name} supports.`, error);
        throw new HaCommandError(
          "unavailable",
          `Could not learn how ${lock.name} keeps its codes; Latchkey asks again shortly.`,
        );
      }
    },
  };
}
