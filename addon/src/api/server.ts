import { createServer, type IncomingMessage, type Server } from "node:http";
import { WebSocketServer, type RawData, type WebSocket } from "ws";
import { describeZodError, LatchkeyError, wireError, type WireError } from "../../../src/model/errors";
import { PROTOCOL_VERSION, type ServerMessage } from "../../../src/model/protocol";
import { HelloSchema, RequestSchema } from "../../../src/model/requests";
import { parseJson, rawText } from "../ha/raw-text";
import type { Logger } from "../log/logger";
import type { Journal } from "../service/journal";
import type { LatchkeyService } from "../service/service";
import { ClientView } from "./client-view";
import { handleRequest } from "./handlers";
import { INGRESS_PROXY_ADDRESS, type ApiUser } from "./identify";
import { createStaticFiles } from "./static-files";

export interface ApiOptions {
  port: number;
  host: string;
  service: LatchkeyService;
  journal: Journal;
  log: Logger;
  /** The built panel script (latchkey-panel.js), served with the ingress page at `/`. */
  panelFile: string;
  /** Who is on the other end of a new connection, from the hello message and the HTTP request. */
  identify: (hello: { accessToken?: string }, ingressUserId: string | null) => Promise<ApiUser | null>;
}

/**
 * The card-facing websocket (`/api/ws`): hello → welcome, then requests and snapshot pushes.
 * Every inbound message is parsed with zod; errors become typed wire errors in one place.
 * Plain HTTP requests get the ingress panel (static-files.ts).
 */
export async function startApiServer(
  options: ApiOptions,
): Promise<{ server: Server; close: () => Promise<void> }> {
  const server = createServer(createStaticFiles({ panelFile: options.panelFile, log: options.log }));
  const wss = new WebSocketServer({ server, path: "/api/ws", maxPayload: 64 * 1024 });
  wss.on("connection", (socket, request) => {
    handleConnection(socket, request, options);
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  return {
    server,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => {
          resolve();
        });
      }),
  };
}

function handleConnection(socket: WebSocket, request: IncomingMessage, options: ApiOptions): void {
  const send = (message: ServerMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const ingressUser = request.socket.remoteAddress?.endsWith(INGRESS_PROXY_ADDRESS)
    ? headerValue(request, "x-remote-user-id")
    : null;
  let user: ApiUser | null = null;
  let view = new ClientView(undefined);
  let unsubscribe: (() => void) | null = null;
  socket.on("close", () => unsubscribe?.());

  socket.on("message", (data: RawData) => {
    void (async () => {
      const message = parseJson(rawText(data));
      if (!user) {
        const hello = HelloSchema.safeParse(message);
        if (!hello.success) {
          fatal(send, socket, { code: "invalid_message", message: "Start with a hello message." });
          return;
        }
        view = new ClientView(hello.data.features, hello.data.language);
        if (hello.data.protocol !== PROTOCOL_VERSION) {
          fatal(
            send,
            socket,
            view.error(
              wireError("unsupported_protocol", "error.protocol_mismatch", { protocol: PROTOCOL_VERSION }),
            ),
          );
          return;
        }
        user = await options.identify(hello.data, ingressUser);
        if (!user) {
          fatal(send, socket, view.error(wireError("unauthenticated", "error.login_refused")));
          return;
        }
        send({
          type: "welcome",
          protocol: PROTOCOL_VERSION,
          user: { name: user.name, isAdmin: user.isAdmin },
        });
        return;
      }
      const parsed = RequestSchema.safeParse(message);
      const id =
        typeof message === "object" && message !== null && "id" in message && typeof message.id === "number"
          ? message.id
          : 0;
      if (!parsed.success) {
        send({
          type: "result",
          id,
          ok: false,
          error: {
            code: "invalid_message",
            message: describeZodError(parsed.error, "The request is not valid"),
          },
        });
        return;
      }
      const who = user;
      const client = view;
      const sendSnapshot = () => {
        send({ type: "snapshot", snapshot: client.snapshot(options.service.snapshot(who)) });
      };
      try {
        const result = await handleRequest(options.service, options.journal, who, client, parsed.data, () => {
          unsubscribe?.();
          unsubscribe = options.service.onChange(throttle(sendSnapshot, 100));
          queueMicrotask(sendSnapshot);
        });
        send({ type: "result", id, ok: true, result });
      } catch (error) {
        send({ type: "result", id, ok: false, error: client.error(toWireError(error, options.log)) });
      }
    })();
  });
}

/** The one place thrown errors become wire errors. Unexpected ones are logged, not echoed. */
function toWireError(error: unknown, log: Logger): WireError {
  if (error instanceof LatchkeyError) return error.toWire();
  log.error("A request failed unexpectedly.", error);
  return wireError("internal", "error.internal");
}

function fatal(send: (m: ServerMessage) => void, socket: WebSocket, error: WireError): void {
  send({ type: "fatal", error });
  socket.close(4000, error.code);
}

function headerValue(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  return typeof value === "string" && value.length > 0 ? value : null;
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
