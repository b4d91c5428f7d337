// What every contract case file shares: the target, a session that opens raw clients and closes
// them after each case, and the frame shapes both real HA and the fake answer with.
import { afterEach, expect } from "vitest";
import { z } from "zod";
import type { HaProfile } from "./options.js";
import { RawClient, errorSchema, resultSchema, type Frame } from "./raw-client.js";

export interface ContractTarget {
  wsUrl: string;
  adminToken: string;
  /** A non-admin user's token. */
  userToken: string;
  /** Another non-admin's token, which cases may end for good; those cases are skipped without it. */
  spareUserToken?: string;
  /**
   * Which Home Assistant the target is: "pinned" is the oldest release Latchkey supports (2024.3),
   * "newest" the current one (2026.11). Cases that differ between them say so.
   */
  profile: HaProfile;
  /** A zwave_js User Code lock with free slots. */
  lockEntityId: string;
  /** A slot the cases may write and clear (default 3). */
  testSlot?: number;
  /**
   * User Code locks with and without Supervision, for the cases where the lock's answer differs
   * ("newest" only; skipped without them).
   */
  userCodeLocks?: { entityId: string; supervised: boolean }[];
  /** A zwave_js lock with only the User Credential CC ("newest" only); cases needing it are skipped without it. */
  credentialLockEntityId?: string;
  /** A lock of HA's matter integration with 10 users, PINs of 4–8 digits ("newest" only). */
  matterLockEntityId?: string;
  /**
   * At the Matter lock: a PIN typed on its keypad (the fake names the credential index it
   * matches), or with `pin: null` the thumb-turn.
   */
  matterKeypad?: (press: {
    credentialIndex: number | null;
    pin: string | null;
    action: "lock" | "unlock";
  }) => Promise<void>;
  /** Makes the lock report a keypad operation; cases needing it are skipped without it. */
  pressKeypad?: (slot: number, action: "lock" | "unlock") => Promise<void>;
  /** Sets a code at the lock's keypad, as the real stack's locks do (notification only); cases needing it are skipped without it. */
  keypadCode?: (slot: number, code: string) => Promise<void>;
  /** Makes the lock's bolt jam; cases needing it are skipped without it. */
  jam?: () => Promise<void>;
  /** Makes the lock send an Access Control event (a keypad lockout, a wrong code); skipped without it. */
  accessEvent?: (event: number) => Promise<void>;
  /**
   * The lock goes away (answers nothing: its batteries out) or comes back and says so; the case
   * itself makes the driver find it dead. Cases needing it are skipped without it.
   */
  away?: (away: boolean) => Promise<void>;
  /** Switches the lock's quirks (what is left out is off), as the simulated network's POST /quirks; skipped without it. */
  quirks?: (quirks: {
    maskPins?: "stars" | "zeros" | null;
    refuseDuplicates?: boolean;
    silent?: boolean;
  }) => Promise<void>;
}

export const contextSchema = z.strictObject({
  id: z.string(),
  parent_id: z.string().nullable(),
  user_id: z.string().nullable(),
});
export const registryEntry = z.looseObject({
  entity_id: z.string(),
  device_id: z.string().nullable(),
  platform: z.string(),
});
export const eventSchema = z.looseObject({ id: z.number(), type: z.literal("event"), event: z.unknown() });

export function errorOf(frame: Frame): { code: string; message: string } {
  return errorSchema.parse(frame).error;
}

/** The whole error object of a failed result (translation key and placeholders included). */
export function fullErrorOf(frame: Frame): Record<string, unknown> {
  return z.looseObject({ error: z.record(z.string(), z.unknown()) }).parse(errorSchema.parse(frame)).error;
}

/** The response of a successful `call_service` with `return_response`, for one entity. */
export function responseFor(frame: Frame, entityId: string): unknown {
  const result = z
    .looseObject({ response: z.record(z.string(), z.unknown()) })
    .parse(resultSchema.parse(frame).result);
  return result.response[entityId];
}

export interface ContractSession {
  connect: (admin: boolean) => Promise<RawClient>;
  /** Closes a client opened by hand after the case. */
  track: (client: RawClient) => void;
  deviceIdOf: (client: RawClient, entityId: string) => Promise<string>;
  lockDeviceId: (client: RawClient) => Promise<string>;
  /** `call_service` on zwave_js, targeting one entity. */
  zwave: (
    client: RawClient,
    service: string,
    entityId: string,
    data?: Record<string, unknown>,
    returnResponse?: boolean,
  ) => Promise<Frame>;
}

/** Opens clients on demand and closes them after every case. Call inside a describe. */
export function contractSession(getTarget: () => ContractTarget): ContractSession {
  const open: RawClient[] = [];
  afterEach(() => {
    for (const c of open.splice(0)) c.close();
  });
  const deviceIdOf = async (client: RawClient, entityId: string): Promise<string> => {
    const frame = resultSchema.parse(await client.command("config/entity_registry/list"));
    const entries = z.array(registryEntry).parse(frame.result);
    const entry = entries.find((e) => e.entity_id === entityId);
    expect(entry?.platform).toBe("zwave_js");
    return z.string().parse(entry?.device_id);
  };
  return {
    connect: async (admin) => {
      const t = getTarget();
      const { client, answer } = await RawClient.authed(t.wsUrl, admin ? t.adminToken : t.userToken);
      expect(answer.type).toBe("auth_ok");
      open.push(client);
      return client;
    },
    track: (client) => {
      open.push(client);
    },
    deviceIdOf,
    lockDeviceId: (client) => deviceIdOf(client, getTarget().lockEntityId),
    zwave: (client, service, entityId, data = {}, returnResponse = false) =>
      client.command(
        "call_service",
        {
          domain: "zwave_js",
          service,
          service_data: data,
          target: { entity_id: entityId },
          ...(returnResponse ? { return_response: true } : {}),
        },
        30_000,
      ),
  };
}
