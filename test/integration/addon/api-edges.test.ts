// The card API's edges: frames that break the websocket protocol, peers that never say hello
// or go silent, more connections and logins than the add-on should carry, request ids a
// reply cannot carry. Whatever comes in ends one connection at most, never the add-on.
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { ServerMessageSchema } from "../../../src/model/protocol";
import { startHaFake, type HaFake } from "../ha-fake/index";
import { startAddon, type AddonProcess } from "../support/addon-process";
import { connectApi } from "../support/api-client";
import { closePayload, frame, RawPeer, text } from "../support/raw-frames";
import { ADMIN, FAST, threeLocks, USER } from "../support/world";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(
  env: Record<string, string> = {},
): Promise<{ ha: HaFake; addon: AddonProcess; port: number }> {
  const ha = await startHaFake({ users: [ADMIN, USER], locks: threeLocks() });
  cleanups.push(() => ha.stop());
  const addon = await startAddon({ haUrl: ha.httpUrl, token: ADMIN.token, env: { ...FAST, ...env } });
  cleanups.push(() => addon.stop());
  await addon.waitForOutput(/Found 3 Z-Wave lock/);
  return { ha, addon, port: Number(new URL(addon.apiUrl).port) };
}

async function peer(port: number): Promise<RawPeer> {
  const p = await RawPeer.open(port);
  cleanups.push(() => {
    p.destroy();
    return Promise.resolve();
  });
  return p;
}

const HELLO = JSON.stringify({ type: "hello", protocol: 1, accessToken: ADMIN.token });

/** One frame each that breaks RFC 6455, and the close code the add-on must answer with. */
const BROKEN_FRAMES: { name: string; bytes: Buffer; code: number }[] = [
  { name: "a frame over 64 KiB", bytes: text("x".repeat(70_000)), code: 1009 },
  {
    name: "invalid UTF-8 in a text frame",
    bytes: frame({ opcode: 1, payload: Buffer.from([0xc3, 0x28]) }),
    code: 1007,
  },
  { name: "an unmasked client frame", bytes: text(HELLO, { masked: false }), code: 1002 },
  { name: "a reserved opcode", bytes: frame({ opcode: 3, payload: Buffer.from("x") }), code: 1002 },
  { name: "a reserved bit", bytes: text(HELLO, { rsv: 4 }), code: 1002 },
  { name: "a ping over 125 bytes", bytes: frame({ opcode: 9, payload: Buffer.alloc(126) }), code: 1002 },
  {
    name: "a continuation with nothing to continue",
    bytes: frame({ opcode: 0, payload: Buffer.from("x") }),
    code: 1002,
  },
  { name: "close code 1005", bytes: frame({ opcode: 8, payload: closePayload(1005) }), code: 1002 },
  { name: "a fragmented ping", bytes: frame({ opcode: 9, fin: false }), code: 1002 },
];

