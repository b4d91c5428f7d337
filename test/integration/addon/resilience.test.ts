import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { z } from "zod";
import { startHaFake } from "../ha-fake/index";
import { RawClient } from "../ha-fake/raw-client";
import { startAddon } from "../support/addon-process";
import { allSynced, connectApi } from "../support/api-client";
import { ADMIN, FAST, LOCKS, slotsHolding, startWorld, threeLocks, USER, type World } from "../support/world";
import { showsPin } from "../support/pins";
import { until } from "../support/until";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function world(...args: Parameters<typeof startWorld>): Promise<World> {
  const w = await startWorld(...args);
  cleanups.push(() => w.close());
  return w;
}

describe("the add-on survives what happens in a real home", () => {
  it("killed mid-sync, it converges after a restart with no duplicate slots and nothing lost", async () => {
    const w = await world();
    w.ha.faults.slowLock("lock.garage_side_door", 1500);
    await w.api.request("codes/create", { draft: { name: "Mom", pin: "4821", lockIds: LOCKS } });
    await w.api.waitForSnapshot(() => slotsHolding(w.ha, "lock.front_door", "4821").length === 1);
    await w.addon.kill9();
    w.ha.faults.slowLock("lock.garage_side_door", 0);

    const again = await startAddon({
      haUrl: w.ha.httpUrl,
      token: ADMIN.token,
      dataDir: w.addon.dataDir,
      env: FAST,
    });
    cleanups.push(() => again.stop());
    await again.waitForOutput(/API listening/);
    const api = await connectApi(again.apiUrl, ADMIN.token);
    cleanups.push(() => {
      api.close();
      return Promise.resolve();
    });
    await api.request("state/subscribe", {});
    const snap = await api.waitForSnapshot(
      (s) => s.codes.length === 1 && s.locks.length === 3 && allSynced(s),
    );
    for (const lock of LOCKS) expect(slotsHolding(w.ha, lock, "4821")).toHaveLength(1);
    expect(Object.keys(snap.slots[snap.codes[0]?.id ?? ""] ?? {})).toHaveLength(3);
    const store = z
      .object({ claims: z.array(z.unknown()) })
      .parse(JSON.parse(await readFile(join(w.addon.dataDir, "latchkey.json"), "utf8")));
    expect(store.claims).toHaveLength(3);
  });

  it("HA dropping every connection (a restart) → the add-on reconnects and finishes the sync", async () => {
    const w = await world();
    w.ha.faults.slowLock("lock.back_door", 800);
    await w.api.request("codes/create", { draft: { name: "Mom", pin: "4821", lockIds: LOCKS } });
    w.ha.dropConnections();
    w.ha.faults.slowLock("lock.back_door", 0);
    await w.addon.waitForOutput(/Lost the connection to Home Assistant/);
    await w.api.waitForSnapshot((s) => s.codes.length === 1 && allSynced(s) && s.connected, 30_000);
    for (const lock of LOCKS) expect(slotsHolding(w.ha, lock, "4821")).toHaveLength(1);
  });

  it("HA still starting after a restart → the add-on reads the locks again until HA is running", async () => {
    const w = await world();
    w.ha.setHaState("STARTING");
    w.ha.dropConnections(); // HA restarts and is back on its websocket before it has finished starting
    await w.addon.waitForOutput(/Home Assistant is still starting; reading the locks again/);
    const rereads = () => (w.addon.output().match(/Found 3 Z-Wave lock/g) ?? []).length;
    const before = rereads();
    await until(() => rereads() >= before + 2, 15_000); // it keeps reading while HA says STARTING
    w.ha.setHaState("RUNNING");
    const atRunning = rereads();
    await until(() => rereads() > atRunning, 15_000); // the next read sees RUNNING…
    await new Promise((r) => setTimeout(r, 500));
    const settled = rereads();
    await new Promise((r) => setTimeout(r, 4_500));
    expect(rereads()).toBe(settled); // and stops once it is running
  });

  it("HA not reachable at start → retried with backoff, then connects; no crash loop", async () => {
    const ha = await startHaFake({ users: [ADMIN], locks: threeLocks() });
    cleanups.push(() => ha.stop());
    await ha.setAcceptingConnections(false);
    const addon = await startAddon({ haUrl: ha.httpUrl, token: ADMIN.token, env: FAST });
    cleanups.push(() => addon.stop());
    await addon.waitForOutput(/Cannot reach Home Assistant .* \(attempt 2\)/);
    await ha.setAcceptingConnections(true);
    await addon.waitForOutput(/Found 3 Z-Wave lock/, 30_000);
  });

  it.each([
    ["a token HA rejects", "not-a-real-token-0123456789", /rejected the access token/],
    ["a non-admin token", USER.token, /“Kim Kid”, who is not a Home Assistant administrator/],
  ])("%s stops the add-on with a clear message", async (_label, token, message) => {
    const ha = await startHaFake({ users: [ADMIN, USER], locks: threeLocks() });
    cleanups.push(() => ha.stop());
    const addon = await startAddon({ haUrl: ha.httpUrl, token, env: FAST });
    expect(await addon.exited).toBe(1);
    expect(addon.output()).toMatch(message);
    expect(addon.output()).not.toContain(token);
  });

  it("bad options stop it with a clear message and leave the stored codes untouched", async () => {
    const w = await world();
    await w.api.request("codes/create", { draft: { name: "Mom", pin: "4821", lockIds: LOCKS } });
    await w.api.waitForSnapshot((s) => s.codes.length === 1 && allSynced(s));
    await w.addon.stop();
    const before = await readFile(join(w.addon.dataDir, "latchkey.json"), "utf8");
    await writeFile(
      join(w.addon.dataDir, "options.json"),
      JSON.stringify({ slot_first: "one", default_slot_count: 0 }),
    );
    const bad = await startAddon({
      haUrl: w.ha.httpUrl,
      token: ADMIN.token,
      dataDir: w.addon.dataDir,
      env: FAST,
    });
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toMatch(/The add-on options are not valid — slot_first: .*; default_slot_count: /);
    expect(await readFile(join(w.addon.dataDir, "latchkey.json"), "utf8")).toBe(before);
  });
});

