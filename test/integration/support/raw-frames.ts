// Websocket frames written by hand, for tests of what a peer that ignores the protocol can
// send (RFC 6455 §5.2): no library stands between the test and the bytes.
import { randomBytes } from "node:crypto";
import { connect, type Socket } from "node:net";

export interface FrameSpec {
  fin?: boolean;
  /** The three reserved bits, 0–7. */
  rsv?: number;
  opcode: number;
  payload?: Buffer;
  /** Clients must mask; false sends an unmasked frame. */
  masked?: boolean;
  /** A length to announce other than the payload's. */
  announcedLength?: number;
}

export function frame(spec: FrameSpec): Buffer {
  const payload = spec.payload ?? Buffer.alloc(0);
  const length = spec.announcedLength ?? payload.length;
  const masked = spec.masked ?? true;
  const head = [((spec.fin ?? true) ? 0x80 : 0) | ((spec.rsv ?? 0) << 4) | (spec.opcode & 0x0f)];
  const maskBit = masked ? 0x80 : 0;
  if (length < 126) head.push(maskBit | length);
  else if (length < 65536) head.push(maskBit | 126, length >> 8, length & 0xff);
  else {
    head.push(maskBit | 127, 0, 0, 0, 0);
    head.push((length >>> 24) & 0xff, (length >>> 16) & 0xff, (length >>> 8) & 0xff, length & 0xff);
  }
  if (!masked) return Buffer.concat([Buffer.from(head), payload]);
  const mask = randomBytes(4);
  const body = Buffer.from(payload.map((byte, i) => byte ^ (mask[i % 4] ?? 0)));
  return Buffer.concat([Buffer.from(head), mask, body]);
}

export const text = (value: string, spec: Partial<FrameSpec> = {}): Buffer =>
  frame({ opcode: 1, payload: Buffer.from(value, "utf8"), ...spec });

/** A close frame's payload: the code, then an optional reason. */
export function closePayload(code: number, reason = ""): Buffer {
  const out = Buffer.alloc(2 + Buffer.byteLength(reason));
  out.writeUInt16BE(code, 0);
  out.write(reason, 2);
  return out;
}

export interface Received {
  /** Text frames the server sent. */
  texts: string[];
  /** The server's close frame, if one came. */
  close: { code: number; reason: string } | null;
  /** Pings the server sent (not answered: this peer plays a vanished one). */
  pings: number;
  /** Pongs the server sent (answers to our pings). */
  pongs: number;
  /** The TCP connection ended. */
  ended: boolean;
}

/** A TCP connection upgraded to a websocket by hand; reads what the server sends. */
export class RawPeer {
  readonly received: Received = { texts: [], close: null, pings: 0, pongs: 0, ended: false };
  private buffer = Buffer.alloc(0);
  private upgraded = false;
  private readonly watchers = new Set<() => void>();

  private constructor(private readonly socket: Socket) {
    socket.on("data", (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.parse();
      this.notify();
    });
    socket.on("close", () => {
      this.received.ended = true;
      this.notify();
    });
    socket.on("error", () => undefined);
  }

  static async open(port: number, path = "/api/ws"): Promise<RawPeer> {
    const socket = connect(port, "127.0.0.1");
    const peer = new RawPeer(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", resolve);
      socket.once("error", reject);
    });
    socket.write(
      `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: ${randomBytes(16).toString("base64")}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    );
    await peer.until(() => peer.upgraded || peer.received.ended, 5_000);
    if (!peer.upgraded) throw new Error("the server did not upgrade the connection");
    return peer;
  }

  send(bytes: Buffer): void {
    if (!this.socket.destroyed) this.socket.write(bytes);
  }

  /** Resolves when `check` holds, or with false after `timeoutMs`. */
  until(check: () => boolean, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const done = (result: boolean) => {
        this.watchers.delete(test);
        clearTimeout(timer);
        resolve(result);
      };
      const test = () => {
        if (check()) done(true);
      };
      const timer = setTimeout(() => {
        done(false);
      }, timeoutMs);
      this.watchers.add(test);
      test();
    });
  }

  /** The server sent its close frame or ended the connection. */
  closed(): boolean {
    return this.received.close !== null || this.received.ended;
  }

  destroy(): void {
    this.socket.destroy();
  }

  private notify(): void {
    for (const watcher of [...this.watchers]) watcher();
  }

  private parse(): void {
    if (!this.upgraded) {
      const end = this.buffer.indexOf("\r\n\r\n");
      if (end < 0) return;
      this.upgraded = this.buffer.subarray(0, end).toString("latin1").startsWith("HTTP/1.1 101");
      this.buffer = this.buffer.subarray(end + 4);
    }
    for (;;) {
      if (this.buffer.length < 2) return;
      const opcode = (this.buffer[0] ?? 0) & 0x0f;
      let length = (this.buffer[1] ?? 0) & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (this.buffer.length < 4) return;
        length = this.buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (this.buffer.length < 10) return;
        length = Number(this.buffer.readBigUInt64BE(2));
        offset = 10;
      }
      if (this.buffer.length < offset + length) return;
      const payload = this.buffer.subarray(offset, offset + length);
      this.buffer = this.buffer.subarray(offset + length);
      if (opcode === 1) this.received.texts.push(payload.toString("utf8"));
      else if (opcode === 8)
        this.received.close = {
          code: payload.length >= 2 ? payload.readUInt16BE(0) : 1005,
          reason: payload.subarray(2).toString("utf8"),
        };
      else if (opcode === 9) this.received.pings++;
      else if (opcode === 10) this.received.pongs++;
    }
  }
}