describe("the card API holds at its edges", () => {
  it("a frame that breaks the websocket protocol closes that connection only, with the matching code", async () => {
    const { addon, port } = await setup();
    const bystander = await connectApi(addon.apiUrl, ADMIN.token);
    cleanups.push(() => {
      bystander.close();
      return Promise.resolve();
    });
    for (const broken of BROKEN_FRAMES) {
      const p = await peer(port);
      p.send(broken.bytes);
      expect(await p.until(() => p.closed(), 5_000), broken.name).toBe(true);
      expect(p.received.close?.code, broken.name).toBe(broken.code);
    }
    // The add-on is still up, the connection that behaved is still served, and the log says why each went.
    expect((await bystander.request("activity/list", {})).ok).toBe(true);
    expect(addon.output()).toMatch(
      /API connection from 127\.0\.0\.1 closed: Invalid WebSocket frame: invalid UTF-8/,
    );
    expect(addon.output()).not.toMatch(/Latchkey stopped unexpectedly|Uncaught|RangeError/);
  });

  it("a connection that never says hello is closed at the deadline, with a reason", async () => {
    const { addon, port } = await setup({ LATCHKEY_API_HELLO_TIMEOUT_MS: "300" });
    const p = await peer(port);
    expect(await p.until(() => p.closed(), 5_000)).toBe(true);
    expect(p.received.close).toEqual({ code: 1008, reason: "No hello within 0.3 s." });
    expect(addon.output()).toMatch(/API connection from 127\.0\.0\.1 closed \(1008\): No hello/);
  });

  it("a peer that stops answering pings is dropped; one that answers stays", async () => {
    const { addon, port } = await setup({ LATCHKEY_API_HEARTBEAT_MS: "150" });
    const answering = await connectApi(addon.apiUrl, ADMIN.token);
    cleanups.push(() => {
      answering.close();
      return Promise.resolve();
    });
    const silent = await peer(port);
    silent.send(text(HELLO));
    expect(await silent.until(() => silent.received.texts.length > 0, 5_000)).toBe(true);
    expect(await silent.until(() => silent.closed(), 5_000)).toBe(true);
    expect(silent.received.pings).toBeGreaterThan(0);
    expect(addon.output()).toMatch(/answered no ping; dropping it/);
    await new Promise((r) => setTimeout(r, 600));
    expect((await answering.request("activity/list", {})).ok).toBe(true);
  });

  it("one hello per connection: a flood of hellos makes one HA login and closes the connection", async () => {
    const { ha, port } = await setup();
    const before = ha.loginAttempts;
    const p = await peer(port);
    for (let i = 0; i < 50; i++) p.send(text(HELLO));
    expect(await p.until(() => p.closed(), 5_000)).toBe(true);
    expect(p.received.close?.code).toBe(1008);
    expect(p.received.close?.reason).toMatch(/One hello per connection/);
    expect(ha.loginAttempts - before).toBeLessThanOrEqual(1);
  });

  it("caps connections per address and in total, and logins running at once, each saying why", async () => {
    const { ha, addon, port } = await setup({
      LATCHKEY_API_MAX_PER_ADDRESS: "3",
      LATCHKEY_API_MAX_CONNECTIONS: "3",
      LATCHKEY_API_MAX_LOGINS: "1",
    });
    const held = [await peer(port), await peer(port), await peer(port)];
    const fourth = await peer(port);
    expect(await fourth.until(() => fourth.closed(), 5_000)).toBe(true);
    expect(fourth.received.close?.code).toBe(1013);
    expect(fourth.received.close?.reason).toMatch(/connections open|connections from this address/);
    for (const p of held) p.destroy();
    await new Promise((r) => setTimeout(r, 200));
    // Two hellos at once while HA is slow to answer logins: the second is told to come back.
    ha.faults.authDelayMs = 500;
    const pair = [await peer(port), await peer(port)];
    for (const p of pair) p.send(text(HELLO));
    const welcomed = (p: RawPeer) => p.received.texts.some((t) => t.includes('"welcome"'));
    for (const p of pair) expect(await p.until(() => p.closed() || welcomed(p), 5_000)).toBe(true);
    expect(pair.filter(welcomed)).toHaveLength(1);
    expect(pair.map((p) => p.received.close).filter((c) => c !== null)).toEqual([
      { code: 1013, reason: "Latchkey is checking other logins with Home Assistant; try again in a moment." },
    ]);
    expect(addon.output()).toMatch(/refused: Latchkey already has 3 connections/);
  });

  it("answers request ids a reply cannot carry with id 0, in the reply format", async () => {
    const { addon } = await setup();
    const ws = new WebSocket(addon.apiUrl);
    cleanups.push(() => {
      ws.close();
      return Promise.resolve();
    });
    const replies: unknown[] = [];
    ws.on("message", (data: Buffer) => replies.push(JSON.parse(data.toString("utf8"))));
    await new Promise((resolve) => ws.once("open", resolve));
    ws.send(HELLO);
    const ids = ["1.5", "-1e308", "1e21", "9007199254740993", "0", "-3", '"7"', "null"];
    await new Promise((r) => setTimeout(r, 300));
    for (const id of ids) ws.send(`{"id":${id},"type":"activity/list"}`);
    const deadline = Date.now() + 5_000;
    while (replies.length < ids.length + 1 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    const results = replies.map((r) => ServerMessageSchema.parse(r)).filter((m) => m.type === "result");
    expect(results).toHaveLength(ids.length);
    for (const result of results)
      expect(result).toMatchObject({ id: 0, ok: false, error: { code: "invalid_message" } });
  });
});