describe("the card API", () => {
  it("rejects bad messages with clear errors and changes nothing", async () => {
    const w = await world();
    await w.api.request("codes/create", { draft: { name: "Mom", pin: "4821", lockIds: LOCKS } });
    await w.api.waitForSnapshot((s) => s.codes.length === 1 && allSynced(s));
    const storePath = join(w.addon.dataDir, "latchkey.json");
    const before = await readFile(storePath, "utf8");
    const writes = w.writes().length;

    expect(await w.api.sendRaw("{not json")).toMatchObject({ ok: false, error: { code: "invalid_message" } });
    expect(await w.api.sendRaw(JSON.stringify({ id: 50, type: "codes/explode" }))).toMatchObject({
      ok: false,
      error: { code: "invalid_message" },
    });
    const letters = await w.api.request("codes/create", {
      draft: { name: "Dad", pin: "12ab", lockIds: LOCKS },
    });
    expect(letters).toMatchObject({ ok: false, error: { code: "invalid_message" } });
    expect(JSON.stringify(letters)).toMatch(/digits only/);
    const duplicate = await w.api.request("codes/create", {
      draft: { name: "Dad", pin: "4821", lockIds: ["lock.back_door"] },
    });
    expect(duplicate).toMatchObject({ ok: false, error: { code: "validation_failed" } });
    expect(JSON.stringify(duplicate)).toMatch(/“Mom” already uses this PIN on Back Door/);
    // The card translates by key; the values name the code and the lock, not the PIN.
    expect(duplicate).toMatchObject({
      error: {
        issues: [
          { field: "pin", problem: "validation.pin_taken", values: { name: "Mom", locks: "Back Door" } },
        ],
      },
    });
    const sameName = await w.api.request("codes/create", {
      draft: { name: " mom ", pin: "6047", lockIds: [] },
    });
    expect(sameName).toMatchObject({ ok: false, error: { code: "validation_failed" } });
    const missing = await w.api.request("codes/delete", { codeId: "no-such-code" });
    expect(missing).toMatchObject({
      ok: false,
      error: {
        code: "not_found",
        message: "That code does not exist (any more).",
        problem: "error.code_gone",
      },
    });

    expect(await readFile(storePath, "utf8")).toBe(before);
    expect(w.writes().length).toBe(writes);
    expect(showsPin(JSON.stringify([letters, duplicate]), "4821")).toBe(false);

    // A weak PIN is saved, with a warning in English and as a key the card translates.
    const weak = await w.api.request("codes/create", { draft: { name: "Dad", pin: "2580", lockIds: LOCKS } });
    expect(weak).toMatchObject({
      ok: true,
      result: {
        warnings: ["This PIN is easy to guess: it is one of the most common PINs."],
        issues: [{ field: "pin", problem: "validation.pin_weak_common" }],
      },
    });
  });

  it("refuses a card that speaks another protocol version, saying so in words and by key", async () => {
    const w = await world();
    const socket = new WebSocket(w.addon.apiUrl);
    cleanups.push(() => {
      socket.close();
      return Promise.resolve();
    });
    const refusal = new Promise<unknown>((resolve) => {
      socket.once("message", (data: Buffer) => {
        resolve(JSON.parse(data.toString("utf8")));
      });
    });
    await new Promise((resolve) => {
      socket.once("open", resolve);
    });
    socket.send(JSON.stringify({ type: "hello", protocol: 99, accessToken: ADMIN.token }));
    expect(await refusal).toEqual({
      type: "fatal",
      error: {
        code: "unsupported_protocol",
        message: "This add-on speaks protocol 1; reload the page to get the matching card.",
        problem: "error.protocol_mismatch",
        values: { protocol: 1 },
      },
    });
  });

  it("words what it reports in the language the card names in its hello, and keeps the key", async () => {
    const w = await world();
    const german = await connectApi(w.addon.apiUrl, ADMIN.token, { language: "de-AT" });
    const french = await connectApi(w.addon.apiUrl, ADMIN.token, { language: "fr" });
    cleanups.push(() => {
      german.close();
      french.close();
      return Promise.resolve();
    });
    expect(await german.request("codes/delete", { codeId: "no-such-code" })).toEqual({
      ok: false,
      error: {
        code: "not_found",
        message: "Diesen Code gibt es nicht (mehr).",
        problem: "error.code_gone",
        values: {},
      },
    });
    // No German texts for a form's problems: the card words those itself, by key.
    await german.request("codes/create", { draft: { name: "Mom", pin: "4821", lockIds: LOCKS } });
    const taken = await german.request("codes/create", {
      draft: { name: "mom", pin: "6047", lockIds: LOCKS },
    });
    expect(taken).toMatchObject({
      ok: false,
      error: {
        issues: [
          {
            field: "name",
            message: "There is already a code named “Mom”.",
            problem: "validation.name_taken",
          },
        ],
      },
    });
    expect(await french.request("codes/delete", { codeId: "no-such-code" })).toMatchObject({
      ok: false,
      error: { message: "That code does not exist (any more)." },
    });

    const socket = new WebSocket(w.addon.apiUrl);
    cleanups.push(() => {
      socket.close();
      return Promise.resolve();
    });
    const refusal = new Promise<unknown>((resolve) => {
      socket.once("message", (data: Buffer) => {
        resolve(JSON.parse(data.toString("utf8")));
      });
    });
    await new Promise((resolve) => {
      socket.once("open", resolve);
    });
    socket.send(JSON.stringify({ type: "hello", protocol: 99, accessToken: ADMIN.token, language: "de" }));
    expect(await refusal).toMatchObject({
      type: "fatal",
      error: {
        message: "Dieses Add-on spricht Protokoll 1; lade die Seite neu, um die passende Karte zu bekommen.",
        problem: "error.protocol_mismatch",
      },
    });
  });

  it("a non-admin sees status and names but cannot reveal, change or delete codes", async () => {
    const w = await world();
    const created = await w.api.request("codes/create", {
      draft: { name: "Mom", pin: "4821", lockIds: LOCKS },
    });
    if (!created.ok) throw new Error("create failed");
    const kid = await connectApi(w.addon.apiUrl, USER.token);
    cleanups.push(() => {
      kid.close();
      return Promise.resolve();
    });
    expect(kid.user).toEqual({ name: "Kim Kid", isAdmin: false });
    await kid.request("state/subscribe", {});
    const snap = await kid.waitForSnapshot((s) => s.codes.length === 1);
    expect(snap.codes[0]?.name).toBe("Mom");
    expect(showsPin(JSON.stringify(snap), "4821")).toBe(false);
    const codeId = created.result.codeId;
    for (const attempt of [
      kid.request("codes/reveal", { codeId }),
      kid.request("codes/update", { codeId, changes: { pin: "6047" } }),
      kid.request("codes/delete", { codeId }),
      kid.request("codes/create", { draft: { name: "Kid", pin: "6047", lockIds: [] } }),
    ]) {
      expect(await attempt).toMatchObject({
        ok: false,
        error: { code: "forbidden", problem: "error.admins_only" },
      });
    }
    const reveal = await w.api.request("codes/reveal", { codeId });
    expect(reveal).toEqual({ ok: true, result: { codeId, pin: "4821" } });
  });

  it("with code names hidden, a non-admin sees neither a code's name nor who moved a door", async () => {
    const ha = await startHaFake({ users: [ADMIN, USER], locks: threeLocks() });
    cleanups.push(() => ha.stop());
    const dataDir = await mkdtemp(join(tmpdir(), "latchkey-data-"));
    await writeFile(join(dataDir, "options.json"), JSON.stringify({ show_code_names_to_everyone: false }));
    const addon = await startAddon({ haUrl: ha.httpUrl, token: ADMIN.token, env: FAST, dataDir });
    cleanups.push(() => addon.stop());
    await addon.waitForOutput(/Found 3 Z-Wave lock/);
    const admin = await connectApi(addon.apiUrl, ADMIN.token);
    const kid = await connectApi(addon.apiUrl, USER.token);
    cleanups.push(() => {
      admin.close();
      kid.close();
      return Promise.resolve();
    });
    await admin.request("codes/create", { draft: { name: "Mom", pin: "4821", lockIds: LOCKS } });
    const { client } = await RawClient.authed(ha.wsUrl, ADMIN.token);
    await client.command("call_service", {
      domain: "lock",
      service: "unlock",
      target: { entity_id: "lock.front_door" },
    });
    client.close();
    await addon.waitForOutput(/Alex Admin unlocked Front Door in Home Assistant\./);

    const own = await admin.request("activity/list", { lockId: "lock.front_door" });
    expect(own.ok && own.result.entries.map((e) => e.userName)).toEqual(["Alex Admin"]);
    const theirs = await kid.request("activity/list", {});
    expect(theirs.ok && theirs.result.entries.map((e) => [e.kind, e.codeName, e.userName])).toEqual([
      ["rf_unlock", null, null],
      ["code_created", null, null],
    ]);
    await kid.request("state/subscribe", {});
    const seen = await kid.waitForSnapshot((s) => s.lastActivity["lock.front_door"] !== undefined);
    expect(seen.codes.map((c) => c.name)).toEqual(["Code 1"]);
    expect(seen.lastActivity["lock.front_door"]).toMatchObject({ kind: "rf_unlock", userName: null });
  });

  it("an invalid HA token is refused at hello", async () => {
    const w = await world();
    await expect(connectApi(w.addon.apiUrl, "forged-token-0123456789")).rejects.toThrow(/unauthenticated/);
  });
});

