// One websocket client, in HA 2024.3's two phases: websocket_api/auth.py AuthPhase, then
// connection.py ActiveConnection.async_handle (frame checks, id ordering, dispatch) and
// async_handle_exception (exception → error code).
import type { WebSocket } from "ws";
import type { CommandDef, Conn, FakeCore } from "./command-types.js";
import type { FakeAccount } from "./accounts.js";
import type { Faults } from "./faults.js";
import {
  HaError,
  authFrame,
  authInvalid,
  authOk,
  authRequired,
  commandFrame,
  errorFrame,
  invalidFormat,
  jsonObject,
  type JsonObject,
} from "./protocol.js";

export class FakeConnection {
  private user: FakeAccount | null = null;
  private tokenId = "";
  private authenticating = false;
  private unsubscribeRevoke: (() => void) | null = null;
  private lastId = 0;
  private readonly subscriptions = new Map<number, () => void>();

  constructor(
    private readonly socket: WebSocket,
    private readonly core: FakeCore,
    private readonly commands: Map<string, CommandDef>,
    private readonly faults: Faults,
  ) {
    this.send(authRequired(core.haVersion));
    socket.on("message", (data: Buffer) => {
      this.onMessage(data.toString("utf8"));
    });
    socket.on("close", () => {
      this.cleanup();
    });
  }

  close(): void {
    this.socket.close();
  }

  private send(frame: JsonObject): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(frame));
  }

  private cleanup(): void {
    this.unsubscribeRevoke?.();
    for (const unsub of this.subscriptions.values()) unsub();
    this.subscriptions.clear();
  }

  private onMessage(text: string): void {
    let msg: unknown;
    try {
      msg = JSON.parse(text);
    } catch {
      this.socket.close(); // http.py: invalid JSON ends the connection
      return;
    }
    if (this.authenticating) return;
    if (this.user === null) {
      this.authenticating = true;
      this.core.accounts.loginAttempts++;
      const delay = this.faults.authDelayMs;
      if (delay === 0) this.authenticate(msg);
      else
        setTimeout(() => {
          this.authenticate(msg);
        }, delay);
    } else this.handle(this.user, msg);
  }

  private authenticate(msg: unknown): void {
    this.authenticating = false;
    const parsed = authFrame.safeParse(msg);
    if (!parsed.success) {
      this.send(
        authInvalid(
          `Auth message incorrectly formatted: ${invalidFormat("invalid auth message", msg).message}`,
        ),
      );
      this.socket.close();
      return;
    }
    const found =
      parsed.data.access_token === undefined ? null : this.core.accounts.validate(parsed.data.access_token);
    if (!found) {
      this.send(authInvalid("Invalid access token or password"));
      this.socket.close();
      return;
    }
    this.user = found.user;
    this.tokenId = found.token.id;
    this.unsubscribeRevoke = this.core.accounts.onRevoke(found.token.id, () => {
      this.socket.close();
    });
    this.send(authOk(this.core.haVersion));
  }

  private handle(user: FakeAccount, msg: unknown): void {
    const frame = commandFrame.safeParse(msg);
    if (!frame.success) {
      const raw = jsonObject.safeParse(msg);
      const id = raw.success && typeof raw.data.id === "number" ? raw.data.id : 0;
      this.send(errorFrame(id, new HaError("invalid_format", "Message incorrectly formatted.")));
      return;
    }
    const { id, type } = frame.data;
    if (id <= this.lastId) {
      this.send(errorFrame(id, new HaError("id_reuse", "Identifier values have to increase.")));
      return;
    }
    const def = this.commands.get(type);
    if (!def) {
      this.send(errorFrame(id, new HaError("unknown_command", "Unknown command.")));
      return;
    }
    this.lastId = id;
    const conn: Conn = {
      user,
      tokenId: this.tokenId,
      send: (f) => {
        this.send(f);
      },
      subscriptions: this.subscriptions,
    };
    try {
      const parsed = def.schema.safeParse(msg);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where =
          issue && issue.path.length > 0
            ? ` @ data${issue.path.map((p) => `['${String(p)}']`).join("")}`
            : "";
        const text =
          issue?.code === "unrecognized_keys"
            ? `extra keys not allowed @ data['${issue.keys[0] ?? ""}']`
            : `${issue?.message ?? "invalid"}${where}`;
        throw invalidFormat(text, msg);
      }
      if (def.admin && !user.isAdmin) throw new HaError("unauthorized", "Unauthorized");
      const result = def.handler(this.core, conn, parsed.data);
      if (result instanceof Promise)
        result.catch((err: unknown) => {
          this.send(errorFrame(id, toHaError(err)));
        });
    } catch (err) {
      this.send(errorFrame(id, toHaError(err)));
    }
  }
}

function toHaError(err: unknown): HaError {
  return err instanceof HaError ? err : new HaError("unknown_error", "Unknown error");
}
