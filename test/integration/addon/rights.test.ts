// Rights follow Home Assistant, not the hello: an admin removed, deactivated or demoted in HA,
// or whose token HA stops accepting, loses their rights on the connection they already had.
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { ServerMessageSchema, type ServerMessage } from "../../../src/model/protocol";
import { startHaFake, type HaFake } from "../ha-fake/index";
import { startAddon, type AddonProcess } from "../support/addon-process";
import { connectApi } from "../support/api-client";
import { ADMIN, FAST, threeLocks, USER } from "../support/world";

const PARTNER = {
  id: "u-partner",
  name: "Pat Partner",
  isAdmin: true,
  token: "partner-token-0123456789abcdef",
};

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(checkMs: number): Promise<{ ha: HaFake; addon: AddonProcess; codeId: string }> {
  const ha = await startHaFake({
    users: [ADMIN, PARTNER, USER],
    locks: threeLocks(),
    notifyServices: ["sms"],
  });
  cleanups.push(() => ha.stop());
  const addon = await startAddon({
    haUrl: ha.httpUrl,
    token: ADMIN.token,
    env: { ...FAST, LATCHKEY_RIGHTS_CHECK_MS: String(checkMs) },
  });
  cleanups.push(() => addon.stop());
  await addon.waitForOutput(/Found 3 Z-Wave lock/);
  const api = await connectApi(addon.apiUrl, ADMIN.token);
  const created = await api.request("codes/create", { draft: { name: "Mom", pin: "4821", lockIds: [] } });
  api.close();
  if (!created.ok) throw new Error(created.error.message);
  return { ha, addon, codeId: created.result.codeId };
}

/** A card's connection, seen from below: every message and how it closed. */
interface Session {
  messages: ServerMessage[];
  closed: Promise<{ code: number; reason: string }>;
  request(type: string, payload: Record<string, unknown>): Promise<ServerMessage>;
}

async function session(url: string, token: string): Promise<Session> {
  const ws = new WebSocket(url);
  cleanups.push(() => {
    ws.close();
    return Promise.resolve();
  });
  const messages: ServerMessage[] = [];
  const waiters = new Set<() => void>();
  ws.on("message", (data: Buffer) => {
    messages.push(ServerMessageSchema.parse(JSON.parse(data.toString("utf8"))));
    for (const w of [...waiters]) w();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.on("close", (code, reason) => {
      resolve({ code, reason: reason.toString("utf8") });
      for (const w of [...waiters]) w();
    });
  });
  const next = (match: (m: ServerMessage) => boolean) =>
    new Promise<ServerMessage>((resolve, reject) => {
      const check = () => {
        const found = messages.find(match);
        if (found) {
          waiters.delete(check);
          resolve(found);
        } else if (ws.readyState === WebSocket.CLOSED) {
          waiters.delete(check);
          reject(new Error("closed"));
        }
      };
      waiters.add(check);
      check();
    });
  await new Promise((resolve) => ws.once("open", resolve));
  ws.send(JSON.stringify({ type: "hello", protocol: 1, accessToken: token }));
  await next((m) => m.type === "welcome" || m.type === "fatal");
  let nextId = 1;
  return {
    messages,
    closed,
    request: (type, payload) => {
      const id = nextId++;
      ws.send(JSON.stringify({ ...payload, id, type }));
      return next((m) => m.type === "result" && m.id === id);
    },
  };
}

const welcome = (s: Session) => s.messages.find((m) => m.type === "welcome");

describe("rights follow Home Assistant on open connections", () => {
  it("an admin demoted in HA is dropped within the check interval and comes back without admin rights", async () => {
    const { ha, addon, codeId } = await setup(300);
    const partner = await session(addon.apiUrl, PARTNER.token);
    expect(welcome(partner)).toMatchObject({ user: { isAdmin: true } });
    expect(await partner.request("codes/reveal", { codeId })).toMatchObject({ ok: true });
    ha.setUserAdmin(PARTNER.id, false);
    expect(await partner.closed).toEqual({
      code: 4001,
      reason: "Your rights in Home Assistant changed; connecting again with them.",
    });
    const again = await session(addon.apiUrl, PARTNER.token);
    expect(welcome(again)).toMatchObject({ user: { isAdmin: false } });
    expect(await again.request("codes/reveal", { codeId })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect(await again.request("codes/delete", { codeId })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect(addon.output()).toMatch(
      /An API session of Pat Partner ended: Your rights in Home Assistant changed/,
    );
  });

  it("an admin removed in HA is dropped, and cannot log in again", async () => {
    const { ha, addon } = await setup(300);
    const partner = await session(addon.apiUrl, PARTNER.token);
    ha.removeUser(PARTNER.id);
    expect((await partner.closed).reason).toBe("Your Home Assistant account was removed or deactivated.");
    const again = await session(addon.apiUrl, PARTNER.token);
    expect(again.messages).toMatchObject([{ type: "fatal", error: { code: "unauthenticated" } }]);
  });

  it("a standalone token HA stops accepting ends the session", async () => {
    const { ha, addon } = await setup(300);
    const partner = await session(addon.apiUrl, PARTNER.token);
    ha.revokeToken(PARTNER.token);
    expect(await partner.closed).toEqual({
      code: 4001,
      reason: "Home Assistant no longer accepts this login; connecting again with a fresh one.",
    });
  });

  it("reveal and share ask HA at the moment they run, long before the next check", async () => {
    const { ha, addon, codeId } = await setup(600_000);
    const partner = await session(addon.apiUrl, PARTNER.token);
    ha.setUserAdmin(PARTNER.id, false);
    const reveal = await partner.request("codes/reveal", { codeId });
    expect(reveal).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(JSON.stringify(reveal)).not.toContain("4821");
    expect((await partner.closed).code).toBe(4001);
    ha.setUserAdmin(PARTNER.id, true);
    const other = await session(addon.apiUrl, PARTNER.token);
    ha.removeUser(PARTNER.id);
    const share = await other.request("codes/share", {
      codeId,
      service: "notify.sms",
      recipients: ["+15550100"],
    });
    expect(share).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(ha.serviceCalls.filter((c) => c.domain === "notify")).toEqual([]);
  });
});
