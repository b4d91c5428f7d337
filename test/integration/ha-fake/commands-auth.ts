// Users and tokens, as HA 2024.3 serves them: config/auth.py (list, create, update, delete; admins
// only, `_user_info`) and auth/__init__.py (long_lived_access_token, refresh_tokens,
// delete_refresh_token; for the connection's own user).
import { z } from "zod";
import type { FakeAccount } from "./accounts.js";
import { command, type CommandDef } from "./command-types.js";
import { HaError, resultFrame } from "./protocol.js";

const base = { id: z.number().int().positive() };

/** config/auth.py `_user_info`. */
function userInfo(u: FakeAccount): Record<string, unknown> {
  return {
    id: u.id,
    username: u.tokens.length > 0 ? u.name.toLowerCase().replace(/\W+/g, "") : null,
    name: u.name,
    is_owner: false,
    is_active: u.isActive,
    local_only: false,
    system_generated: false,
    group_ids: u.groupIds,
    credentials: u.tokens.length > 0 ? [{ type: "homeassistant" }] : [],
  };
}

export const AUTH_COMMANDS: Record<string, CommandDef> = {
  "config/auth/list": command(
    z.strictObject({ ...base, type: z.literal("config/auth/list") }),
    true,
    (core, conn, msg) => {
      conn.send(resultFrame(msg.id, core.accounts.users.map(userInfo)));
    },
  ),
  "config/auth/create": command(
    z.strictObject({
      ...base,
      type: z.literal("config/auth/create"),
      name: z.string(),
      group_ids: z.array(z.string()).optional(),
      local_only: z.boolean().optional(),
    }),
    true,
    (core, conn, msg) => {
      const user = core.accounts.create(msg.name, msg.group_ids ?? []);
      conn.send(resultFrame(msg.id, { user: userInfo(user) }));
    },
  ),
  "config/auth/update": command(
    z.strictObject({
      ...base,
      type: z.literal("config/auth/update"),
      user_id: z.string(),
      name: z.string().optional(),
      is_active: z.boolean().optional(),
      group_ids: z.array(z.string()).optional(),
      local_only: z.boolean().optional(),
    }),
    true,
    (core, conn, msg) => {
      const user = core.accounts.byId(msg.user_id);
      if (!user) throw new HaError("not_found", "User not found");
      core.accounts.update(user, { name: msg.name, groupIds: msg.group_ids, isActive: msg.is_active });
      conn.send(resultFrame(msg.id, { user: userInfo(user) }));
    },
  ),
  "config/auth/delete": command(
    z.strictObject({ ...base, type: z.literal("config/auth/delete"), user_id: z.string() }),
    true,
    (core, conn, msg) => {
      if (msg.user_id === conn.user.id)
        throw new HaError("no_delete_self", "Unable to delete your own account");
      const user = core.accounts.byId(msg.user_id);
      if (!user) throw new HaError("not_found", "User not found");
      core.accounts.remove(user);
      conn.send(resultFrame(msg.id));
    },
  ),
  "auth/long_lived_access_token": command(
    z.strictObject({
      ...base,
      type: z.literal("auth/long_lived_access_token"),
      client_name: z.string(),
      client_icon: z.string().nullable().optional(),
      lifespan: z.number().int(),
    }),
    false,
    (core, conn, msg) => {
      conn.send(resultFrame(msg.id, core.accounts.createLongLived(conn.user, msg.client_name).token));
    },
  ),
  "auth/refresh_tokens": command(
    z.strictObject({ ...base, type: z.literal("auth/refresh_tokens") }),
    false,
    (_core, conn, msg) => {
      conn.send(
        resultFrame(
          msg.id,
          conn.user.tokens.map((t) => ({
            id: t.id,
            client_id: null,
            client_name: t.clientName,
            client_icon: null,
            type: t.type,
            created_at: t.createdAt,
            is_current: t.id === conn.tokenId,
            last_used_at: null,
            last_used_ip: null,
            auth_provider_type: "homeassistant",
          })),
        ),
      );
    },
  ),
  "auth/delete_refresh_token": command(
    z.strictObject({ ...base, type: z.literal("auth/delete_refresh_token"), refresh_token_id: z.string() }),
    false,
    (core, conn, msg) => {
      const token = conn.user.tokens.find((t) => t.id === msg.refresh_token_id);
      if (!token) throw new HaError("invalid_token_id", "Received invalid token");
      // The answer goes out before the revoke callbacks close this very connection, if it is the one.
      conn.send(resultFrame(msg.id, {}));
      core.accounts.revoke(conn.user, token);
    },
  ),
};