describe("offline locks", () => {
  it("a dead lock is not written to while dead, shows why, and gets its codes when it is back", async () => {
    const w = await world();
    const german = await connectApi(w.addon.apiUrl, ADMIN.token, { language: "de" });
    cleanups.push(() => {
      german.close();
      return Promise.resolve();
    });
    await german.request("state/subscribe", {});
    w.ha.setNodeStatus("lock.back_door", "dead");
    // HA keeps a dead node's lock available (its last state): the node status says it is away.
    await w.api.waitForSnapshot((s) => s.locks.find((l) => l.id === "lock.back_door")?.nodeStatus === "dead");
    await w.api.request("codes/create", { draft: { name: "Mom", pin: "4821", lockIds: LOCKS } });
    const waiting = await w.api.waitForSnapshot((s) => {
      const sync = Object.values(s.sync)[0] ?? {};
      return (
        sync["lock.front_door"]?.state === "synced" &&
        sync["lock.garage_side_door"]?.state === "synced" &&
        sync["lock.back_door"]?.state === "waiting"
      );
    });
    expect(Object.values(waiting.sync)[0]?.["lock.back_door"]).toEqual({
      state: "waiting",
      reason: "The lock is offline; the change is sent when it is back.",
      problem: "sync_reason.lock_offline",
      values: {},
    });
    // The same moment for a German card: the add-on words the reason for each card it serves.
    const inGerman = await german.waitForSnapshot(
      (s) => Object.values(s.sync)[0]?.["lock.back_door"]?.state === "waiting",
    );
    expect(Object.values(inGerman.sync)[0]?.["lock.back_door"]).toEqual({
      state: "waiting",
      reason: "Das Schloss ist offline; die Änderung wird gesendet, sobald es wieder da ist.",
      problem: "sync_reason.lock_offline",
      values: {},
    });
    expect(w.writes().filter((c) => c.entityId === "lock.back_door")).toEqual([]);

    w.ha.setNodeStatus("lock.back_door", "alive");
    await w.api.waitForSnapshot((s) => s.codes.length === 1 && allSynced(s));
    expect(slotsHolding(w.ha, "lock.back_door", "4821")).toHaveLength(1);
  });
});
