// Minimal HA websocket client for tests: authenticate, call commands, subscribe.
import WebSocket from "ws";
import { z } from "zod";
import { AuthFrame, HaEvent, HaWsError, ServerFrame } from "./ws-frames.js";

export interface HaWs {
  readonly haVersion: string;
  call(type: string, payload?: Record<string, unknown>): Promise<unknown>;
  callParsed<T>(schema: z.ZodType<T>, type: string, payload?: Record<string, unknown>): Promise<T>;
  /** Generic subscription (subscribe_events, subscribe_trigger, zwave_js/subscribe_*). */
  subscribe(
    type: string,
    payload: Record<string, unknown>,
    cb: (event: unknown) => void,
  ): Promise<() => Promise<void>>;
  subscribeEvents(eventType: string, cb: (event: HaEvent) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

interface Pending {
  readonly type: string;
  resolve(v: unknown): void;
  reject(e: Error): void;
}

function rawText(raw: WebSocket.RawData): string {
  if (Array.isArray(raw)) return Buffer.concat(raw).toString("utf8");
  if (Buffer.isBuffer(raw)) return raw.toString("utf8");
  return Buffer.from(new Uint8Array(raw)).toString("utf8");
}

function wsUrl(httpUrl: string): string {
  return `${httpUrl.replace(/^http/, "ws")}/api/websocket`;
}

function authenticate(socket: WebSocket, token: string): Promise<string> {
  return new Promise((resolveAuth, reject) => {
    const onMessage = (raw: WebSocket.RawData): void => {
      const frame = AuthFrame.parse(JSON.parse(rawText(raw)));
      if (frame.type === "auth_required") {
        socket.send(JSON.stringify({ type: "auth", access_token: token }));
        return;
      }
      socket.off("message", onMessage);
      if (frame.type === "auth_ok") resolveAuth(frame.ha_version);
      else reject(new Error(`websocket auth_invalid: ${frame.message}`));
    };
    socket.on("message", onMessage);
    socket.once("error", reject);
    socket.once("close", () => {
      reject(new Error("websocket closed during auth"));
    });
  });
}

export async function haWs(url: string, token: string): Promise<HaWs> {
  const socket = new WebSocket(wsUrl(url));
  const haVersion = await authenticate(socket, token);
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const listeners = new Map<number, (event: unknown) => void>();

  socket.on("message", (raw) => {
    const data: unknown = JSON.parse(rawText(raw));
    for (const item of Array.isArray(data) ? data : [data]) {
      const frame = ServerFrame.parse(item);
      if (frame.type === "event") {
        listeners.get(frame.id)?.(frame.event);
        continue;
      }
      const p = pending.get(frame.id);
      if (p === undefined) continue;
      pending.delete(frame.id);
      if (frame.type === "pong") p.resolve(null);
      else if (frame.success) p.resolve(frame.result);
      else p.reject(new HaWsError(p.type, frame.error.code, frame.error.message));
    }
  });
  socket.on("close", () => {
    for (const p of pending.values()) p.reject(new Error(`websocket closed before ${p.type} answered`));
    pending.clear();
  });

  const send = (type: string, payload: Record<string, unknown>): { id: number; done: Promise<unknown> } => {
    const id = nextId++;
    const done = new Promise<unknown>((resolve, reject) => {
      pending.set(id, { type, resolve, reject });
    });
    socket.send(JSON.stringify({ ...payload, id, type }));
    return { id, done };
  };

  const call = (type: string, payload: Record<string, unknown> = {}): Promise<unknown> =>
    send(type, payload).done;

  const subscribe = async (
    type: string,
    payload: Record<string, unknown>,
    cb: (event: unknown) => void,
  ): Promise<() => Promise<void>> => {
    const { id, done } = send(type, payload);
    listeners.set(id, cb);
    try {
      await done;
    } catch (err) {
      listeners.delete(id);
      throw err;
    }
    return async () => {
      listeners.delete(id);
      if (socket.readyState === WebSocket.OPEN) await call("unsubscribe_events", { subscription: id });
    };
  };

  return {
    haVersion,
    call,
    callParsed: async (schema, type, payload) => schema.parse(await call(type, payload)),
    subscribe,
    subscribeEvents: (eventType, cb) =>
      subscribe("subscribe_events", { event_type: eventType }, (e) => {
        cb(HaEvent.parse(e));
      }),
    close: () =>
      new Promise<void>((resolveClose) => {
        if (socket.readyState === WebSocket.CLOSED) {
          resolveClose();
          return;
        }
        socket.once("close", () => {
          resolveClose();
        });
        socket.close();
      }),
  };
}
