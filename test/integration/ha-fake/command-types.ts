// Shared shapes of command handlers (websocket_api/decorators.py websocket_command,
// require_admin, async_response).
import type { z } from "zod";
import type { Accounts, FakeAccount } from "./accounts.js";
import type { Home } from "./home.js";
import type { LockDriver } from "./lock-driver.js";
import type { HaProfile } from "./options.js";
import type { JsonObject } from "./protocol.js";
import type { ServiceRegistry } from "./services.js";

export interface FakeCore {
  home: Home;
  accounts: Accounts;
  services: ServiceRegistry;
  driver: LockDriver;
  profile: HaProfile;
  haVersion: string;
  timeZone: string;
  language: string;
  /** `CoreState` as get_config reports it: HA answers on its websocket while still "STARTING". */
  haState: "STARTING" | "RUNNING";
}

export interface Conn {
  user: FakeAccount;
  /** The refresh token this connection logged in with. */
  tokenId: string;
  send: (frame: JsonObject) => void;
  /** Live subscriptions by the id of the command that opened them. */
  subscriptions: Map<number, () => void>;
}

export interface CommandDef<S extends z.ZodType = z.ZodType> {
  /** Full message schema; strict, since websocket_command schemas use PREVENT_EXTRA. */
  schema: S;
  /** @require_admin: checked after the schema, like HA (schema runs before the handler). */
  admin: boolean;
  handler: (core: FakeCore, conn: Conn, msg: z.infer<S>) => void | Promise<void>;
}

export function command<S extends z.ZodType>(
  schema: S,
  admin: boolean,
  handler: CommandDef<S>["handler"],
): CommandDef {
  const def: CommandDef<S> = { schema, admin, handler };
  return {
    schema: def.schema,
    admin: def.admin,
    handler: (core, conn, msg) => {
      const parsed = def.schema.parse(msg);
      return def.handler(core, conn, parsed);
    },
  };
}
