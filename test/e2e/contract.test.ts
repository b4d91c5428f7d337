import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe } from "vitest";
import { protocolContractCases } from "../integration/ha-fake/contract-cases";
import { startFullStack, type FullStack } from "../stack/full-stack";

/**
 * The protocol cases the HA fake answers in the integration tier, run against real Home
 * Assistant 2024.3.3 with the real zwave_js integration: where the two disagree, the fake is
 * wrong and gets fixed.
 */
let stack: FullStack;

beforeAll(async () => {
  stack = await startFullStack({ workDir: await mkdtemp(join(tmpdir(), "latchkey-contract-")) });
});
afterAll(async () => {
  await stack.stop();
});

describe("HA protocol contract, against real Home Assistant", () => {
  protocolContractCases(() => ({
    wsUrl: `${stack.ha.url.replace(/^http/, "ws")}/api/websocket`,
    adminToken: stack.credentials.admin.token,
    userToken: stack.credentials.nonAdmin.token,
    lockEntityId: "lock.back_door",
    testSlot: 7,
    pressKeypad: async (slot, action) => {
      await stack.zwave.control.keypad({ node: 3, slot, action });
    },
  }));
});
