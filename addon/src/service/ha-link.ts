import type { HaClient } from "../ha/client";
import { withTimeout } from "../ha/timeout";
import type { Logger } from "../log/logger";
import { detectMatterSupport, withMatterLocks } from "../matter/matter-link";
import { UserCodeCcApi } from "../zwave/user-code-cc-api";
import type { Lock } from "../../../src/model/lock";
import { detectCodeInventory, listedSlotCount } from "../zwave/code-inventory";
import { detectCredentialLocks } from "../zwave/credential-locks";
import { userCodeChecksum } from "../zwave/user-code-checksum";
import { USER_CODE_CC } from "../zwave/user-code-values";
import { createCredentialWriter } from "../zwave/credential-writer";
import { rememberSlotCounts, routeInventory, routeSlotCount, routeWriter } from "../zwave/lock-routes";
import { RefusalNotices } from "../zwave/refusal-notices";
import { createZwaveWriter } from "../zwave/writer";
import { z } from "zod";
import type { HaLink } from "./service";

/** How long a lock's checksum may take before its unread slots are read one by one instead. */
const CHECKSUM_TIMEOUT_MS = 10_000;

/**
 * Finds out what the running HA offers for reading and writing lock codes, and builds the
 * service's link to it: the best read-back path, User Credential locks where HA has the
 * credential actions, an inventory where HA can list codes.
 */
export async function openHaLink(
  ha: HaClient,
  log: Logger,
  timing: { verifyTimeoutMs: number; callTimeoutMs?: number },
): Promise<{ link: HaLink; description: string; refusals: RefusalNotices }> {
  const callTimeoutMs = timing.callTimeoutMs ?? 30_000;
  const ccApi = await UserCodeCcApi.detect(ha, await firstZwaveLockDevice(ha));
  const credentialLocks = await detectCredentialLocks(ha, log);
  // Fed by the event intake (events-wiring.ts): the writer holds a refusal against its write.
  const refusals = new RefusalNotices();
  const userCodeWriter = createZwaveWriter({
    client: ha,
    log,
    ccApi,
    refusals,
    callTimeoutMs,
    verifyTimeoutMs: timing.verifyTimeoutMs,
  });
  const matter = await detectMatterSupport(ha, log, callTimeoutMs);
  const userCodeInventory = await detectCodeInventory(ha);
  const inventory = routeInventory(credentialLocks, ha, userCodeInventory);
  const askLock = ccApi ? (lock: Lock) => ccApi.slotCount(lock) : null;
  // The driver's listing knows every User Code lock's slot count from its interview: asking the
  // lock itself (a round trip on the radio) is left for an HA that cannot list codes.
  const userCodeSlotCount = userCodeInventory
    ? async (lock: Lock) =>
        (await listedSlotCount(ha, lock).catch(() => null)) ?? (askLock ? askLock(lock) : null)
    : askLock;
  const link: HaLink = {
    client: ha,
    // Only worth it where the codes can be listed afterwards.
    ...(inventory
      ? { rereadCodes: (lock: Lock, slots: readonly number[]) => rereadUserCodes(ha, ccApi, lock, slots) }
      : {}),
    ...(ccApi
      ? {
          // One User Code Checksum Get tells whether a lock holds exactly the codes Latchkey knows.
          contentProbe: async (lock: Lock, candidates: readonly ReadonlyMap<number, string>[]) => {
            if (lock.protocol === "matter" || (await credentialLocks?.isCredentialOnly(lock))) return false;
            // Asked while the codes document waits: never longer than a short radio round trip.
            const sum = await withTimeout(ccApi.checksum(lock), CHECKSUM_TIMEOUT_MS, "no checksum").catch(
              () => null,
            );
            return sum !== null && candidates.some((pins) => sum === userCodeChecksum(pins));
          },
        }
      : {}),
    watchNode: async (lock, onDeadOrAlive) => {
      if (lock.protocol === "matter") return;
      await ha.subscribeNodeStatus(lock.deviceId, (event) => {
        if (event === "dead" || event === "alive") onDeadOrAlive();
      });
    },
    ...withMatterLocks(matter, {
      writer: routeWriter(
        credentialLocks,
        createCredentialWriter({ client: ha, log, callTimeoutMs }),
        userCodeWriter,
      ),
      inventory,
      slotCount: rememberSlotCounts(routeSlotCount(credentialLocks, ha, userCodeSlotCount)),
    }),
  };
  const description = `read-back: ${ccApi ? "User Code Get via invoke_cc_api" : "the lock's own reports (value_updated)"}; User Credential locks: ${credentialLocks ? "supported (credential actions)" : "not supported by this Home Assistant"}; Matter locks: ${matter ? "supported (matter lock actions)" : "not supported by this Home Assistant"}`;
  return { link, description, refusals };
}

/**
 * The lock's slots read from the lock again, one User Code Get each (the driver's cache follows
 * the reports). Not the driver's refresh of the whole CC: it skips the codes when the lock's
 * checksum matches the one it stored — and a wiped lock reports 0, the checksum a fresh lock
 * was interviewed with (seen on the real stack), however many codes were written since.
 */
async function rereadUserCodes(
  ha: HaClient,
  ccApi: UserCodeCcApi | null,
  lock: Lock,
  slots: readonly number[],
): Promise<void> {
  if (lock.protocol === "matter") return;
  if (!ccApi) {
    await ha.command(z.unknown(), {
      type: "zwave_js/refresh_node_cc_values",
      device_id: lock.deviceId,
      command_class_id: USER_CODE_CC,
    });
    return;
  }
  for (const slot of slots) await ccApi.read(lock, slot);
}

async function firstZwaveLockDevice(client: HaClient): Promise<string | undefined> {
  const entries = await client.command(
    z.array(
      z.object({ entity_id: z.string(), platform: z.string(), device_id: z.string().nullable() }).loose(),
    ),
    { type: "config/entity_registry/list" },
  );
  return (
    entries.find((e) => e.platform === "zwave_js" && e.entity_id.startsWith("lock.") && e.device_id)
      ?.device_id ?? undefined
  );
}
