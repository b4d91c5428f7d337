import type { RawData, WebSocket } from "ws";
import { describeZodError, LatchkeyError, wireError, type WireError } from "../../../src/model/errors";
import { PROTOCOL_VERSION, type ServerMessage } from "../../../src/model/protocol";
import { HelloSchema, MAX_MESSAGE_BYTES, RequestSchema } from "../../../src/model/requests";
import { parseJson, rawText } from "../ha/raw-text";
import type { Logger } from "../log/logger";
import type { Journal } from "../service/journal";
import type { LatchkeyService } from "../service/service";
import { ClientView } from "./client-view";
import { CLOSE, closeReason, type CloseCode } from "./close-codes";
import { BUSY, type LoginGate } from "./connection-gate";
import { handleRequest } from "./handlers";
import type { ApiUser, Identity } from "./identify";
import type { Rights } from "./rights";

export interface ConnectionDeps {
  service: LatchkeyService;
  journal: Journal;
  log: Logger;
  logins: LoginGate;
  rights: Rights;
  helloTimeoutMs: number;
  identify: (hello: { accessToken?: string }, ingressUserId: string | null) => Promise<Identity | null>;
}

type Phase = "hello" | "identifying" | "ready" | "closed";

/**
 * One card connection: a hello within the deadline, one login with HA, then requests. Every
 * message is parsed; anything that breaks the API's rules ends this connection only, with a
 * close code and a reason, and a log line (no message content, which may hold a PIN).
 */
export class ApiConnection {
  private phase: Phase = "hello";
  private user: ApiUser | null = null;
  private leaveRights: (() => void) | null = null;
  private confirmUser: () => Promise<ApiUser> = () => Promise.reject(new Error("not logged in"));
  private view = new ClientView(undefined);
  private unsubscribe: (() => void) | null = null;
  private readonly helloTimer: NodeJS.Timeout;

  constructor(
    private readonly socket: WebSocket,
    private readonly peer: string,
    private readonly ingressUserId: string | null,
    private readonly deps: ConnectionDeps,
  ) {
    this.helloTimer = setTimeout(() => {
      const seconds = (deps.helloTimeoutMs / 1000).toLocaleString("en", { maximumFractionDigits: 1 });
      this.end(CLOSE.policy, `No hello within ${seconds} s.`);
    }, deps.helloTimeoutMs);
    socket.on("message", (data: RawData) => {
      void this.onMessage(data).catch((error: unknown) => {
        deps.log.error("An API message could not be handled.", error);
      });
    });
    socket.on("close", () => {
      this.phase = "closed";
      clearTimeout(this.helloTimer);
      this.unsubscribe?.();
      this.leaveRights?.();
    });
  }

  private get closed(): boolean {
    return this.phase === "closed";
  }

  /** Closes this connection with a reason, and says so in the log. */
  end(code: CloseCode, reason: string): void {
    if (this.closed) return;
    this.phase = "closed";
    clearTimeout(this.helloTimer);
    this.deps.log.info(`API connection from ${this.peer} closed (${code}): ${reason}`);
    this.socket.close(code, closeReason(reason));
  }

