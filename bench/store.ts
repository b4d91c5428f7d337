import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger } from "../addon/src/log/logger";
import { FileStore } from "../addon/src/store/file-store";
import { migrate } from "../addon/src/store/migrate";
import { StoredClaimSchema, type StoreDocument } from "../addon/src/store/schema";
import { SlotClaimSchema } from "../src/model/slot-claim";
import { timeAsync, timeSync, type Timing } from "./stats";

export interface StoreResult {
  save: Timing;
  load: Timing;
  fileBytes: number;
  loadedClaims: number;
  source: string;
  /** The three parts of a load, timed on their own: where the time goes. */
  parts: { read: Timing; parse: Timing; migrate: Timing };
  /** The claims alone, side by side: the model's zod/mini schema and the store's compiled one. */
  claims: { model: Timing; stored: Timing };
}

/** The real FileStore in a temp folder: atomic save (temp, fsync, backup copy, rename, fsync dir) and load (read, parse, migrate). */
export async function benchStore(
  document: StoreDocument,
  warmup: number,
  runs: number,
): Promise<StoreResult> {
  const folder = await mkdtemp(join(tmpdir(), "latchkey-bench-store-"));
  const logs: string[] = [];
  const log = createLogger({
    level: "warn",
    secrets: () => document.codes.map((c) => c.pin),
    write: (line) => {
      logs.push(line);
    },
  });
  try {
    const store = new FileStore(folder, log);
    const save = await timeAsync(warmup, runs, () => store.save(document));
    let loadedClaims = 0;
    let source = "";
    const load = await timeAsync(warmup, runs, async () => {
      const loaded = await store.load();
      loadedClaims = loaded.document.claims.length;
      source = loaded.source;
    });
    const fileBytes = (await stat(store.path)).size;
    let text = "";
    const read = await timeAsync(warmup, runs, async () => {
      text = await readFile(store.path, "utf8");
    });
    let raw: unknown = null;
    const parse = timeSync(warmup, runs, () => {
      raw = JSON.parse(text);
    });
    const migrateTiming = timeSync(warmup, runs, () => {
      migrate(raw);
    });
    // As a load sees them: plain objects fresh from JSON.
    const rawClaims: unknown[] = document.claims.map((c): unknown => JSON.parse(JSON.stringify(c)));
    const claims = {
      model: timeSync(warmup, runs, () => {
        for (const c of rawClaims) SlotClaimSchema.parse(c);
      }),
      stored: timeSync(warmup, runs, () => {
        for (const c of rawClaims) StoredClaimSchema.parse(c);
      }),
    };
    if (logs.length > 0) console.log(`  (store logged: ${logs.join(" / ")})`);
    return {
      save,
      load,
      fileBytes,
      loadedClaims,
      source,
      parts: { read, parse, migrate: migrateTiming },
      claims,
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
