// Minimal client for the Z-Wave JS server websocket protocol (@zwave-js/server), enough for
// readiness probes and smoke checks: commands with message ids, and a stream of events.
import WebSocket from "ws";
import { z } from "zod";

const Incoming = z.discriminatedUnion("type", [
  z.looseObject({ type: z.literal("version") }),
  z.looseObject({
    type: z.literal("result"),
    messageId: z.string(),
    success: z.boolean(),
    result: z.unknown().optional(),
    errorCode: z.string().optional(),
    zwaveErrorMessage: z.string().optional(),
  }),
  z.looseObject({
    type: z.literal("event"),
    event: z.looseObject({ source: z.string(), event: z.string() }),
  }),
]);

export const ZwaveEvent = z.looseObject({
  source: z.string(),
  event: z.string(),
  nodeId: z.number().optional(),
});
export type ZwaveEvent = z.infer<typeof ZwaveEvent>;

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

export class ZwaveWsClient {
  private nextId = 1;
  private readonly pending = new Map<string, Pending>();
  private readonly listeners = new Set<(e: ZwaveEvent) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on("message", (data: WebSocket.RawData) => {
      this.onMessage(data);
    });
    socket.on("close", () => {
      for (const p of this.pending.values()) p.reject(new Error("websocket closed"));
      this.pending.clear();
    });
  }

  static connect(url: string, timeoutMs = 2000): Promise<ZwaveWsClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { handshakeTimeout: timeoutMs });
      socket.once("open", () => {
        resolve(new ZwaveWsClient(socket));
      });
      socket.once("error", reject);
    });
  }

  private onMessage(data: WebSocket.RawData): void {
    const buffer = Array.isArray(data)
      ? Buffer.concat(data)
      : data instanceof ArrayBuffer
        ? Buffer.from(data)
        : data;
    const text = buffer.toString("utf8");
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return; // not a protocol message
    }
    const parsed = Incoming.safeParse(json);
    if (!parsed.success) return;
    const msg = parsed.data;
    if (msg.type === "result") {
      const p = this.pending.get(msg.messageId);
      this.pending.delete(msg.messageId);
      if (!p) return;
      if (msg.success) p.resolve(msg.result);
      else
        p.reject(new Error(`command failed: ${msg.errorCode ?? "?"} ${msg.zwaveErrorMessage ?? ""}`.trim()));
    } else if (msg.type === "event") {
      const event = ZwaveEvent.safeParse(msg.event);
      if (event.success) for (const l of this.listeners) l(event.data);
    }
  }

  /** Sends `{command, messageId, ...args}` and resolves with the `result` payload. */
  command(command: string, args: Record<string, unknown> = {}): Promise<unknown> {
    const messageId = String(this.nextId++);
    return new Promise((resolve, reject) => {
      this.pending.set(messageId, { resolve, reject });
      this.socket.send(JSON.stringify({ ...args, command, messageId }));
    });
  }

  onEvent(listener: (e: ZwaveEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves with the first event matching `predicate`; rejects after `timeoutMs`. */
  waitForEvent(predicate: (e: ZwaveEvent) => boolean, timeoutMs: number): Promise<ZwaveEvent> {
    return new Promise((resolve, reject) => {
      const off = this.onEvent((e) => {
        if (!predicate(e)) return;
        off();
        clearTimeout(timer);
        resolve(e);
      });
      const timer = setTimeout(() => {
        off();
        reject(new Error(`no matching Z-Wave event within ${timeoutMs} ms`));
      }, timeoutMs);
    });
  }

  close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.socket.once("close", () => {
        resolve();
      });
      this.socket.close();
    });
  }
}
