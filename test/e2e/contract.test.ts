import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe } from "vitest";
import { z } from "zod";
import { protocolContractCases } from "../integration/ha-fake/contract-cases";
import type { ContractTarget } from "../integration/ha-fake/contract-support";
import { startFullStack } from "../stack/full-stack";
import { haTarget } from "../stack/ha/target";
import { readCredentials } from "../stack/ha/tokens-file";
import { createControlClient } from "../stack/zwave/control-client";

/**
 * The protocol cases the HA fake answers in the integration tier, run against the real Home
 * Assistant of this run (LATCHKEY_HA_TARGET) with the real zwave_js integration: where the two
 * disagree, the fake is wrong and gets fixed.
 *
 * LATCHKEY_CONTRACT_ON_DEMO=1 runs them against a running `npm run demo` instead of a stack of
 * their own (seconds instead of a minute, while working on the fake).
 */
const target = haTarget();
let contract: Omit<ContractTarget, "profile"> | undefined;
let stop: () => Promise<void> = () => Promise.resolve();

const DemoFile = z.object({ controlUrl: z.string(), haUrl: z.string(), haConfigDir: z.string() });

async function onDemo(): Promise<Omit<ContractTarget, "profile">> {
  const demo = DemoFile.parse(
    JSON.parse(await readFile(resolve(import.meta.dirname, "../../.cache/demo/stack.json"), "utf8")),
  );
  const credentials = await readCredentials(demo.haConfigDir);
  if (!credentials) throw new Error(`no credentials in ${demo.haConfigDir}: is the demo running?`);
  const control = createControlClient(demo.controlUrl);
  return {
    wsUrl: `${demo.haUrl.replace(/^http/, "ws")}/api/websocket`,
    adminToken: credentials.admin.token,
    userToken: credentials.nonAdmin.token,
    spareUserToken: credentials.spare.token,
    lockEntityId: "lock.back_door",
    testSlot: 7,
    userCodeLocks: [
      { entityId: "lock.front_door", supervised: true },
      { entityId: "lock.back_door", supervised: false },
    ],
    ...(target.hasCredentialServices ? { credentialLockEntityId: "lock.shed_door" } : {}),
    pressKeypad: async (slot, action) => {
      await control.keypad({ node: 3, slot, action });
    },
    keypadCode: async (slot, code) => {
      await control.keypadCode({ node: 3, slot, code });
    },
    jam: async () => {
      await control.jam({ node: 3 });
    },
    accessEvent: async (event) => {
      await control.accessEvent({ node: 3, event });
    },
    quirks: async (quirks) => {
      await control.quirks({ node: 3, ...quirks });
    },
    away: async (away) => {
      await control.away({ node: 3, away });
    },
  };
}

beforeAll(async () => {
  if (process.env.LATCHKEY_CONTRACT_ON_DEMO === "1") {
    contract = await onDemo();
    return;
  }
  // On HA 2026.11 the matter lock actions are held to the fake too: a real Matter server with the
  // simulated Matter lock (about 10 s more).
  const stack = await startFullStack({
    workDir: await mkdtemp(join(tmpdir(), "latchkey-contract-")),
    matter: target.hasCredentialServices,
  });
  stop = () => stack.stop();
  process.stdout.write(`Home Assistant ${stack.haVersion} (target ${target.name})\n`);
  const matter = stack.matter;
  if (matter)
    process.stdout.write(
      `[figure] Matter lock and server started and commissioned: ${stack.timings.matterCommissionedMs} ms; matter entry loaded: ${stack.timings.matterEntryLoadedMs} ms; lock entity: ${stack.timings.matterEntityMs} ms\n`,
    );
  contract = {
    wsUrl: `${stack.ha.url.replace(/^http/, "ws")}/api/websocket`,
    adminToken: stack.credentials.admin.token,
    userToken: stack.credentials.nonAdmin.token,
    spareUserToken: stack.credentials.spare.token,
    lockEntityId: "lock.back_door",
    testSlot: 7,
    userCodeLocks: [
      { entityId: "lock.front_door", supervised: true },
      { entityId: "lock.back_door", supervised: false },
    ],
    ...(target.hasCredentialServices ? { credentialLockEntityId: "lock.shed_door" } : {}),
    ...(matter
      ? {
          matterLockEntityId: matter.entityId,
          matterKeypad: async ({ credentialIndex, action }) => {
            if (credentialIndex === null) await matter.control.manual({ action });
            else await matter.control.keypad({ credentialIndex, action });
          },
        }
      : {}),
    pressKeypad: async (slot, action) => {
      await stack.zwave.control.keypad({ node: 3, slot, action });
    },
    keypadCode: async (slot, code) => {
      await stack.zwave.control.keypadCode({ node: 3, slot, code });
    },
    jam: async () => {
      await stack.zwave.control.jam({ node: 3 });
    },
    accessEvent: async (event) => {
      await stack.zwave.control.accessEvent({ node: 3, event });
    },
    quirks: async (quirks) => {
      await stack.zwave.control.quirks({ node: 3, ...quirks });
    },
    away: async (away) => {
      await stack.zwave.control.away({ node: 3, away });
    },
  };
});
afterAll(async () => {
  await stop();
});

describe(`HA protocol contract, against real Home Assistant ${target.version}`, () => {
  protocolContractCases(() => {
    if (!contract) throw new Error("the stack did not start");
    // The fake's profiles model exactly these two releases.
    return { ...contract, profile: target.name === "2024.3" ? "pinned" : "newest" };
  });
});
