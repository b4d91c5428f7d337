// The real Matter side of the stack: the simulated lock (lock-process.ts, its own process) and
// python-matter-server (matter-server.ts), with the lock commissioned into the server's fabric
// by its pairing code over the network (no Bluetooth). HA's matter integration is then pointed
// at `wsUrl` (full-stack.ts). Each run has its own folders, a free UDP port for the lock, a free
// TCP port for the server and a random discriminator, so runs never find each other's lock.
import { randomInt } from "node:crypto";
import { createSocket } from "node:dgram";
import { mkdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { z } from "zod";
import { spawnGroup, stopGroup, waitForLine } from "../zwave/process-group.js";
import { LockReadyLine } from "./control-schema.js";
import { createMatterLockControl, type MatterLockControl } from "./control-client.js";
import { startMatterServer, type MatterServer } from "./matter-server.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, "../../..");
const NODE_FLAGS = [
  "--import",
  "tsx",
  "--import",
  pathToFileURL(join(HERE, "../zwave/exit-with-parent.ts")).href,
];

export interface MatterStackTimings {
  lockReadyMs: number;
  serverReadyMs: number;
  commissionedMs: number;
}

export interface MatterStack {
  /** What HA's matter integration connects to. */
  wsUrl: string;
  /** The lock's node id in the server's fabric. */
  nodeId: number;
  interfaceName: string;
  control: MatterLockControl;
  timings: MatterStackTimings;
  stop(): Promise<void>;
}

/** A UDP port free for both IPv4 and IPv6 (a dual-stack bind), for the lock's Matter traffic. */
function freeUdpPort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const socket = createSocket({ type: "udp6", ipv6Only: false });
    socket.once("error", reject);
    socket.bind(0, () => {
      const { port } = socket.address();
      socket.close(() => {
        resolvePort(port);
      });
    });
  });
}

const Commissioned = z.looseObject({ node_id: z.number() });

export async function startMatterStack(options: { workDir: string }): Promise<MatterStack> {
  const t0 = Date.now();
  await mkdir(options.workDir, { recursive: true });
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.splice(0).reverse()) await s().catch(() => undefined);
  };
  try {
    const storage = join(options.workDir, "lock");
    await mkdir(storage, { recursive: true });
    const lock = spawnGroup(
      process.execPath,
      [
        ...NODE_FLAGS,
        join(HERE, "lock-process.ts"),
        "--storage",
        storage,
        "--port",
        String(await freeUdpPort()),
        "--discriminator",
        String(randomInt(0, 4096)),
        // 20202021 is the SDK's well-known example passcode; a fresh one per run.
        "--passcode",
        String(randomInt(10_000_000, 99_999_998)),
      ],
      {
        cwd: REPO,
        logFile: join(options.workDir, "lock.log"),
        pipeStdout: true,
        env: { ...process.env, MATTER_LOG_LEVEL: "info" },
      },
    );
    stops.push(() => stopGroup(lock));
    const ready = await waitForLine(
      lock,
      (line) => {
        try {
          const parsed = LockReadyLine.safeParse(JSON.parse(line));
          return parsed.success ? parsed.data : undefined;
        } catch {
          return undefined;
        }
      },
      30_000,
    );
    lock.stdout?.resume();
    const lockReadyMs = Date.now() - t0;

    const server: MatterServer = await startMatterServer({ workDir: join(options.workDir, "server") });
    stops.push(() => server.stop());
    const serverReadyMs = Date.now() - t0;

    const node = Commissioned.parse(
      await server.client.command(
        "commission_with_code",
        { code: ready.manualPairingCode, network_only: true },
        120_000,
      ),
    );
    return {
      wsUrl: server.wsUrl,
      nodeId: node.node_id,
      interfaceName: server.interfaceName,
      control: createMatterLockControl(`http://127.0.0.1:${ready.controlPort}`),
      timings: { lockReadyMs, serverReadyMs, commissionedMs: Date.now() - t0 },
      stop,
    };
  } catch (error) {
    await stop();
    throw new Error(
      `The Matter stack did not start (logs in ${options.workDir}): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
