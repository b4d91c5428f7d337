// Contract cases of what HA 2026.6+ added to zwave_js for lock codes ("newest" profile only):
// the credential actions (which serve User Code locks too), get_lock_usercode,
// zwave_js/node_capabilities and zwave_js/invoke_cc_api, and who may call them.
import { CRC16_CCITT } from "@zwave-js/core";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  contractSession,
  errorOf,
  fullErrorOf,
  responseFor,
  type ContractTarget,
} from "./contract-support.js";
import { resultSchema, type RawClient } from "./raw-client.js";

const credentialRef = z.strictObject({ type: z.string(), slot: z.number() });
const userEntry = z.strictObject({
  user_id: z.number(),
  user_name: z.string().nullable(),
  active: z.boolean(),
  user_type: z.string(),
  credential_rule: z.string().nullable(),
  credentials: z.array(credentialRef),
});
const usersResult = z.strictObject({ max_users: z.number(), users: z.array(userEntry) });
const UNAUTHORIZED = { code: "home_assistant_error", message: "Unauthorized" };

/** A User Code CC API method of one device through zwave_js/invoke_cc_api, waiting for its result. */
function userCodeCcApi(client: RawClient, deviceId: string) {
  return async (method: string, parameters: unknown[]) =>
    resultSchema.parse(
      await client.command(
        "zwave_js/invoke_cc_api",
        { device_id: deviceId, command_class: 99, method_name: method, parameters, wait_for_result: true },
        30_000,
      ),
    );
}

