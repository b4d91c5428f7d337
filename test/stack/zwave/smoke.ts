// Smoke check of the simulated Z-Wave stack (run: npx tsx test/stack/zwave/smoke.ts).
// Starts everything in a temp dir, writes a code through zwave-server, checks the lock's
// memory, presses the keypad and expects the notification, prints timings, stops.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { startZwaveStack, type ZwaveStack } from "./zwave-stack.js";
import { ZwaveWsClient } from "./zwave-ws-client.js";
import { API_SCHEMA } from "./nodes-ready.js";
import type { ControlClient } from "./control-client.js";

const NODE = 3;
const SLOT = 5;
const CODE = "482916";

const KeypadNotification = z.object({
  args: z.object({ type: z.literal(6), event: z.literal(6), parameters: z.object({ userId: z.number() }) }),
});

async function waitForCode(control: ControlClient, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { nodes } = await control.state();
    const slot = nodes.find((n) => n.node === NODE)?.slots[String(SLOT)];
    if (slot?.code === CODE && slot.status === "enabled") return;
    if (Date.now() > deadline)
      throw new Error(`mock node ${NODE} slot ${SLOT} holds ${JSON.stringify(slot)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function check(stack: ZwaveStack): Promise<Record<string, number>> {
  const client = await ZwaveWsClient.connect(stack.wsUrl);
  try {
    await client.command("set_api_schema", { schemaVersion: API_SCHEMA });
    await client.command("start_listening");

    const t0 = Date.now();
    await client.command("node.set_value", {
      nodeId: NODE,
      valueId: { commandClass: 99, property: "userCode", propertyKey: SLOT },
      value: CODE,
    });
    const setMs = Date.now() - t0;
    await waitForCode(stack.control, 5000);
    const setInMemoryMs = Date.now() - t0;

    const notification = client.waitForEvent(
      (e) => e.source === "node" && e.event === "notification" && e.nodeId === NODE,
      5000,
    );
    const t1 = Date.now();
    await stack.control.keypad({ node: NODE, slot: SLOT, action: "unlock" });
    const event = KeypadNotification.parse(await notification);
    const notificationMs = Date.now() - t1;
    if (event.args.parameters.userId !== SLOT)
      throw new Error(`notification userId ${event.args.parameters.userId}`);

    const lock = (await stack.control.state()).nodes.find((n) => n.node === NODE);
    if (lock?.doorLock !== "unlocked")
      throw new Error(`door lock should be unlocked, is ${String(lock?.doorLock)}`);
    return { setMs, setInMemoryMs, notificationMs };
  } finally {
    await client.close();
  }
}

async function main(): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), "latchkey-zwave-smoke-"));
  const stack = await startZwaveStack({ workDir });
  let ok = false;
  try {
    const times = await check(stack);
    console.log(JSON.stringify({ ok: true, ...stack.timings, ...times }));
    ok = true;
  } finally {
    await stack.stop();
    if (ok) rmSync(workDir, { recursive: true, force: true });
    else console.error(`smoke failed; logs kept in ${workDir}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
