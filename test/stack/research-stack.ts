// The bare real stack the research scripts ask questions of: the simulated locks with the real
// Z-Wave JS server, and real Home Assistant onboarded with zwave_js and the demo's lock names —
// no add-on. What a script finds is written to `outFile` as JSON, even when it stops half-way.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import {
  addZwaveJsEntry,
  freePort,
  haWs,
  onboard,
  startHomeAssistant,
  waitForZwaveJsLoaded,
} from "./ha/index";
import { haTarget } from "./ha/target";
import { demoLocksFor, nameDemoLocks } from "./name-locks";
import { startZwaveStack } from "./zwave/zwave-stack";

/** A zwave_js entity registry entry, with the fields the research scripts record. */
export const RegistryEntity = z
  .object({
    entity_id: z.string(),
    platform: z.string(),
    device_id: z.string().nullable(),
    unique_id: z.string(),
    original_name: z.string().nullable().optional(),
    disabled_by: z.string().nullable().optional(),
    entity_category: z.string().nullable().optional(),
  })
  .loose();

export const say = (line: string): void => {
  console.log(`[research] ${line}`);
};

export interface ResearchStack {
  target: ReturnType<typeof haTarget>;
  locks: ReturnType<typeof demoLocksFor>;
  zwave: Awaited<ReturnType<typeof startZwaveStack>>;
  ws: Awaited<ReturnType<typeof haWs>>;
}

export async function withResearchStack(
  name: string,
  outFile: string,
  run: (stack: ResearchStack, out: Record<string, unknown>) => Promise<void>,
): Promise<void> {
  const target = haTarget();
  const locks = demoLocksFor(target);
  const work = await mkdtemp(join(tmpdir(), `latchkey-research-${name}-`));
  const zwave = await startZwaveStack({
    workDir: join(work, "zwave"),
    slowDelayMs: 0,
    nodeIds: locks.map((l) => l.nodeId),
  });
  const ha = await startHomeAssistant({ configDir: join(work, "ha"), port: await freePort(), target });
  const out: Record<string, unknown> = { ha: target.version };
  try {
    const creds = await onboard(ha);
    await addZwaveJsEntry(ha, creds.admin.token, zwave.wsUrl);
    await waitForZwaveJsLoaded(ha, creds.admin.token);
    const ws = await haWs(ha.url, creds.admin.token);
    await nameDemoLocks(ws, locks);
    await sleep(3_000);
    await run({ target, locks, zwave, ws }, out);
    await ws.close();
  } finally {
    await writeFile(outFile, JSON.stringify(out, null, 1));
    say(`wrote ${outFile}`);
    await ha.stop();
    await zwave.stop();
    await rm(work, { recursive: true, force: true });
  }
}
