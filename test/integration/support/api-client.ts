import WebSocket from "ws";
import type { z } from "zod/mini";
import type { WireError } from "../../../src/model/errors";
import {
  CLIENT_FEATURES,
  PROTOCOL_VERSION,
  ResultSchemas,
  ServerMessageSchema,
  type Snapshot,
} from "../../../src/model/protocol";
import { type RequestSchema, type RequestType } from "../../../src/model/requests";

type Payload<T extends RequestType> = Omit<
  Extract<z.input<typeof RequestSchema>, { type: T }>,
  "id" | "type"
>;
type ResultOf<T extends RequestType> = z.output<(typeof ResultSchemas)[T]>;
export type ApiResult<T extends RequestType> =
  { ok: true; result: ResultOf<T> } | { ok: false; error: WireError };
const resultSchemas: { [T in RequestType]: z.ZodMiniType<ResultOf<T>> } = ResultSchemas;

/** A Node client of the add-on's card API, for tests: the same protocol the card speaks. */
export interface ApiClient {
  user: { name: string; isAdmin: boolean };
  request<T extends RequestType>(type: T, payload: Payload<T>): Promise<ApiResult<T>>;
  /** Sends any text, e.g. malformed messages, and returns the raw answer. */
  sendRaw(text: string): Promise<unknown>;
  snapshot(): Snapshot | null;
  /** Resolves with the first snapshot matching; with `fresh`, only snapshots that arrive from now on count. */
  waitForSnapshot(
    predicate: (s: Snapshot) => boolean,
    timeoutMs?: number,
    fresh?: boolean,
  ): Promise<Snapshot>;
  close(): void;
}

/**
 * `features`: what the client says it understands in its hello (the current card's, unless a
 * test plays an older one); `language`: the person's language tag, as a card sends it.
 */
export async function connectApi(
  url: string,
  accessToken: string,
  hello: { features?: readonly string[]; language?: string } = {},
): Promise<ApiClient> {
  const { features = CLIENT_FEATURES, language } = hello;
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => {
      resolve();
    });
    socket.once("error", reject);
  });
  let nextId = 1;
  let latest: Snapshot | null = null;
  const pending = new Map<number, (message: unknown) => void>();
  const snapshotWatchers = new Set<() => void>();
  let welcome: (user: { name: string; isAdmin: boolean } | Error) => void = () => undefined;
  const welcomed = new Promise<{ name: string; isAdmin: boolean } | Error>((resolve) => {
    welcome = resolve;
  });
  let rawWaiter: ((m: unknown) => void) | null = null;

  socket.on("message", (data: Buffer) => {
    const raw: unknown = JSON.parse(data.toString("utf8"));
    const message = ServerMessageSchema.parse(raw);
    if (message.type === "welcome") welcome(message.user);
    else if (message.type === "fatal") welcome(new Error(`${message.error.code}: ${message.error.message}`));
    else if (message.type === "snapshot") {
      latest = message.snapshot;
      for (const w of snapshotWatchers) w();
    } else {
      const resolve = pending.get(message.id);
      pending.delete(message.id);
      if (resolve) resolve(message);
      else rawWaiter?.(raw);
    }
  });
  socket.send(
    JSON.stringify({
      type: "hello",
      protocol: PROTOCOL_VERSION,
      features,
      accessToken,
      ...(language ? { language } : {}),
    }),
  );
  const user = await welcomed;
  if (user instanceof Error) {
    socket.close();
    throw user;
  }
  return {
    user,
    request: <T extends RequestType>(type: T, payload: Payload<T>) =>
      new Promise<ApiResult<T>>((resolve) => {
        const id = nextId++;
        pending.set(id, (message) => {
          const parsed = ServerMessageSchema.parse(message);
          if (parsed.type !== "result") throw new Error("unexpected frame");
          if (!parsed.ok) resolve({ ok: false, error: parsed.error });
          else resolve({ ok: true, result: resultSchemas[type].parse(parsed.result) });
        });
        socket.send(JSON.stringify({ ...payload, id, type }));
      }),
    sendRaw: (text) =>
      new Promise((resolve) => {
        rawWaiter = resolve;
        socket.send(text);
      }),
    snapshot: () => latest,
    waitForSnapshot: (predicate, timeoutMs = 20_000, fresh = false) =>
      new Promise((resolve, reject) => {
        const stale = fresh ? latest : null;
        const check = () => {
          if (latest && latest !== stale && predicate(latest)) {
            snapshotWatchers.delete(check);
            clearTimeout(timer);
            resolve(latest);
          }
        };
        const timer = setTimeout(() => {
          snapshotWatchers.delete(check);
          reject(
            new Error(`No matching snapshot within ${timeoutMs} ms. Last: ${JSON.stringify(latest?.sync)}`),
          );
        }, timeoutMs);
        snapshotWatchers.add(check);
        check();
      }),
    close: () => {
      socket.close();
    },
  };
}

/** True when every (code, lock) pair of the snapshot is synced (verified); false while there is no code. */
export function allSynced(snapshot: Snapshot): boolean {
  return (
    snapshot.codes.length > 0 &&
    Object.values(snapshot.sync).every((perLock) => Object.values(perLock).every((s) => s.state === "synced"))
  );
}
