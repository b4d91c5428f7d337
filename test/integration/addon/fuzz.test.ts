// A seeded, bounded fuzz test of the card API: thousands of broken websocket frames (before
// and after the hello) and broken messages (from an admin and from a non-admin). Every one
// must end one connection at most, every message gets a typed reply, the add-on stays up, the
// store is byte for byte what it was, and no PIN reaches the log. It prints its figures.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { ServerMessageSchema } from "../../../src/model/protocol";
import { RequestSchema } from "../../../src/model/requests";
import { startHaFake, type HaFake } from "../ha-fake/index";
import { startAddon, type AddonProcess } from "../support/addon-process";
import { connectApi } from "../support/api-client";
import { pinsShown } from "../support/pins";
import { frame, RawPeer } from "../support/raw-frames";
import { ADMIN, FAST, threeLocks, USER } from "../support/world";
import { frameCase, messageCase, random } from "./fuzz-cases";

const SEED = Number(process.env.LATCHKEY_FUZZ_SEED ?? 1414);
const FRAME_CASES = 1_500;
const MESSAGE_CASES = 3_000;
const PARALLEL = 8;
const PINS = ["4821", "739164"];
const WRITES = new Set([
  "codes/create",
  "codes/update",
  "codes/delete",
  "codes/set_enabled",
  "unmanaged/adopt",
  "unmanaged/clear",
  "held/resolve",
]);

let ha: HaFake;
let addon: AddonProcess;
let exited = false;
const codeIds: string[] = [];
const storeFiles = ["latchkey.json", "latchkey.backup.json"];
let storeBefore: string[] = [];
const figures = {
  frameCases: 0,
  closedWithCode: 0,
  answered: 0,
  messageCases: 0,
  typedReplies: 0,
  skippedWrites: 0,
};

beforeAll(async () => {
  ha = await startHaFake({ users: [ADMIN, USER], locks: threeLocks(), notifyServices: ["sms"] });
  addon = await startAddon({ haUrl: ha.httpUrl, token: ADMIN.token, env: FAST });
  void addon.exited.then(() => (exited = true));
  await addon.waitForOutput(/Found 3 Z-Wave lock/);
  const api = await connectApi(addon.apiUrl, ADMIN.token);
  for (const [name, pin] of [
    ["Mom", PINS[0]],
    ["Cleaner", PINS[1]],
  ] as const) {
    const created = await api.request("codes/create", {
      draft: { name, pin: pin ?? "", lockIds: [] },
    });
    if (created.ok) codeIds.push(created.result.codeId);
  }
  api.close();
  storeBefore = await Promise.all(storeFiles.map((f) => readFile(join(addon.dataDir, f), "utf8")));
}, 60_000);

afterAll(async () => {
  await addon.stop();
  await ha.stop();
});

async function frameRun(rng: () => number, port: number, hello: string): Promise<void> {
  const p = await RawPeer.open(port);
  try {
    for (const bytes of frameCase(rng, hello)) p.send(bytes);
    p.send(frame({ opcode: 9, payload: Buffer.from("probe") }));
    await p.until(() => p.closed() || p.received.pongs > 0, 150);
    figures.frameCases++;
    if (p.received.close !== null) figures.closedWithCode++;
    else if (p.received.pongs > 0 || p.received.texts.length > 0) figures.answered++;
    for (const text of p.received.texts) ServerMessageSchema.parse(JSON.parse(text));
  } finally {
    p.destroy();
  }
}

