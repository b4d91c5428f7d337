/** The one module of the card that does IO with the Latchkey add-on. */
import type { z } from "zod/mini";
import { ResultSchemas, type Snapshot } from "../../model/protocol";
import { type RequestType } from "../../model/requests";
import { AddonRequestError } from "./addon-error";
import {
  helloMessage,
  parseServerMessage,
  requestMessage,
  type HelloDetails,
  type RequestParams,
  type ResultOf,
} from "./messages";

export interface SocketHandlers {
  open(): void;
  message(data: string): void;
  close(): void;
}
export interface AddonSocket {
  send(data: string): void;
  close(): void;
}
/** Opens a socket; injectable so tests can stand in for the add-on. */
export type SocketFactory = (url: string, handlers: SocketHandlers) => AddonSocket;

export const browserSocketFactory: SocketFactory = (url, handlers) => {
  const ws = new WebSocket(url);
  ws.onopen = () => {
    handlers.open();
  };
  ws.onmessage = (event) => {
    if (typeof event.data === "string") handlers.message(event.data);
  };
  ws.onclose = () => {
    handlers.close();
  };
  return {
    send: (data) => {
      ws.send(data);
    },
    close: () => {
      // Closing a socket that is still connecting makes the browser log an error; the card is
      // often removed that early (a dashboard re-render), so close it once it is open.
      if (ws.readyState === WebSocket.CONNECTING) {
        ws.onopen = () => {
          ws.close();
        };
        ws.onmessage = null;
      } else {
        ws.close();
      }
    },
  };
};

export type ConnectionStatus =
  | { state: "connecting" }
  | { state: "ready"; user: { name: string; isAdmin: boolean } }
  | { state: "unreachable" }
  /** The add-on said no: `error` says why (wrong version, login not accepted). */
  | { state: "refused"; error: AddonRequestError };

interface Pending {
  resolve(value: unknown): void;
  reject(error: AddonRequestError): void;
}

const MAX_BACKOFF_MS = 30_000;

/** The result schemas keyed so that indexing with a generic request type keeps its result type. */
const resultSchemas: { [T in RequestType]: z.ZodMiniType<ResultOf<T>> } = ResultSchemas;

/**
 * Connects, says hello, subscribes to the state snapshot and keeps reconnecting with backoff
 * until `close()`. Listeners hear about every status or snapshot change.
 */
export class AddonClient {
  status: ConnectionStatus = { state: "connecting" };
  snapshot: Snapshot | null = null;
  private socket: AddonSocket | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private attempts = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  /** PINs this session revealed, so the editor can warn about duplicates before sending. */
  readonly knownPins = new Map<string, string>();

  constructor(
    readonly url: string,
    /** Read at each (re)connect: HA refreshes the user's token while the page stays open. */
    private readonly hello: () => HelloDetails,
    private readonly onChange: () => void,
    private readonly factory: SocketFactory = browserSocketFactory,
    /** Runs before each (re)connect; under ingress it makes sure the session cookie is live. */
    private readonly prepare?: () => Promise<void>,
  ) {
    this.connect();
  }

  request<T extends RequestType>(type: T, params: RequestParams<T>): Promise<ResultOf<T>> {
    const socket = this.socket;
    if (!socket || this.status.state !== "ready") {
      return Promise.reject(AddonRequestError.of("disconnected", "error.addon_not_connected"));
    }
    const id = this.nextId++;
    const schema = resultSchemas[type];
    return new Promise<ResultOf<T>>((resolve, reject) => {
      this.pending.set(id, {
        resolve: (value) => {
          const parsed = schema.safeParse(value);
          if (parsed.success) resolve(parsed.data);
          else reject(AddonRequestError.of("bad_response", "error.bad_response", { type }));
        },
        reject,
      });
      socket.send(requestMessage(id, type, params));
    });
  }

  async reveal(codeId: string): Promise<string> {
    const { pin } = await this.request("codes/reveal", { codeId });
    this.knownPins.set(codeId, pin);
    return pin;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.socket?.close();
    this.socket = null;
    this.failPending();
  }

  private connect(): void {
    if (this.closed) return;
    if (!this.prepare) {
      this.open();
      return;
    }
    this.prepare().then(
      () => {
        this.open();
      },
      () => {
        this.handleClose();
      },
    );
  }

  private open(): void {
    if (this.closed) return;
    this.socket = this.factory(this.url, {
      open: () => {
        this.socket?.send(helloMessage(this.hello()));
      },
      message: (data) => {
        this.handle(data);
      },
      close: () => {
        this.handleClose();
      },
    });
  }

  private handle(data: string): void {
    const message = parseServerMessage(data);
    if (!message) return;
    switch (message.type) {
      case "welcome":
        this.attempts = 0;
        this.setStatus({ state: "ready", user: message.user });
        this.request("state/subscribe", {}).catch(() => undefined);
        return;
      case "snapshot":
        this.snapshot = message.snapshot;
        this.onChange();
        return;
      case "result": {
        const entry = this.pending.get(message.id);
        if (!entry) return;
        this.pending.delete(message.id);
        if (message.ok) entry.resolve(message.result);
        else entry.reject(AddonRequestError.fromWire(message.error));
        return;
      }
      case "fatal":
        // The add-on will not take us as we are (wrong protocol, bad token): retrying cannot help.
        this.closed = true;
        this.setStatus({ state: "refused", error: AddonRequestError.fromWire(message.error) });
        this.socket?.close();
        return;
    }
  }

  private handleClose(): void {
    this.socket = null;
    this.failPending();
    if (this.closed) return;
    this.setStatus({ state: this.status.state === "ready" ? "connecting" : "unreachable" });
    const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** this.attempts);
    this.attempts++;
    this.timer = setTimeout(() => {
      this.connect();
    }, delay);
  }

  private failPending(): void {
    for (const entry of this.pending.values())
      entry.reject(AddonRequestError.of("disconnected", "error.addon_connection_lost"));
    this.pending.clear();
  }

  private setStatus(status: ConnectionStatus): void {
    this.status = status;
    this.onChange();
  }
}
