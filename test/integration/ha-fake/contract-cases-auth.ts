// Users and tokens changing while Latchkey is connected: what an admin does in HA's settings
// (config/auth/*) and in a profile (tokens), and what the affected logins see right after.
// Run against the fake by its own test and against real HA by the real-stack suite (through
// protocolContractCases). Each case puts back what it changed.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { contractSession, type ContractTarget } from "./contract-support.js";
import { RawClient, errorSchema, resultSchema, type Frame } from "./raw-client.js";

const userInfo = z.looseObject({
  id: z.string(),
  name: z.string().nullable(),
  is_active: z.boolean(),
  group_ids: z.array(z.string()),
});
const tokenInfo = z.looseObject({ id: z.string(), client_name: z.string().nullable(), type: z.string() });
const currentUser = z.looseObject({ id: z.string(), is_admin: z.boolean() });

const resultOf = (frame: Frame): unknown => resultSchema.parse(frame).result;
const errorCode = (frame: Frame): string => errorSchema.parse(frame).error.code;

export function authContractCases(getTarget: () => ContractTarget): void {
  const { track } = contractSession(getTarget);
  const login = async (token: string): Promise<{ client: RawClient; answer: Frame }> => {
    const authed = await RawClient.authed(getTarget().wsUrl, token);
    track(authed.client);
    return authed;
  };
  const listUsers = async (admin: RawClient) =>
    z.array(userInfo).parse(resultOf(await admin.command("config/auth/list")));

  describe("users and tokens", () => {
    it("config/auth/create, update and delete show in config/auth/list at once; non-admins are refused", async () => {
      const { client: admin } = await login(getTarget().adminToken);
      const created = z.object({ user: userInfo }).parse(
        resultOf(
          await admin.command("config/auth/create", {
            name: "Latchkey contract",
            group_ids: ["system-admin"],
          }),
        ),
      ).user;
      expect(created).toMatchObject({
        name: "Latchkey contract",
        is_active: true,
        group_ids: ["system-admin"],
      });
      const updated = z
        .object({ user: userInfo })
        .parse(
          resultOf(
            await admin.command("config/auth/update", { user_id: created.id, group_ids: ["system-users"] }),
          ),
        ).user;
      expect(updated.group_ids).toEqual(["system-users"]);
      expect((await listUsers(admin)).find((u) => u.id === created.id)?.group_ids).toEqual(["system-users"]);
      await admin.command("config/auth/update", { user_id: created.id, is_active: false });
      expect((await listUsers(admin)).find((u) => u.id === created.id)?.is_active).toBe(false);
      expect(resultOf(await admin.command("config/auth/delete", { user_id: created.id }))).toBeNull();
      expect((await listUsers(admin)).some((u) => u.id === created.id)).toBe(false);
      const me = currentUser.parse(resultOf(await admin.command("auth/current_user")));
      expect(errorCode(await admin.command("config/auth/delete", { user_id: me.id }))).toBe("no_delete_self");
      const { client: user } = await login(getTarget().userToken);
      expect(errorCode(await user.command("config/auth/create", { name: "Not allowed" }))).toBe(
        "unauthorized",
      );
    });

    it("a user promoted or demoted in HA has the new rights on the connection already open", async () => {
      const { client: admin } = await login(getTarget().adminToken);
      const { client: user } = await login(getTarget().userToken);
      const me = currentUser.parse(resultOf(await user.command("auth/current_user")));
      expect(me.is_admin).toBe(false);
      const before = (await listUsers(admin)).find((u) => u.id === me.id);
      expect(before).toBeDefined();
      try {
        await admin.command("config/auth/update", { user_id: me.id, group_ids: ["system-admin"] });
        expect(currentUser.parse(resultOf(await user.command("auth/current_user"))).is_admin).toBe(true);
        expect(resultSchema.parse(await user.command("config/auth/list")).success).toBe(true);
        await admin.command("config/auth/update", { user_id: me.id, group_ids: ["system-users"] });
        expect(currentUser.parse(resultOf(await user.command("auth/current_user"))).is_admin).toBe(false);
        expect(errorCode(await user.command("config/auth/list"))).toBe("unauthorized");
      } finally {
        await admin.command("config/auth/update", { user_id: me.id, group_ids: before?.group_ids ?? [] });
      }
    });

    it("a deactivated user's token logs in no more; reactivated, the user logs in again only on 2024.3", async (ctx) => {
      const spareToken = getTarget().spareUserToken;
      if (spareToken === undefined) return ctx.skip();
      const { client: admin } = await login(getTarget().adminToken);
      const { client: user } = await login(spareToken);
      const me = currentUser.parse(resultOf(await user.command("auth/current_user")));
      try {
        await admin.command("config/auth/update", { user_id: me.id, is_active: false });
        expect((await login(spareToken)).answer).toEqual({
          type: "auth_invalid",
          message: "Invalid access token or password",
        });
      } finally {
        await admin.command("config/auth/update", { user_id: me.id, is_active: true });
      }
      if (getTarget().profile === "pinned") {
        expect((await login(spareToken)).answer.type).toBe("auth_ok");
        return;
      }
      // Newer HA removes every token of a user it deactivates, and ends their sessions with it.
      expect(await user.waitClosed()).toBe(true);
      expect((await login(spareToken)).answer.type).toBe("auth_invalid");
    });

    it("a long-lived token deleted in the profile closes the connection it logged in, and logs in no more", async () => {
      const { client: admin } = await login(getTarget().adminToken);
      const clientName = `latchkey-contract-${Date.now()}`;
      const token = z
        .string()
        .parse(
          resultOf(
            await admin.command("auth/long_lived_access_token", { client_name: clientName, lifespan: 1 }),
          ),
        );
      const { client: withToken, answer } = await login(token);
      expect(answer.type).toBe("auth_ok");
      const tokens = z.array(tokenInfo).parse(resultOf(await admin.command("auth/refresh_tokens")));
      const entry = tokens.find((t) => t.client_name === clientName);
      expect(entry?.type).toBe("long_lived_access_token");
      expect(
        resultOf(await admin.command("auth/delete_refresh_token", { refresh_token_id: entry?.id ?? "" })),
      ).toEqual({});
      expect(await withToken.waitClosed()).toBe(true);
      expect((await login(token)).answer.type).toBe("auth_invalid");
      expect(
        errorCode(await admin.command("auth/delete_refresh_token", { refresh_token_id: "no-such-token" })),
      ).toBe("invalid_token_id");
    });
  });
}
