// Contract cases of HA's matter lock actions (2026.4+, "newest" profile) on a Matter door lock:
// the project's simulated lock (matter.js) commissioned into a Matter server against real HA, and
// the fake's Matter lock (matter-door-lock.ts, service-defs-matter.ts) in the integration tier.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { contractSession, fullErrorOf, responseFor, type ContractTarget } from "./contract-support.js";
import { resultSchema, type RawClient } from "./raw-client.js";

const lockInfo = z.strictObject({
  supports_user_management: z.boolean(),
  supported_credential_types: z.array(z.string()),
  max_users: z.number().nullable(),
  max_pin_users: z.number().nullable(),
  max_rfid_users: z.number().nullable(),
  max_credentials_per_user: z.number().nullable(),
  min_pin_length: z.number().nullable(),
  max_pin_length: z.number().nullable(),
  min_rfid_length: z.number().nullable(),
  max_rfid_length: z.number().nullable(),
});
const lockUser = z.strictObject({
  user_index: z.number().nullable(),
  user_name: z.string().nullable(),
  user_unique_id: z.number().nullable(),
  user_status: z.string(),
  user_type: z.string(),
  credential_rule: z.string(),
  credentials: z.array(z.strictObject({ type: z.string(), index: z.number().nullable() })),
  creator_fabric_index: z.number().nullable(),
  last_modified_fabric_index: z.number().nullable(),
  next_user_index: z.number().nullable(),
});
const lockUsers = z.strictObject({ max_users: z.number(), users: z.array(lockUser) });
const credentialStatus = z.strictObject({
  credential_exists: z.boolean(),
  user_index: z.number().nullable(),
  creator_fabric_index: z.number().nullable(),
  last_modified_fabric_index: z.number().nullable(),
  next_credential_index: z.number().nullable(),
});
const setCredential = z.strictObject({
  credential_index: z.number(),
  user_index: z.number().nullable(),
  next_credential_index: z.number().nullable(),
});

/** The PIN credential index these cases write (the contract's own; other cases stay off it). */
const INDEX = 9;

