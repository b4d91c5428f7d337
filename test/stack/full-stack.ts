import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { z } from "zod";
import { ADDON_BUNDLE, startAddon, type AddonProcess } from "../integration/support/addon-process";
import {
  addCardResourceAndDashboard,
  addServerUrlEntry,
  addZwaveJsEntry,
  freePort,
  haWs,
  onboard,
  startHomeAssistant,
  waitForEntryLoaded,
  waitForZwaveJsLoaded,
  type HaCredentials,
  type HaInstance,
} from "./ha/index";
import { demoLocksFor, nameDemoLocks, type DemoLock } from "./name-locks";
import { haTarget } from "./ha/target";
import { startZwaveStack, type ZwaveStack } from "./zwave/zwave-stack";
import { nameMatterLock, MATTER_DEMO_LOCK } from "./matter/name-matter-lock";
import { startMatterStack, type MatterStack } from "./matter/matter-stack";

export const CARD_FILE = resolve(import.meta.dirname, "../../dist/latchkey-card.js");

export interface FullStackOptions {
  workDir: string;
  haPort?: number;
  addonPort?: number;
  /** Extra per-frame delay of the slow garage lock (ms). */
  slowDelayMs?: number;
  addonEnv?: Record<string, string>;
  progress?: (line: string) => void;
  /**
   * Also a simulated Matter door lock, commissioned into a real Matter server that HA's matter
   * integration uses (HA 2026.11 only; about 10 s more). Off by default.
   */
  matter?: boolean;
}

export interface FullStack {
  zwave: ZwaveStack;
  ha: HaInstance;
  /** What the running Home Assistant says it is (get_config), e.g. "2026.11.0". */
  haVersion: string;
  /** The simulated locks, as HA names them. */
  locks: readonly DemoLock[];
  credentials: HaCredentials;
  addon: AddonProcess;
  addonPort: number;
  /** With `matter`: the Matter side and the lock's entity in HA. */
  matter?: MatterStack & { entityId: string };
  dashboardUrl: string;
  timings: Record<string, number>;
  /** Starts the add-on again on the same data folder (restart tests). */
  restartAddon: () => Promise<AddonProcess>;
  stop: () => Promise<void>;
}

/**
 * Simulated locks → real Z-Wave JS server → real Home Assistant → Latchkey add-on → card on
 * a dashboard. The demo and the end-to-end tests both stand on this. Stops what it started
 * if any step fails.
 */
export async function startFullStack(options: FullStackOptions): Promise<FullStack> {
  const say = options.progress ?? (() => undefined);
  for (const file of [CARD_FILE, ADDON_BUNDLE])
    if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build first.`);
  const started = Date.now();
  const timings: Record<string, number> = {};
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined);
  };
  const target = haTarget();
  const locks = demoLocksFor(target);
  try {
    say("Starting the simulated Z-Wave network and the Z-Wave JS server…");
    const zwave = await startZwaveStack({
      workDir: join(options.workDir, "zwave"),
      slowDelayMs: options.slowDelayMs ?? 150,
      nodeIds: locks.map((l) => l.nodeId),
    });
    stops.push(() => zwave.stop());
    timings.zwaveReadyMs = Date.now() - started;
    let matter: MatterStack | undefined;
    if (options.matter) {
      if (target.name !== "2026.11")
        throw new Error(
          `The Matter stack needs HA 2026.4+ (matter lock actions); this run is ${target.name}.`,
        );
      say("Starting the simulated Matter lock and the Matter server, and commissioning the lock…");
      const t = Date.now();
      matter = await startMatterStack({ workDir: join(options.workDir, "matter") });
      stops.push(() => matter?.stop() ?? Promise.resolve());
      timings.matterCommissionedMs = Date.now() - t;
      say(
        `Matter lock commissioned as node ${matter.nodeId} over ${matter.interfaceName} in ${timings.matterCommissionedMs} ms`,
      );
    }

    say(`Starting Home Assistant ${target.version} (the first start on a machine takes longer)…`);
    const configDir = join(options.workDir, "ha");
    await mkdir(configDir, { recursive: true });
    const ha = await startHomeAssistant({ configDir, port: options.haPort ?? (await freePort()), target });
    stops.push(() => ha.stop());
    const credentials = await onboard(ha);
    await addZwaveJsEntry(ha, credentials.admin.token, zwave.wsUrl);
    await waitForZwaveJsLoaded(ha, credentials.admin.token);
    if (matter) {
      const t = Date.now();
      await addServerUrlEntry(ha, credentials.admin.token, "matter", matter.wsUrl);
      await waitForEntryLoaded(ha, credentials.admin.token, "matter");
      timings.matterEntryLoadedMs = Date.now() - t;
    }
    const ws = await haWs(ha.url, credentials.admin.token);
    let haVersion: string;
    try {
      await nameDemoLocks(ws, locks);
      if (matter) {
        const t = Date.now();
        await nameMatterLock(ws);
        timings.matterEntityMs = Date.now() - t;
      }
      haVersion = (await ws.callParsed(z.object({ version: z.string() }).loose(), "get_config")).version;
    } finally {
      await ws.close();
    }
    timings.haReadyMs = Date.now() - started;

    say("Starting the Latchkey add-on…");
    const addonPort = options.addonPort ?? (await freePort());
    const addonDir = join(options.workDir, "addon");
    await mkdir(addonDir, { recursive: true });
    const launch = async () => {
      const addon = await startAddon({
        haUrl: ha.url,
        token: credentials.admin.token,
        dataDir: addonDir,
        port: addonPort,
        env: options.addonEnv ?? {},
      });
      await addon.waitForOutput(/All locks are in step|lock write\(s\) planned/, 60_000);
      return addon;
    };
    let addon = await launch();
    stops.push(() => addon.stop());
    timings.addonReadyMs = Date.now() - started;

    const dashboard = await addCardResourceAndDashboard(ha, credentials.admin.token, {
      cardFile: CARD_FILE,
      cardConfig: { type: "custom:latchkey-card", addon_url: `ws://127.0.0.1:${addonPort}/api/ws` },
    });
    timings.stackReadyMs = Date.now() - started;
    return {
      zwave,
      ...(matter ? { matter: { ...matter, entityId: MATTER_DEMO_LOCK.entityId } } : {}),
      ha,
      haVersion,
      locks,
      credentials,
      addonPort,
      timings,
      get addon() {
        return addon;
      },
      dashboardUrl: dashboard.dashboardUrl,
      restartAddon: async () => {
        await addon.stop();
        addon = await launch();
        return addon;
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
