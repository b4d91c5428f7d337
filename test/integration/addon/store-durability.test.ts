// An acknowledged change survives the add-on being killed at any moment (kill -9) and the loss
// or tearing of any one store file afterwards; writes cut short leave no temp copies behind.
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startHaFake, type HaFake } from "../ha-fake/index";
import { startAddon, type AddonProcess } from "../support/addon-process";
import { connectApi, type ApiClient } from "../support/api-client";
import { ADMIN, FAST, threeLocks, USER } from "../support/world";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function run(ha: HaFake, dataDir?: string): Promise<{ addon: AddonProcess; api: ApiClient }> {
  const addon = await startAddon({
    haUrl: ha.httpUrl,
    token: ADMIN.token,
    env: FAST,
    ...(dataDir ? { dataDir } : {}),
  });
  cleanups.push(() => addon.stop());
  await addon.waitForOutput(/API listening/);
  const api = await connectApi(addon.apiUrl, ADMIN.token);
  cleanups.push(() => {
    api.close();
    return Promise.resolve();
  });
  await api.request("state/subscribe", {});
  return { addon, api };
}

async function names(api: ApiClient): Promise<string[]> {
  const snap = await api.waitForSnapshot(() => true);
  return snap.codes.map((c) => c.name).sort();
}

describe("the store keeps every acknowledged change", () => {
  it("through kill -9 at any moment, a torn or lost file afterwards, and leaves no temp copies", async () => {
    const ha = await startHaFake({ users: [ADMIN, USER], locks: threeLocks() });
    cleanups.push(() => ha.stop());
    let { addon, api } = await run(ha);
    const dataDir = addon.dataDir;
    const acknowledged: string[] = [];
    const damages = [
      async () =>
        writeFile(
          join(dataDir, "latchkey.json"),
          (await readFile(join(dataDir, "latchkey.json"), "utf8")).slice(0, 40),
        ),
      () => rm(join(dataDir, "latchkey.json")),
      async () => writeFile(join(dataDir, "latchkey.backup.json"), "{"),
      () => rm(join(dataDir, "latchkey.backup.json")),
      () => Promise.resolve(),
    ];
    for (let round = 0; round < 10; round++) {
      const name = `Round ${round}`;
      const created = await api.request("codes/create", {
        draft: { name, pin: String(4100 + round * 7), lockIds: [] },
      });
      expect(created.ok).toBe(true);
      acknowledged.push(name);
      // A second change is under way, not yet acknowledged, when the process is killed.
      void api.request("codes/create", {
        draft: { name: `Unacknowledged ${round}`, pin: String(5200 + round * 7), lockIds: [] },
      });
      await new Promise((r) => setTimeout(r, round % 4));
      await addon.kill9();
      await damages[round % damages.length]?.();
      // What a write cut short would leave: a full copy, PINs of deleted codes and all.
      await writeFile(join(dataDir, `latchkey.json.99999.${round}.tmp`), '{"version":1');
      ({ addon, api } = await run(ha, dataDir));
      const now = await names(api);
      for (const expected of acknowledged) expect(now, `round ${round}`).toContain(expected);
      expect(
        (await readdir(dataDir)).filter((f) => f.endsWith(".tmp")),
        `round ${round}`,
      ).toEqual([]);
    }
  });
});