/** A logged-in connection that sends one message at a time and waits for its one reply. */
async function messageRun(rng: () => number, token: string, admin: boolean, count: number): Promise<void> {
  let ws = await login(token);
  for (let i = 0; i < count; i++) {
    const id = i + 1;
    const text = messageCase(rng, id, codeIds);
    const parsed = RequestSchema.safeParse(safeJson(text));
    if (admin && parsed.success && WRITES.has(parsed.data.type)) {
      figures.skippedWrites++;
      continue;
    }
    if (ws.readyState !== WebSocket.OPEN) ws = await login(token);
    const reply = await answer(ws, text);
    figures.messageCases++;
    if (reply === "closed") continue; // a frame over 64 KiB: closed with 1009, as it should be
    const message = ServerMessageSchema.parse(reply);
    expect(message.type).toBe("result");
    figures.typedReplies++;
  }
  ws.close();
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function login(token: string): Promise<WebSocket> {
  const ws = new WebSocket(addon.apiUrl);
  ws.on("error", () => undefined);
  await new Promise((resolve) => ws.once("open", resolve));
  const welcome = new Promise((resolve) => ws.once("message", resolve));
  ws.send(JSON.stringify({ type: "hello", protocol: 1, accessToken: token }));
  await welcome;
  return ws;
}

function answer(ws: WebSocket, text: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`no reply within 5 s to ${text.slice(0, 200)}`));
    }, 5_000);
    const onMessage = (data: Buffer) => {
      const raw: unknown = JSON.parse(data.toString("utf8"));
      if (typeof raw === "object" && raw !== null && "type" in raw && raw.type === "snapshot") return;
      done(raw);
    };
    const onClose = () => {
      done("closed");
    };
    const done = (result: unknown) => {
      clearTimeout(timer);
      ws.off("message", onMessage);
      ws.off("close", onClose);
      resolve(result);
    };
    ws.on("message", onMessage);
    ws.on("close", onClose);
    ws.send(text);
  });
}

describe("fuzzing the card API", () => {
  it(`survives ${FRAME_CASES} broken frames and ${MESSAGE_CASES} broken messages (seed ${SEED})`, async () => {
    const start = Date.now();
    const port = Number(new URL(addon.apiUrl).port);
    const outputBefore = addon.output().length;
    const hello = JSON.stringify({ type: "hello", protocol: 1, accessToken: ADMIN.token });
    const lanes = Array.from({ length: PARALLEL }, (_, lane) => random(SEED * 100 + lane));
    for (let done = 0; done < FRAME_CASES; done += PARALLEL) {
      await Promise.all(lanes.map((rng) => frameRun(rng, port, hello)));
      expect(exited, `the add-on exited after ${done} frame cases`).toBe(false);
    }
    await Promise.all([
      messageRun(random(SEED), ADMIN.token, true, MESSAGE_CASES / 2),
      messageRun(random(SEED + 1), USER.token, false, MESSAGE_CASES / 2),
    ]);
    const storeAfter = await Promise.all(storeFiles.map((f) => readFile(join(addon.dataDir, f), "utf8")));
    const unchanged = storeAfter.every((text, i) => text === storeBefore[i]);
    const newLog = addon.output().slice(outputBefore);
    const crashes = exited ? 1 : 0;
    console.log(
      `fuzz (seed ${SEED}): ${figures.frameCases} frame cases (${figures.closedWithCode} closed with a close code, ${figures.answered} answered), ` +
        `${figures.messageCases} message cases (${figures.skippedWrites} valid admin writes not sent), typed replies ${figures.typedReplies}, ` +
        `crashes ${crashes}, store unchanged: ${unchanged ? "yes" : "NO"}, ${((Date.now() - start) / 1000).toFixed(1)} s`,
    );
    expect(crashes).toBe(0);
    expect(figures.frameCases).toBeGreaterThanOrEqual(FRAME_CASES);
    expect(figures.typedReplies).toBeGreaterThan(MESSAGE_CASES * 0.9);
    expect(unchanged).toBe(true);
    expect(pinsShown(newLog, PINS)).toEqual([]);
    console.log(
      newLog
        .split("\n")
        .filter((l) => /Uncaught|RangeError|TypeError|A request failed unexpectedly/.test(l))
        .slice(0, 5)
        .join("\n"),
    );
    expect(newLog).not.toMatch(/Uncaught|RangeError|TypeError|A request failed unexpectedly/);
  }, 120_000);
});
