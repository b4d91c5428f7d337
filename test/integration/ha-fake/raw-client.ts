// A deliberately dumb websocket client for protocol tests: no library between the test and
// the frames, so the same cases can judge the fake and a real Home Assistant.
import WebSocket from "ws";
import { z } from "zod";

export const frameSchema = z.looseObject({ type: z.string(), id: z.number().optional() });
export type Frame = z.infer<typeof frameSchema>;

export const resultSchema = z.looseObject({
  id: z.number(),
  type: z.literal("result"),
  success: z.boolean(),
  result: z.unknown().optional(),
});
export const errorSchema = z.looseObject({
  id: z.number().nullable(),
  type: z.literal("result"),
  success: z.literal(false),
  error: z.looseObject({ code: z.string(), message: z.string() }),
});

export class RawClient {
  private readonly frames: Frame[] = [];
  private readonly waiters = new Set<() => void>();
  private nextId = 1;
  closed = false;

  private constructor(private readonly ws: WebSocket) {
    ws.on("message", (data: Buffer) => {
      const parsed: unknown = JSON.parse(data.toString("utf8"));
      // HA may coalesce frames into a JSON array once coalesce_messages is negotiated.
      for (const item of Array.isArray(parsed) ? parsed : [parsed]) this.frames.push(frameSchema.parse(item));
      for (const w of [...this.waiters]) w();
    });
    ws.on("close", () => {
      this.closed = true;
      for (const w of [...this.waiters]) w();
    });
  }

  static async open(url: string): Promise<RawClient> {
    const ws = new WebSocket(url);
    // Listen before "open" resolves: HA sends auth_required in the same breath as the upgrade.
    const client = new RawClient(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once("open", () => {
        resolve();
      });
      ws.once("error", reject);
    });
    return client;
  }

  /** Opens, reads auth_required, authenticates; returns the auth answer frame. */
  static async authed(url: string, token: string): Promise<{ client: RawClient; answer: Frame }> {
    const client = await RawClient.open(url);
    await client.next((f) => f.type === "auth_required");
    client.sendRaw({ type: "auth", access_token: token });
    const answer = await client.next((f) => f.type === "auth_ok" || f.type === "auth_invalid");
    return { client, answer };
  }

  sendRaw(frame: Record<string, unknown>): void {
    this.ws.send(JSON.stringify(frame));
  }

  /** Sends a command with the next id; returns that id. */
  send(type: string, payload: Record<string, unknown> = {}): number {
    const id = this.nextId++;
    this.sendRaw({ id, type, ...payload });
    return id;
  }

  /** Removes and returns the first frame (already received or arriving) that matches. */
  async next(match: (f: Frame) => boolean, timeoutMs = 5000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const idx = this.frames.findIndex(match);
      if (idx >= 0) return this.frames.splice(idx, 1)[0]!;
      if (this.closed) throw new Error("socket closed while waiting for a frame");
      const left = deadline - Date.now();
      if (left <= 0) throw new Error("timed out waiting for a frame");
      await new Promise<void>((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          this.waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, left);
        this.waiters.add(done);
      });
    }
  }

  /** Sends a command and waits for its result frame. */
  async command(type: string, payload: Record<string, unknown> = {}, timeoutMs?: number): Promise<Frame> {
    const id = this.send(type, payload);
    return this.next((f) => f.id === id && (f.type === "result" || f.type === "pong"), timeoutMs);
  }

  async waitClosed(timeoutMs = 5000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    return this.closed;
  }

  close(): void {
    this.ws.close();
  }
}