/** Reads until `done` holds (the driver's cache follows a write within seconds), then returns the last read. */
async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export function credentialCases(getTarget: () => ContractTarget): void {
  const { connect, lockDeviceId, deviceIdOf, zwave } = contractSession(getTarget);
  const newestOnly = (ctx: { skip: () => void }): boolean => {
    if (getTarget().profile === "newest") return true;
    ctx.skip();
    return false;
  };

  describe("zwave_js lock codes on newer HA", () => {
    it("offers the credential actions, get_lock_usercode and zwave_js/node_capabilities", async (ctx) => {
      if (!newestOnly(ctx)) return;
      const client = await connect(true);
      const services = z
        .record(z.string(), z.record(z.string(), z.unknown()))
        .parse(resultSchema.parse(await client.command("get_services")).result);
      for (const service of [
        "set_lock_usercode",
        "clear_lock_usercode",
        "get_lock_usercode",
        "get_users",
        "get_credential_capabilities",
        "set_user",
        "set_credential",
        "delete_user",
        "delete_all_users",
        "delete_credential",
        "delete_all_credentials",
      ])
        expect(Object.keys(services.zwave_js ?? {})).toContain(service);
      const capabilities = z
        .record(z.string(), z.array(z.looseObject({ id: z.number() })))
        .parse(
          resultSchema.parse(
            await client.command("zwave_js/node_capabilities", { device_id: await lockDeviceId(client) }),
          ).result,
        );
      expect(capabilities["0"]?.map((cc) => cc.id)).toContain(99);
      expect(Object.keys(capabilities["0"]?.find((cc) => cc.id === 99) ?? {}).sort()).toEqual([
        "id",
        "isSecure",
        "is_secure",
        "name",
        "version",
      ]);
    });

    it("lets a non-admin list users, but not write codes or read them", async (ctx) => {
      if (!newestOnly(ctx)) return;
      const guest = await connect(false);
      const lock = getTarget().lockEntityId;
      expect(resultSchema.parse(await zwave(guest, "get_users", lock, {}, true)).success).toBe(true);
      const pin = { credential_type: "pin_code", credential_data: "4839" };
      expect(errorOf(await zwave(guest, "set_user", lock, pin, true))).toEqual(UNAUTHORIZED);
      expect(errorOf(await zwave(guest, "get_lock_usercode", lock, {}, true))).toEqual(UNAUTHORIZED);
      expect(
        errorOf(await zwave(guest, "set_lock_usercode", lock, { code_slot: 9, usercode: "4839" })),
      ).toEqual(UNAUTHORIZED);
      const read = await guest.command("zwave_js/invoke_cc_api", {
        device_id: await lockDeviceId(guest),
        command_class: 99,
        method_name: "get",
        parameters: [1],
        wait_for_result: true,
      });
      expect(errorOf(read).code).toBe("unauthorized");
    });

    it("writes a User Code slot through zwave_js/invoke_cc_api: the answer is the lock's Supervision result (null without Supervision), and the driver's cache learns the PIN only from the next get", async (ctx) => {
      const locks = getTarget().userCodeLocks;
      if (!newestOnly(ctx) || !locks) return;
      const client = await connect(true);
      const slot = (getTarget().testSlot ?? 3) + 1;
      for (const { entityId, supervised } of locks) {
        const deviceId = await deviceIdOf(client, entityId);
        const cc = userCodeCcApi(client, deviceId);
        const cached = async () =>
          z
            .record(z.string(), z.unknown())
            .parse(
              responseFor(
                await zwave(client, "get_lock_usercode", entityId, { code_slot: slot }, true),
                entityId,
              ),
            );
        const before = await cached();
        const set = await cc("set", [slot, 1, "5172"]);
        expect(set.success).toBe(true);
        expect(set.result).toEqual(supervised ? expect.objectContaining({ status: 255 }) : null);
        // zwave-js verifies only what goes through its setValue: the cache still holds what it held.
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        expect(await cached()).toEqual(before);
        expect((await cc("get", [slot])).result).toEqual({ userIdStatus: 1, userCode: "5172" });
        // HA's own copy of the driver's values marks the slot taken (its digits may follow later).
        expect(
          await eventually(
            cached,
            (c) => z.object({ in_use: z.boolean() }).loose().safeParse(c[String(slot)]).data?.in_use === true,
          ),
        ).toMatchObject({ [String(slot)]: { in_use: true } });
        const cleared = await cc("clear", [slot]);
        expect(cleared.result).toEqual(supervised ? expect.objectContaining({ status: 255 }) : null);
        expect((await cc("get", [slot])).result).toEqual({ userIdStatus: 0, userCode: "" });
      }
    });

    it("answers a User Code lock's checksum: zwave-js's CRC-16 over each enabled slot's number, status and PIN (0 for none)", async (ctx) => {
      // It reads every slot: not on the lock whose never-read slots other cases look at.
      const lock = getTarget().userCodeLocks?.find((l) => l.entityId !== getTarget().lockEntityId);
      if (!newestOnly(ctx) || !lock) return;
      const client = await connect(true);
      const deviceId = await deviceIdOf(client, lock.entityId);
      const cc = async (method: string, parameters: unknown[]) =>
        (await userCodeCcApi(client, deviceId)(method, parameters)).result;
      const slots = z
        .number()
        .int()
        .parse(await cc("getUsersCount", []));
      const expected = async () => {
        const bytes: number[] = [];
        for (let slot = 1; slot <= slots; slot++) {
          const read = z
            .object({ userIdStatus: z.number(), userCode: z.string() })
            .parse(await cc("get", [slot]));
          if (read.userIdStatus === 0 || read.userCode === "") continue;
          bytes.push(slot >> 8, slot & 0xff, read.userIdStatus, ...Buffer.from(read.userCode, "ascii"));
        }
        return bytes.length === 0 ? 0 : CRC16_CCITT(new Uint8Array(bytes));
      };
      expect(await cc("getUserCodeChecksum", [])).toBe(await expected());
      const slot = (getTarget().testSlot ?? 3) + 2;
      await cc("set", [slot, 1, "40917"]);
      const withCode = await expected();
      expect(await cc("getUserCodeChecksum", [])).toBe(withCode);
      await cc("clear", [slot]);
      expect(await cc("getUserCodeChecksum", [])).not.toBe(withCode);
    });

    it("serves a User Code lock as users: one per occupied slot, credentials name type and slot, never the PIN", async (ctx) => {
      if (!newestOnly(ctx)) return;
      const client = await connect(true);
      const lock = getTarget().lockEntityId;
      const slot = getTarget().testSlot ?? 3;
      await zwave(client, "set_lock_usercode", lock, { code_slot: slot, usercode: "4831" });
      const readUsers = async () =>
        usersResult.parse(responseFor(await zwave(client, "get_users", lock, {}, true), lock)).users;
      const users = await eventually(readUsers, (list) => list.some((u) => u.user_id === slot));
      expect(users.find((u) => u.user_id === slot)).toEqual({
        user_id: slot,
        user_name: null,
        active: true,
        user_type: "general",
        credential_rule: null,
        credentials: [{ type: "pin_code", slot }],
      });
      // A new PIN for that user, in the user's own slot (the only place a User Code lock has).
      const changed = await zwave(
        client,
        "set_credential",
        lock,
        { user_id: slot, credential_type: "pin_code", credential_data: "4832", credential_slot: slot },
        true,
      );
      expect(responseFor(changed, lock)).toEqual({ credential_slot: slot, user_id: slot });
      const read = await client.command(
        "zwave_js/invoke_cc_api",
        {
          device_id: await lockDeviceId(client),
          command_class: 99,
          method_name: "get",
          parameters: [slot],
          wait_for_result: true,
        },
        30_000,
      );
      expect(resultSchema.parse(read).result).toEqual({ userIdStatus: 1, userCode: "4832" });
      // On a User Code lock a user cannot exist without a code.
      expect(fullErrorOf(await zwave(client, "set_user", lock, { user_id: slot + 1 }, true))).toMatchObject({
        code: "home_assistant_error",
        translation_key: "set_user_failed",
      });
      expect(fullErrorOf(await zwave(client, "set_user", lock, {}, true))).toMatchObject({
        code: "service_validation_error",
        translation_key: "credential_required",
      });
      const removed = await zwave(client, "delete_credential", lock, {
        user_id: slot,
        credential_type: "pin_code",
        credential_slot: slot,
      });
      expect(resultSchema.parse(removed).success).toBe(true);
      await eventually(readUsers, (list) => !list.some((u) => u.user_id === slot));
    });

    it("on a User Credential lock: set_user makes the user, set_credential (response only) adds its PIN, a duplicate is refused", async (ctx) => {
      const credentialLock = getTarget().credentialLockEntityId;
      if (!newestOnly(ctx)) return;
      if (!credentialLock) return ctx.skip();
      const client = await connect(true);
      const classes = z
        .record(z.string(), z.array(z.looseObject({ id: z.number() })))
        .parse(
          resultSchema.parse(
            await client.command("zwave_js/node_capabilities", {
              device_id: await deviceIdOf(client, credentialLock),
            }),
          ).result,
        )
        ["0"]?.map((cc) => cc.id);
      expect(classes).toContain(131);
      expect(classes).not.toContain(99);
      // The User Code actions cannot reach it: there is no User Code value to write.
      expect(
        fullErrorOf(
          await zwave(client, "set_lock_usercode", credentialLock, { code_slot: 2, usercode: "60713" }),
        ),
      ).toMatchObject({ code: "home_assistant_error", translation_key: "set_lock_usercode_failed" });
      const user = 9;
      expect(
        responseFor(await zwave(client, "set_user", credentialLock, { user_id: user }, true), credentialLock),
      ).toEqual({
        user_id: user,
        credential_slot: null,
      });
      const pin = {
        user_id: user,
        credential_type: "pin_code",
        credential_data: "60714",
        credential_slot: user,
      };
      expect(fullErrorOf(await zwave(client, "set_credential", credentialLock, pin))).toMatchObject({
        code: "service_validation_error",
        translation_key: "service_lacks_response_request",
      });
      expect(
        fullErrorOf(
          await zwave(client, "set_credential", credentialLock, { ...pin, credential_data: "60ab" }, true),
        ),
      ).toMatchObject({
        code: "service_validation_error",
        translation_key: "credential_data_pin_not_digits",
      });
      expect(
        responseFor(await zwave(client, "set_credential", credentialLock, pin, true), credentialLock),
      ).toEqual({
        credential_slot: user,
        user_id: user,
      });
      const users = usersResult.parse(
        responseFor(await zwave(client, "get_users", credentialLock, {}, true), credentialLock),
      );
      expect(users.users.find((u) => u.user_id === user)?.credentials).toEqual([
        { type: "pin_code", slot: user },
      ]);
      // The same PIN for someone else: the lock refuses it (the user itself is still created).
      const duplicate = await zwave(
        client,
        "set_user",
        credentialLock,
        { user_id: user + 1, credential_type: "pin_code", credential_data: "60714" },
        true,
      );
      expect(fullErrorOf(duplicate)).toMatchObject({
        code: "home_assistant_error",
        translation_key: "credential_rejected_duplicate",
      });
      const clearPin = { user_id: user, credential_type: "pin_code", credential_slot: user };
      expect(
        resultSchema.parse(await zwave(client, "delete_credential", credentialLock, clearPin)).success,
      ).toBe(true);
      // Deleting a credential that is not there is no error.
      expect(
        resultSchema.parse(await zwave(client, "delete_credential", credentialLock, clearPin)).success,
      ).toBe(true);
      for (const id of [user, user + 1])
        expect(
          resultSchema.parse(await zwave(client, "delete_user", credentialLock, { user_id: id })).success,
        ).toBe(true);
      const after = usersResult.parse(
        responseFor(await zwave(client, "get_users", credentialLock, {}, true), credentialLock),
      );
      expect(after.users.map((u) => u.user_id)).not.toContain(user);
      expect(after.users.map((u) => u.user_id)).not.toContain(user + 1);
    });

    it("get_lock_usercode answers the driver's cache by slot on a User Code lock, nothing on a User Credential lock", async (ctx) => {
      if (!newestOnly(ctx)) return;
      const client = await connect(true);
      const lock = getTarget().lockEntityId;
      const slot = getTarget().testSlot ?? 3;
      await zwave(client, "set_lock_usercode", lock, { code_slot: slot, usercode: "4833" });
      const cached = z.record(
        z.string(),
        z.strictObject({ usercode: z.string().nullable(), in_use: z.boolean().nullable() }),
      );
      // On a lock without Supervision the driver learns the new code from its own read-back, a
      // moment after set_lock_usercode answered; until then the cache holds the old one.
      const codes = await eventually(
        async () => cached.parse(responseFor(await zwave(client, "get_lock_usercode", lock, {}, true), lock)),
        (slots) => slots[String(slot)]?.usercode === "4833",
      );
      expect(codes[String(slot)]).toEqual({ usercode: "4833", in_use: true });
      // A slot the driver never read is neither free nor taken: unknown.
      expect(Object.values(codes)).toContainEqual({ usercode: null, in_use: null });
      await zwave(client, "clear_lock_usercode", lock, { code_slot: slot });
      const credentialLock = getTarget().credentialLockEntityId;
      if (credentialLock)
        expect(
          responseFor(await zwave(client, "get_lock_usercode", credentialLock, {}, true), credentialLock),
        ).toEqual({});
    });

    it("zwave_js/invoke_cc_api cannot reach the User Credential CC", async (ctx) => {
      const credentialLock = getTarget().credentialLockEntityId;
      if (!newestOnly(ctx)) return;
      if (!credentialLock) return ctx.skip();
      const client = await connect(true);
      const read = await client.command("zwave_js/invoke_cc_api", {
        device_id: await deviceIdOf(client, credentialLock),
        command_class: 131,
        method_name: "getCredential",
        parameters: [1, 1, 1],
        wait_for_result: true,
      });
      expect(errorOf(read).code).toBe("invalid_format");
    });
  });
}
