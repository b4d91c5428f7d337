import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startHaFake, type HaFake, type HaFakeOptions } from "../ha-fake/index";
import { startAddon, type AddonProcess } from "./addon-process";
import { connectApi, type ApiClient } from "./api-client";

export const ADMIN = {
  id: "u-admin",
  name: "Alex Admin",
  isAdmin: true,
  token: "admin-token-0123456789abcdef",
};
export const USER = { id: "u-kid", name: "Kim Kid", isAdmin: false, token: "user-token-0123456789abcdef" };
export const LOCKS = ["lock.front_door", "lock.back_door", "lock.garage_side_door"];

/** Three locks like the real-stack simulation: two of 30 slots (one without Supervision), one of 250. */
export function threeLocks(): NonNullable<HaFakeOptions["locks"]> {
  return [
    {
      entityId: "lock.front_door",
      name: "Front Door",
      nodeId: 2,
      slotCount: 30,
      supervision: true,
      battery: 90,
    },
    {
      entityId: "lock.back_door",
      name: "Back Door",
      nodeId: 3,
      slotCount: 30,
      supervision: false,
      battery: 75,
    },
    {
      entityId: "lock.garage_side_door",
      name: "Garage Side Door",
      nodeId: 4,
      slotCount: 250,
      supervision: true,
      battery: 40,
    },
  ];
}

export interface World {
  ha: HaFake;
  addon: AddonProcess;
  api: ApiClient;
  /** Z-Wave JS lock service calls so far (set/clear), the writes that reach locks. */
  writes: () => { service: string; entityId: string; slot: number }[];
  close: () => Promise<void>;
}

export const FAST = {
  LATCHKEY_RETRY_BASE_MS: "200",
  LATCHKEY_VERIFY_TIMEOUT_MS: "2000",
  LATCHKEY_RELIST_MS: "300",
  LATCHKEY_STATE_GRACE_MS: "300",
};

/**
 * `beforeAddon` runs once HA is up and before the add-on starts, e.g. to inject faults;
 * `addonOptions` are what a user set in the add-on's Configuration tab (its options.json).
 */
export async function startWorld(
  options: Partial<HaFakeOptions> = {},
  env: Record<string, string> = FAST,
  beforeAddon?: (ha: HaFake) => void,
  addonOptions?: Record<string, unknown>,
): Promise<World> {
  const locks = options.locks ?? threeLocks();
  const ha = await startHaFake({ users: [ADMIN, USER], ...options, locks });
  beforeAddon?.(ha);
  const dataDir = await mkdtemp(join(tmpdir(), "latchkey-data-"));
  if (addonOptions) await writeFile(join(dataDir, "options.json"), JSON.stringify(addonOptions));
  const addon = await startAddon({ haUrl: ha.httpUrl, token: ADMIN.token, env, dataDir });
  await addon.waitForOutput(/Found 3 Z-Wave lock/);
  const api = await connectApi(addon.apiUrl, ADMIN.token);
  await api.request("state/subscribe", {});
  await api.waitForSnapshot((s) => s.locks.length === locks.length);
  return {
    ha,
    addon,
    api,
    writes: () => lockWrites(ha),
    close: async () => {
      api.close();
      await addon.stop();
      await ha.stop();
    },
  };
}

/**
 * User Code writes the add-on sent: HA's lock services (older HA), or the CC's own Set through
 * zwave_js/invoke_cc_api (newer HA), named by the service they stand for.
 */
export function lockWrites(ha: HaFake): { service: string; entityId: string; slot: number }[] {
  const services = ha.serviceCalls
    .filter(
      (c) =>
        c.domain === "zwave_js" && (c.service === "set_lock_usercode" || c.service === "clear_lock_usercode"),
    )
    .map((c) => ({ service: c.service, entityId: entityOf(c.data), slot: Number(c.data.code_slot) }));
  const direct = ha.directWrites.map((w) => ({
    service: w.method === "set" ? "set_lock_usercode" : "clear_lock_usercode",
    entityId: w.entityId,
    slot: w.slot,
  }));
  return [...services, ...direct];
}

function entityOf(data: Record<string, unknown>): string {
  const id = data.entity_id;
  if (typeof id === "string") return id;
  if (Array.isArray(id) && typeof id[0] === "string") return id[0];
  return "";
}

/** Slots on a lock that hold `pin`, from the fake lock's memory. */
export function slotsHolding(ha: HaFake, entityId: string, pin: string): number[] {
  return [...ha.slots(entityId)]
    .filter(([, s]) => s.status === "enabled" && s.code === pin)
    .map(([slot]) => slot);
}
