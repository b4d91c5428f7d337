// A minimal client of python-matter-server's websocket API (what HA's matter-python-client
// speaks): the server greets with its info, then answers {message_id, command, args} with
// {message_id, result} or {message_id, error_code, details}.
import { WebSocket, type RawData } from "ws";
import { z } from "zod";

export const ServerInfo = z.looseObject({
  fabric_id: z.number(),
  schema_version: z.number(),
  min_supported_schema_version: z.number(),
  sdk_version: z.string(),
});
export type ServerInfo = z.infer<typeof ServerInfo>;

const Answer = z.union([
  z.looseObject({ message_id: z.string(), result: z.unknown() }),
  z.looseObject({
    message_id: z.string(),
    error_code: z.number(),
    details: z.string().nullable().optional(),
  }),
]);

function text(raw: RawData): string {
  if (Array.isArray(raw)) return Buffer.concat(raw).toString("utf8");
  if (Buffer.isBuffer(raw)) return raw.toString("utf8");
  return Buffer.from(new Uint8Array(raw)).toString("utf8");
}

export class MatterServerClient {
  private next = 1;
  private readonly waiting = new Map<string, (answer: z.infer<typeof Answer>) => void>();

  private constructor(
    private readonly socket: WebSocket,
    readonly info: ServerInfo,
  ) {
    socket.on("message", (data) => {
      const parsed = Answer.safeParse(JSON.parse(text(data)));
      if (!parsed.success) return;
      this.waiting.get(parsed.data.message_id)?.(parsed.data);
      this.waiting.delete(parsed.data.message_id);
    });
  }

  static connect(url: string): Promise<MatterServerClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      socket.once("error", reject);
      socket.once("message", (data) => {
        const info = ServerInfo.safeParse(JSON.parse(text(data)));
        if (info.success) resolve(new MatterServerClient(socket, info.data));
        else {
          socket.close();
          reject(new Error(`unexpected greeting from the Matter server: ${text(data)}`));
        }
      });
    });
  }

  command(command: string, args: Record<string, unknown>, timeoutMs = 60_000): Promise<unknown> {
    const id = String(this.next++);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`Matter server: ${command} got no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(id, (answer) => {
        clearTimeout(timer);
        const failed = z.object({ error_code: z.number(), details: z.unknown() }).safeParse(answer);
        if (failed.success)
          reject(
            new Error(
              `Matter server: ${command} failed (${failed.data.error_code}): ${JSON.stringify(failed.data.details)}`,
            ),
          );
        else resolve(answer.result);
      });
      this.socket.send(JSON.stringify({ message_id: id, command, args }));
    });
  }

  close(): void {
    this.socket.close();
  }
}