export function matterCases(getTarget: () => ContractTarget): void {
  const { connect } = contractSession(getTarget);
  const matterLock = (ctx: { skip: () => void }): string | null => {
    const lock = getTarget().profile === "newest" ? getTarget().matterLockEntityId : undefined;
    if (lock) return lock;
    ctx.skip();
    return null;
  };
  const call = (
    client: RawClient,
    service: string,
    entityId: string,
    data: Record<string, unknown> = {},
    response = true,
  ) =>
    client.command(
      "call_service",
      {
        domain: "matter",
        service,
        service_data: data,
        target: { entity_id: entityId },
        ...(response ? { return_response: true } : {}),
      },
      30_000,
    );

  describe("matter lock actions (HA 2026.4+)", () => {
    it("offers the seven matter lock actions; get_lock_info gives the lock's limits", async (ctx) => {
      const lock = matterLock(ctx);
      if (!lock) return;
      const client = await connect(true);
      const services = z
        .record(z.string(), z.record(z.string(), z.unknown()))
        .parse(resultSchema.parse(await client.command("get_services")).result);
      for (const service of [
        "get_lock_info",
        "get_lock_users",
        "set_lock_user",
        "clear_lock_user",
        "set_lock_credential",
        "clear_lock_credential",
        "get_lock_credential_status",
      ])
        expect(Object.keys(services.matter ?? {})).toContain(service);
      expect(lockInfo.parse(responseFor(await call(client, "get_lock_info", lock), lock))).toMatchObject({
        supports_user_management: true,
        supported_credential_types: ["pin"],
        max_users: 10,
        max_pin_users: 10,
        min_pin_length: 4,
        max_pin_length: 8,
      });
    });

    it("a PIN at a free index makes a user of its own; it is changed in place and goes with its user; no PIN is ever listed", async (ctx) => {
      const lock = matterLock(ctx);
      if (!lock) return;
      const client = await connect(true);
      const status = async () =>
        credentialStatus.parse(
          responseFor(
            await call(client, "get_lock_credential_status", lock, {
              credential_type: "pin",
              credential_index: INDEX,
            }),
            lock,
          ),
        );
      expect((await status()).credential_exists).toBe(false);
      const added = setCredential.parse(
        responseFor(
          await call(client, "set_lock_credential", lock, {
            credential_type: "pin",
            credential_data: "60715",
            credential_index: INDEX,
          }),
          lock,
        ),
      );
      expect(added.credential_index).toBe(INDEX);
      expect(added.user_index).toEqual(expect.any(Number));
      const user = added.user_index ?? 0;
      const after = await status();
      expect(after).toMatchObject({ credential_exists: true, user_index: user });
      // HA's own fabric made it; the same fabric index is its creator and last modifier.
      expect(after.creator_fabric_index).toEqual(after.last_modified_fabric_index);
      const users = lockUsers.parse(responseFor(await call(client, "get_lock_users", lock), lock));
      expect(users.max_users).toBe(10);
      expect(users.users.find((u) => u.user_index === user)).toMatchObject({
        user_status: "occupied_enabled",
        user_type: "unrestricted_user",
        credential_rule: "single",
        credentials: [{ type: "pin", index: INDEX }],
      });
      expect(JSON.stringify(users)).not.toContain("60715");
      // set_lock_user renames the user (no response); the lock lists the new name.
      const renamed = await call(
        client,
        "set_lock_user",
        lock,
        { user_index: user, user_name: "Contract" },
        false,
      );
      expect(resultSchema.parse(renamed).success).toBe(true);
      const named = lockUsers.parse(responseFor(await call(client, "get_lock_users", lock), lock));
      expect(named.users.find((u) => u.user_index === user)?.user_name).toBe("Contract");

      const changed = setCredential.parse(
        responseFor(
          await call(client, "set_lock_credential", lock, {
            credential_type: "pin",
            credential_data: "60716",
            credential_index: INDEX,
          }),
          lock,
        ),
      );
      expect(changed).toMatchObject({ credential_index: INDEX, user_index: null });

      const cleared = await call(client, "clear_lock_user", lock, { user_index: user }, false);
      expect(resultSchema.parse(cleared).success).toBe(true);
      expect((await status()).credential_exists).toBe(false);
      const left = lockUsers.parse(responseFor(await call(client, "get_lock_users", lock), lock));
      expect(left.users.some((u) => u.user_index === user)).toBe(false);
    });

    it("refuses a bad PIN, a duplicate, a missing response request and an empty index, in HA's words", async (ctx) => {
      const lock = matterLock(ctx);
      if (!lock) return;
      const client = await connect(true);
      expect(
        fullErrorOf(
          await call(client, "set_lock_credential", lock, {
            credential_type: "pin",
            credential_data: "12ab",
            credential_index: INDEX,
          }),
        ),
      ).toMatchObject({
        code: "service_validation_error",
        translation_key: "invalid_credential_data",
        translation_placeholders: { reason: "PIN must contain only digits" },
      });
      expect(
        fullErrorOf(
          await call(client, "set_lock_credential", lock, {
            credential_type: "pin",
            credential_data: "123",
            credential_index: INDEX,
          }),
        ),
      ).toMatchObject({
        code: "service_validation_error",
        translation_key: "invalid_credential_data",
        translation_placeholders: { reason: "PIN length must be between 4 and 8" },
      });
      expect(
        fullErrorOf(
          await call(
            client,
            "set_lock_credential",
            lock,
            { credential_type: "pin", credential_data: "60717", credential_index: INDEX },
            false,
          ),
        ),
      ).toMatchObject({
        code: "service_validation_error",
        translation_key: "service_lacks_response_request",
      });
      const first = setCredential.parse(
        responseFor(
          await call(client, "set_lock_credential", lock, {
            credential_type: "pin",
            credential_data: "60718",
            credential_index: INDEX,
          }),
          lock,
        ),
      );
      const duplicate = fullErrorOf(
        await call(client, "set_lock_credential", lock, {
          credential_type: "pin",
          credential_data: "60718",
          credential_index: INDEX - 1,
        }),
      );
      expect(duplicate).toMatchObject({
        code: "home_assistant_error",
        message: "Failed to set credential: lock returned status `failure`",
        translation_key: "set_credential_failed",
      });
      await call(client, "clear_lock_user", lock, { user_index: first.user_index ?? 0 }, false);
      const empty = fullErrorOf(
        await call(
          client,
          "clear_lock_credential",
          lock,
          { credential_type: "pin", credential_index: INDEX },
          false,
        ),
      );
      expect(empty.code).toBe("home_assistant_error");
      expect(String(empty.message)).toMatch(/^Failed to clear lock credential on /);
    });

    it("lets a non-admin read the users and write a PIN: the matter integration does not restrict its lock actions", async (ctx) => {
      const lock = matterLock(ctx);
      if (!lock) return;
      const guest = await connect(false);
      expect(resultSchema.parse(await call(guest, "get_lock_users", lock)).success).toBe(true);
      const added = setCredential.parse(
        responseFor(
          await call(guest, "set_lock_credential", lock, {
            credential_type: "pin",
            credential_data: "60719",
            credential_index: INDEX,
          }),
          lock,
        ),
      );
      const admin = await connect(true);
      await call(admin, "clear_lock_user", lock, { user_index: added.user_index ?? 0 }, false);
    });

    it("a keypad unlock shows as the lock's state with changed_by Keypad; a thumb-turn as Manual", async (ctx) => {
      const lock = matterLock(ctx);
      const keypad = getTarget().matterKeypad;
      if (!lock) return;
      if (!keypad) return ctx.skip();
      const client = await connect(true);
      const stateOf = async () => {
        const states = z.array(
          z.looseObject({
            entity_id: z.string(),
            state: z.string(),
            attributes: z.record(z.string(), z.unknown()),
          }),
        );
        return states
          .parse(resultSchema.parse(await client.command("get_states")).result)
          .find((s) => s.entity_id === lock);
      };
      const waitFor = async (state: string, changedBy: string) => {
        const deadline = Date.now() + 15_000;
        for (;;) {
          const now = await stateOf();
          if ((now?.state === state && now.attributes.changed_by === changedBy) || Date.now() > deadline)
            return now;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      };
      const added = setCredential.parse(
        responseFor(
          await call(client, "set_lock_credential", lock, {
            credential_type: "pin",
            credential_data: "60720",
            credential_index: INDEX,
          }),
          lock,
        ),
      );
      await keypad({ credentialIndex: INDEX, pin: "60720", action: "unlock" });
      expect(await waitFor("unlocked", "Keypad")).toMatchObject({
        state: "unlocked",
        attributes: { changed_by: "Keypad" },
      });
      await keypad({ credentialIndex: null, pin: null, action: "lock" });
      expect(await waitFor("locked", "Manual")).toMatchObject({
        state: "locked",
        attributes: { changed_by: "Manual" },
      });
      await call(client, "clear_lock_user", lock, { user_index: added.user_index ?? 0 }, false);
    });
  });
}
