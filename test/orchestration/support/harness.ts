// The add-on's service in this process: the real code book, lock directory, sync loop, event
// wiring and file store, connected with the real HA client to the HA websocket fake (held to
// real HA by the contract tests) — no child process, so a test can hold a write, a read of HA
// or a clock in its hand.
import { afterEach } from "vitest";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { OptionsSchema, type Options } from "../../../addon/src/config";
import { HaClient } from "../../../addon/src/ha/client";
import { createLogger } from "../../../addon/src/log/logger";
import { ActivityLog } from "../../../addon/src/service/activity-log";
import { wireHaEvents } from "../../../addon/src/service/events-wiring";
import { openHaLink } from "../../../addon/src/service/ha-link";
import { Journal } from "../../../addon/src/service/journal";
import { LatchkeyService, type HaLink } from "../../../addon/src/service/service";
import { FileStore } from "../../../addon/src/store/file-store";
import type { StoreDocument } from "../../../addon/src/store/schema";
import { CodeDraftSchema, type CodeDraft } from "../../../src/model/code";
import type { Snapshot } from "../../../src/model/protocol";
import { startHaFake, type HaFake, type HaFakeOptions } from "../../integration/ha-fake/index";
import { ADMIN, threeLocks } from "../../integration/support/world";

z.config(z.locales.en());

export interface HarnessOptions {
  ha?: Partial<HaFakeOptions>;
  options?: Partial<z.input<typeof OptionsSchema>>;
  /** Changes the link the service gets (hold writes, slow down a read of HA). */
  link?: (link: HaLink) => HaLink;
  /** A store document to start from (written to the data folder first). */
  document?: StoreDocument;
  operationTimeoutMs?: number;
  /** How soon after a write a keypad report counts as its echo (default 10 s). */
  ownEchoMs?: number;
  /** Don't attach to HA yet: the test calls `attach()` itself. */
  detached?: boolean;
}

export interface Harness {
  ha: HaFake;
  service: LatchkeyService;
  activity: ActivityLog;
  journal: Journal;
  client: HaClient;
  link: HaLink;
  store: FileStore;
  dataDir: string;
  options: Options;
  logs: string[];
  attach(): Promise<void>;
  /** The snapshot an admin sees. */
  snapshot(): Snapshot;
  /** Resolves once `check` holds for the admin's snapshot (checked on every change), or fails after `ms`. */
  until(check: (s: Snapshot) => boolean, ms?: number): Promise<Snapshot>;
  close(): Promise<void>;
}

const ADMIN_USER = { name: ADMIN.name, isAdmin: true };

export async function startLatchkey(harness: HarnessOptions = {}): Promise<Harness> {
  const ha = await startHaFake({ users: [ADMIN], locks: threeLocks(), ...harness.ha });
  const dataDir = await mkdtemp(join(tmpdir(), "latchkey-orchestration-"));
  const logs: string[] = [];
  let service: LatchkeyService | null = null;
  const log = createLogger({
    level: "debug",
    secrets: () => service?.secrets() ?? [],
    write: (line) => logs.push(line),
  });
  const options = OptionsSchema.parse(harness.options ?? {});
  const store = new FileStore(dataDir, log);
  if (harness.document) await store.save(harness.document);
  const { document } = await store.load();
  const activity = new ActivityLog(dataDir, log, {
    count: options.activity_max_entries,
    days: options.activity_max_days,
  });
  await activity.load();
  const journal = new Journal(activity);
  const svc = new LatchkeyService({
    save: (next) => store.save(next),
    document,
    log,
    options,
    retry: { baseMs: 100, maxMs: 2_000 },
    ownEchoMs: harness.ownEchoMs ?? 10_000,
    relistMs: 200,
    ...(harness.operationTimeoutMs === undefined ? {} : { operationTimeoutMs: harness.operationTimeoutMs }),
    lastDoorActivity: () => activity.lastDoorActivity(),
  });
  service = svc;
  const client = await HaClient.connect(ha.wsUrl, ADMIN.token, log);
  const opened = await openHaLink(client, log, { verifyTimeoutMs: 1_000 });
  const link = harness.link ? harness.link(opened.link) : opened.link;
  await wireHaEvents({
    ha: client,
    service: svc,
    activity,
    journal,
    options,
    log,
    stateGraceMs: 200,
    relistAfterCodeActionMs: 200,
    refusals: opened.refusals,
  });
  const snapshot = () => svc.snapshot(ADMIN_USER);
  const attach = () => svc.attach(link);
  if (!harness.detached) await attach();
  return {
    ha,
    service: svc,
    activity,
    journal,
    client,
    link,
    store,
    dataDir,
    options,
    logs,
    attach,
    snapshot,
    until: (check, ms = 5_000) =>
      new Promise((resolve, reject) => {
        const look = () => {
          const now = snapshot();
          if (!check(now)) return false;
          clearTimeout(timer);
          stop();
          resolve(now);
          return true;
        };
        const timer = setTimeout(() => {
          stop();
          reject(new Error(`The snapshot did not get there within ${ms} ms: ${JSON.stringify(snapshot())}`));
        }, ms);
        const stop = svc.onChange(() => void look());
        look();
      }),
    close: async () => {
      svc.stop();
      client.close();
      await ha.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Every (code, lock) pair shows synced. */
export function allSynced(s: Snapshot): boolean {
  const states = Object.values(s.sync).flatMap((perLock) => Object.values(perLock));
  return states.length > 0 && states.every((status) => status.state === "synced");
}

/** A promise with its resolve in hand. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** A code's draft as the API parses it (defaults filled in). */
export function draft(
  name: string,
  pin: string,
  lockIds: string[],
  extra: Record<string, unknown> = {},
): CodeDraft {
  return CodeDraftSchema.parse({ name, pin, lockIds, ...extra });
}

/** Polls `check` every 20 ms until it holds; fails after `ms`. */
export async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Starts a harness for one test, closed after it: `const h = await start({ options })`. */
export function harnessPerTest(): (options?: HarnessOptions) => Promise<Harness> {
  let current: Harness | null = null;
  afterEach(async () => {
    await current?.close();
    current = null;
  });
  return async (options) => {
    current = await startLatchkey(options);
    return current;
  };
}
