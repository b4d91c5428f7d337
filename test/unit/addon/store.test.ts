import { mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../../addon/src/log/logger";
import { FileStore } from "../../../addon/src/store/file-store";
import { migrate, StoreFormatError } from "../../../addon/src/store/migrate";
import type { StoreDocument } from "../../../addon/src/store/schema";
import { AT, claim, code, setTo } from "../fixtures";

function setup() {
  const lines: string[] = [];
  const log = createLogger({ level: "debug", secrets: () => ["4821"], write: (l) => lines.push(l) });
  return { lines, log };
}
const doc = (pin = "4821"): StoreDocument => ({
  version: 3,
  codes: [code("code-mom", { pin, lockIds: ["lock.front"] })],
  claims: [claim("lock.front", 1, "code-mom", setTo(pin))],
  locks: [],
});

describe("FileStore", () => {
  it("saves atomically with mode 0600 and loads what it saved", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lk-store-"));
    const store = new FileStore(dir, setup().log);
    await store.save(doc());
    expect((await stat(store.path)).mode & 0o777).toBe(0o600);
    expect(await store.load()).toEqual({ document: doc(), source: "main" });
    expect((await readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("starts empty when there is no file", async () => {
    const store = new FileStore(await mkdtemp(join(tmpdir(), "lk-store-")), setup().log);
    expect((await store.load()).source).toBe("new");
  });

  it("keeps an acknowledged change when the main file is torn after it, says so, and leaks no PIN", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lk-store-"));
    const { log, lines } = setup();
    const store = new FileStore(dir, log);
    await store.save(doc("4821"));
    await store.save(doc("5930"));
    const full = await readFile(store.path, "utf8");
    await writeFile(store.path, full.slice(0, full.length / 2)); // torn after the save returned
    const loaded = await store.load();
    expect(loaded.source).toBe("backup");
    expect(loaded.document.codes[0]?.pin).toBe("5930");
    expect(lines.join("\n")).toMatch(/could not be used \(it is not complete JSON/);
    expect(lines.join("\n")).not.toContain("5930");
    // The bad file is kept for inspection, and the recovered document is the main file again.
    expect((await readdir(dir)).some((f) => f.includes("unreadable"))).toBe(true);
    expect((await new FileStore(dir, log).load()).source).toBe("main");
  });

  it.each([
    ["the main file is lost", (s: FileStore) => rm(s.path)],
    ["the copy is lost", (s: FileStore) => rm(s.backupPath)],
    [
      "the copy is torn",
      async (s: FileStore) => writeFile(s.backupPath, (await readFile(s.backupPath, "utf8")).slice(0, 30)),
    ],
    ["the main file is emptied", (s: FileStore) => writeFile(s.path, "")],
  ])(
    "keeps the last acknowledged change when %s, and has both files again after the start",
    async (_what, damage) => {
      const dir = await mkdtemp(join(tmpdir(), "lk-store-"));
      const store = new FileStore(dir, setup().log);
      await store.save(doc("4821"));
      await store.save(doc("5930"));
      await damage(store);
      expect((await new FileStore(dir, setup().log).load()).document).toEqual(doc("5930"));
      expect(JSON.parse(await readFile(store.path, "utf8"))).toEqual(doc("5930"));
      expect(JSON.parse(await readFile(store.backupPath, "utf8"))).toEqual(doc("5930"));
      expect((await stat(store.backupPath)).mode & 0o777).toBe(0o600);
    },
  );

  it("removes the temp files of writes cut short, which hold full copies with PINs, and nothing else", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lk-store-"));
    const { log, lines } = setup();
    for (const name of [
      "latchkey.json.4242.7.tmp",
      "latchkey.backup.json.4242.8.tmp",
      "notes.tmp",
      "latchkey.json.x.tmp",
    ])
      await writeFile(join(dir, name), JSON.stringify(doc("7777")));
    await new FileStore(dir, log).load();
    expect((await readdir(dir)).sort()).toEqual(["latchkey.json.x.tmp", "notes.tmp"]);
    expect(lines.join("\n")).toMatch(/Removed 2 temporary file\(s\) of store writes cut short/);
  });

  it("refuses to start (rather than lose codes) when neither copy can be read", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lk-store-"));
    const store = new FileStore(dir, setup().log);
    await writeFile(store.path, "{");
    await writeFile(join(dir, "latchkey.backup.json"), "[]");
    await expect(store.load()).rejects.toThrow(/Neither the store file nor its backup can be read/);
  });
});

describe("migrate", () => {
  it('lifts format 1: a claim\'s code id becomes its owner, and the magic id for a cleared slot becomes "clear this slot"', () => {
    const held = { reason: "changed_at_lock", since: AT };
    const v1 = {
      version: 1,
      codes: [code("code-mom", { lockIds: ["lock.front"] })],
      claims: [
        { lockId: "lock.front", slot: 1, codeId: "code-mom", observed: setTo("4821") },
        { lockId: "lock.front", slot: 2, codeId: "code-mom-gone", observed: { status: "unknown" }, held },
        { lockId: "lock.front", slot: 7, codeId: "cleared-by-user", observed: { status: "unknown" } },
      ],
    };
    expect(migrate(JSON.parse(JSON.stringify(v1)))).toEqual({
      version: 3,
      locks: [],
      codes: v1.codes,
      claims: [
        {
          lockId: "lock.front",
          slot: 1,
          owner: { kind: "code", codeId: "code-mom" },
          observed: setTo("4821"),
        },
        {
          lockId: "lock.front",
          slot: 2,
          owner: { kind: "code", codeId: "code-mom-gone" },
          observed: { status: "unknown" },
          held,
        },
        { lockId: "lock.front", slot: 7, owner: { kind: "clear" }, observed: { status: "unknown" } },
      ],
    });
  });

  it("lifts format 2: its codes and claims stay as they were, and no lock has settings of its own", () => {
    const v2 = {
      version: 2,
      codes: [code("code-mom", { lockIds: ["lock.front"] })],
      claims: [claim("lock.front", 1, "code-mom", setTo("4821"))],
    };
    expect(migrate(JSON.parse(JSON.stringify(v2)))).toEqual({ ...v2, version: 3, locks: [] });
  });

  it("keeps a lock's alert choices and its last automatic refill", () => {
    const withLocks: StoreDocument = {
      ...doc(),
      locks: [{ lockId: "lock.front", alerts: { manual: false, remote: true }, autoRefilledAt: AT }],
    };
    expect(migrate(JSON.parse(JSON.stringify(withLocks)))).toEqual(withLocks);
  });

  it("accepts the current format", () => {
    expect(migrate(JSON.parse(JSON.stringify(doc())))).toEqual(doc());
  });

  it.each([
    [{ codes: [] }, /no valid version/],
    [{ version: 9, codes: [], claims: [] }, /written by a newer Latchkey \(format 9/],
    [{ version: 3, codes: [{ id: "x" }], claims: [], locks: [] }, /The store file is not valid — codes\.0/],
    [{ version: 2, codes: [{ id: "x" }], claims: [] }, /The store file \(format 2\) is not valid — codes\.0/],
    [
      { version: 3, codes: [], claims: [], locks: [{ lockId: "lock.a", alerts: { keypad: "yes" } }] },
      /locks\.0\.alerts\.keypad/,
    ],
    [{ version: 1, codes: [{ id: "x" }], claims: [] }, /The store file \(format 1\) is not valid — codes\.0/],
    [
      { version: 2, codes: [], claims: [claim("lock.a", 1, "code-aaa"), claim("lock.a", 1, "code-bbb")] },
      /claimed twice/,
    ],
    [
      {
        version: 1,
        codes: [],
        claims: [
          { lockId: "lock.a", slot: 1, codeId: "code-aaa", observed: { status: "unknown" } },
          { lockId: "lock.a", slot: 1, codeId: "cleared-by-user", observed: { status: "unknown" } },
        ],
      },
      /claimed twice/,
    ],
    [{ version: 1, codes: [], claims: [claim("lock.a", 1, "code-aaa")] }, /format 1.*claims\.0\.codeId/],
  ])("rejects %j with a clear message", (raw, message) => {
    expect(() => migrate(raw)).toThrow(StoreFormatError);
    expect(() => migrate(raw)).toThrow(message);
  });
});