  private send(message: ServerMessage): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(message));
  }

  private fatal(error: WireError): void {
    this.send({ type: "fatal", error });
    this.end(CLOSE.refused, error.message);
  }

  private async onMessage(data: RawData): Promise<void> {
    if (this.closed) return;
    const text = rawText(data);
    const message = Buffer.byteLength(text) > MAX_MESSAGE_BYTES ? TOO_LARGE : parseJson(text);
    const isHello =
      typeof message === "object" && message !== null && "type" in message && message.type === "hello";
    if (this.phase === "hello") {
      await this.hello(message);
      return;
    }
    if (isHello) {
      this.end(CLOSE.policy, "One hello per connection: connect again to say hello anew.");
      return;
    }
    const id = requestId(message);
    if (message === TOO_LARGE) {
      this.reply(
        id,
        wireError("invalid_message", "error.message_too_large", { max: MAX_MESSAGE_BYTES / 1024 }),
      );
      return;
    }
    const user = this.user;
    if (this.phase !== "ready" || !user) {
      this.reply(id, wireError("invalid_message", "error.wait_for_welcome"));
      return;
    }
    const parsed = RequestSchema.safeParse(message);
    if (!parsed.success) {
      this.reply(id, {
        code: "invalid_message",
        message: describeZodError(parsed.error, "The request is not valid"),
      });
      return;
    }
    const client = this.view;
    const sendSnapshot = () => {
      this.send({ type: "snapshot", snapshot: client.snapshot(this.deps.service.snapshot(user)) });
    };
    try {
      const result = await handleRequest(
        this.deps.service,
        this.deps.journal,
        user,
        client,
        parsed.data,
        () => {
          this.unsubscribe?.();
          this.unsubscribe = this.deps.service.onChange(throttle(sendSnapshot, 100));
          queueMicrotask(sendSnapshot);
        },
        this.confirmUser,
      );
      this.send({ type: "result", id, ok: true, result });
    } catch (error) {
      this.reply(id, toWireError(error, this.deps.log));
    }
  }

  private reply(id: number, error: WireError): void {
    this.send({ type: "result", id, ok: false, error: this.view.error(error) });
  }

  private async hello(message: unknown): Promise<void> {
    const hello = HelloSchema.safeParse(message);
    if (!hello.success) {
      this.fatal(wireError("invalid_message", "error.start_with_hello"));
      return;
    }
    this.phase = "identifying";
    clearTimeout(this.helloTimer);
    this.view = new ClientView(hello.data.features, hello.data.language);
    if (hello.data.protocol !== PROTOCOL_VERSION) {
      this.fatal(
        this.view.error(
          wireError("unsupported_protocol", "error.protocol_mismatch", { protocol: PROTOCOL_VERSION }),
        ),
      );
      return;
    }
    const identity = await this.deps.logins.run(() => this.deps.identify(hello.data, this.ingressUserId));
    if (this.closed) return;
    if (identity === BUSY) {
      this.end(
        CLOSE.tryAgainLater,
        "Latchkey is checking other logins with Home Assistant; try again in a moment.",
      );
      return;
    }
    if (!identity) {
      this.fatal(this.view.error(wireError("unauthenticated", "error.login_refused")));
      return;
    }
    const { user } = identity;
    this.user = user;
    this.phase = "ready";
    const session = {
      identity,
      end: (reason: string) => {
        this.end(CLOSE.sessionEnded, reason);
      },
    };
    this.leaveRights = this.deps.rights.add(session);
    this.confirmUser = () => this.deps.rights.confirm(session);
    this.send({
      type: "welcome",
      protocol: PROTOCOL_VERSION,
      user: { name: user.name, isAdmin: user.isAdmin },
    });
  }
}

const TOO_LARGE = Symbol("too large");

/**
 * The id to answer with: the request's own when it is one a reply can carry (a whole number in
 * the safe range, 1 or more), else 0 — "the request this answers could not be told".
 */
function requestId(message: unknown): number {
  if (typeof message !== "object" || message === null || !("id" in message)) return 0;
  const { id } = message;
  return typeof id === "number" && Number.isSafeInteger(id) && id >= 1 ? id : 0;
}

/** The one place thrown errors become wire errors. Unexpected ones are logged, not echoed. */
function toWireError(error: unknown, log: Logger): WireError {
  if (error instanceof LatchkeyError) return error.toWire();
  log.error("A request failed unexpectedly.", error);
  return wireError("internal", "error.internal");
}

function throttle(fn: () => void, ms: number): () => void {
  let timer: NodeJS.Timeout | null = null;
  return () => {
    timer ??= setTimeout(() => {
      timer = null;
      fn();
    }, ms);
  };
}
