import { createServer, type IncomingMessage, type Server } from "node:http";
import type { Socket } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import type { ApiTuning } from "../config";
import type { Logger } from "../log/logger";
import type { Journal } from "../service/journal";
import type { LatchkeyService } from "../service/service";
import { CLOSE, closeReason } from "./close-codes";
import { ApiConnection } from "./connection";
import { ConnectionGate, LoginGate } from "./connection-gate";
import { INGRESS_PROXY_ADDRESS, type Identity } from "./identify";
import { Rights, type RightsSource } from "./rights";
import { createStaticFiles } from "./static-files";

export interface ApiOptions {
  port: number;
  host: string;
  service: LatchkeyService;
  journal: Journal;
  log: Logger;
  tuning: ApiTuning;
  /** The built panel script (latchkey-panel.js), served with the ingress page at `/`. */
  panelFile: string;
  /** Who is on the other end of a new connection, from the hello message and the HTTP request. */
  identify: (hello: { accessToken?: string }, ingressUserId: string | null) => Promise<Identity | null>;
  /** Where the rights of logged-in people are read again (rights.ts). */
  rights: RightsSource;
}

/** The websocket refuses larger frames itself (close 1009) before any of our code sees them. */
const MAX_FRAME_BYTES = 64 * 1024;

/**
 * The card-facing websocket (`/api/ws`): hello → welcome, then requests and snapshot pushes
 * (connection.ts). Plain HTTP requests get the ingress panel (static-files.ts). Nothing a peer
 * sends can end the process: every socket and server has an error handler, and a broken frame
 * closes that one connection (ws picks the close code: 1002, 1007, 1009).
 */
export async function startApiServer(
  options: ApiOptions,
): Promise<{ server: Server; close: () => Promise<void> }> {
  const { log, tuning } = options;
  const server = createServer(createStaticFiles({ panelFile: options.panelFile, log }));
  const wss = new WebSocketServer({ server, path: "/api/ws", maxPayload: MAX_FRAME_BYTES });
  const gate = new ConnectionGate(tuning);
  const logins = new LoginGate(tuning.maxLogins);
  const rights = new Rights(options.rights, log, tuning.rightsCheckMs);
  const alive = new WeakSet<WebSocket>();

  server.on("clientError", (error, socket: Socket) => {
    log.debug(`A malformed HTTP request was refused: ${error.message}`);
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
    else socket.destroy();
  });
  wss.on("error", (error) => {
    log.warn(`The API websocket server reported: ${error.message}`);
  });
  wss.on("wsClientError", (error, socket) => {
    log.debug(`A websocket handshake was refused: ${error.message}`);
    socket.destroy();
  });
  wss.on("connection", (socket, request) => {
    const peer = request.socket.remoteAddress ?? "an unknown address";
    socket.on("error", (error) => {
      // ws closes the connection itself with the matching close code; only say why.
      log.info(`API connection from ${peer} closed: ${error.message}.`);
    });
    alive.add(socket);
    socket.on("pong", () => alive.add(socket));
    const ingressUserId = peer.endsWith(INGRESS_PROXY_ADDRESS)
      ? headerValue(request, "x-remote-user-id")
      : null;
    // Behind ingress every connection comes from the proxy: count people, not the proxy.
    const place = gate.admit(ingressUserId ? `ingress:${ingressUserId}` : peer);
    if ("refused" in place) {
      log.warn(`API connection from ${peer} refused: ${place.refused}`);
      socket.close(CLOSE.tryAgainLater, closeReason(place.refused));
      return;
    }
    socket.on("close", place.release);
    new ApiConnection(socket, peer, ingressUserId, {
      service: options.service,
      journal: options.journal,
      log,
      logins,
      rights,
      helloTimeoutMs: tuning.helloTimeoutMs,
      identify: options.identify,
    });
  });

  // A peer that vanished without closing (a phone that lost its network) answers no ping.
  const heartbeat = setInterval(() => {
    for (const socket of wss.clients) {
      if (!alive.has(socket)) {
        log.info("An API connection answered no ping; dropping it.");
        socket.terminate();
        continue;
      }
      alive.delete(socket);
      socket.ping();
    }
  }, tuning.heartbeatMs);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      server.on("error", (error) => {
        log.error(`The API server reported: ${error.message}`);
      });
      resolve();
    });
  });
  return {
    server,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(heartbeat);
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => {
          resolve();
        });
      }),
  };
}

function headerValue(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  return typeof value === "string" && value.length > 0 ? value : null;
}
