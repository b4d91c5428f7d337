import { ERR_CANNOT_CONNECT, ERR_INVALID_AUTH, type HaWebSocket } from "home-assistant-js-websocket";
import WebSocket from "ws";
import { z } from "zod";
import { parseJson, rawText } from "./raw-text";

const AuthFrameSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("auth_required"), ha_version: z.string().optional() }),
  z.object({ type: z.literal("auth_ok"), ha_version: z.string() }),
  z.object({ type: z.literal("auth_invalid"), message: z.string().optional() }),
]);

/**
 * Opens HA's websocket with Node's `ws` and runs the auth handshake. home-assistant-js-websocket
 * calls this for the first connection and for every reconnect; it rejects with the library's
 * error codes so the library's own retry logic applies.
 */
export function createSocketFactory(
  wsUrl: string,
  token: string,
  timeoutMs = 10_000,
): () => Promise<HaWebSocket> {
  return () =>
    new Promise<HaWebSocket>((resolve, reject) => {
      const socket = new WebSocket(wsUrl);
      const fail = (code: number) => {
        clearTimeout(timer);
        socket.removeAllListeners();
        socket.on("error", () => undefined);
        socket.terminate();
        // home-assistant-js-websocket's retry logic expects its numeric error codes here.
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
        reject(code);
      };
      const timer = setTimeout(() => {
        fail(ERR_CANNOT_CONNECT);
      }, timeoutMs);
      socket.on("error", () => {
        fail(ERR_CANNOT_CONNECT);
      });
      socket.on("close", () => {
        fail(ERR_CANNOT_CONNECT);
      });
      socket.on("message", (data: WebSocket.RawData) => {
        const frame = AuthFrameSchema.safeParse(parseJson(rawText(data)));
        if (!frame.success) return;
        switch (frame.data.type) {
          case "auth_required":
            socket.send(JSON.stringify({ type: "auth", access_token: token }));
            return;
          case "auth_invalid":
            fail(ERR_INVALID_AUTH);
            return;
          case "auth_ok":
            clearTimeout(timer);
            socket.removeAllListeners();
            resolve(asHaWebSocket(socket, frame.data.ha_version));
            return;
        }
      });
    });
}

/**
 * `ws` implements the WHATWG WebSocket surface the library uses (addEventListener for
 * message/close, send, close, readyState, OPEN) but its TypeScript type is not the DOM one.
 * This is the one place the two types meet.
 */
function asHaWebSocket(socket: WebSocket, haVersion: string): HaWebSocket {
  // eslint-disable-next-line @typescript-eslint/consistent-type-assertions -- see comment above
  const compatible = socket as unknown as HaWebSocket;
  compatible.haVersion = haVersion;
  return compatible;
}
