// Starts the simulated Z-Wave network for tests and the demo: the mock lock network process,
// then a real zwave-js driver behind @zwave-js/server, and waits until all locks are
// interviewed. Everything listens on 127.0.0.1 only.
import type { ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import { freePort } from "../ha/free-port.js";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type ControlClient, createControlClient } from "./control-client.js";
import { ReadyLine } from "./control-schema.js";
import { LOCKS } from "./mock-locks.js";
import { waitForNodesReady } from "./nodes-ready.js";
import { spawnGroup, stopGroup, waitForLine } from "./process-group.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, "../../..");
/** Node flags for every child: TypeScript loader plus the exit-with-parent watchdog. */
const NODE_FLAGS = ["--import", "tsx", "--import", pathToFileURL(join(HERE, "exit-with-parent.ts")).href];

export interface ZwaveStackOptions {
  /** Scratch directory: driver cache, driver log, process logs. Created if missing. */
  workDir: string;
  /** Websocket port of zwave-server; a free port is picked when omitted. */
  wsPort?: number;
  /** Fixed port for the mock's HTTP control endpoint; a free one when omitted. */
  controlPort?: number;
  /** Extra answer delay of the slow "Garage Side Door" lock (default 300 ms; 0 = fast). */
  slowDelayMs?: number;
  /** Per-frame radio delay of the slow lock (default 40 ms, max 450). */
  slowTxMs?: number;
  /** Which locks of LOCKS to simulate (default: all). */
  nodeIds?: readonly number[];
  /** How long to wait for the driver and all nodes (default 60 s). */
  readyTimeoutMs?: number;
}

export interface ZwaveStackTimings {
  /** From start until the mock printed its ready line. */
  mockReadyMs: number;
  /** From start until zwave-server accepted a websocket client. */
  serverReadyMs: number;
  /** From start until every lock node reported ready. */
  nodesReadyMs: number;
}

export interface ZwaveStack {
  wsUrl: string;
  controlUrl: string;
  control: ControlClient;
  timings: ZwaveStackTimings;
  /** Stops zwave-server, then the mock (SIGTERM, SIGKILL after 3 s). Safe to call twice. */
  stop(): Promise<void>;
}

function parseReady(line: string): ReadyLine | undefined {
  try {
    const parsed = ReadyLine.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function startMock(opts: ZwaveStackOptions): ChildProcess {
  const args = [...NODE_FLAGS, join(HERE, "mock-network.ts")];
  if (opts.controlPort !== undefined) args.push("--control-port", String(opts.controlPort));
  if (opts.slowDelayMs !== undefined) args.push("--slow-response-ms", String(opts.slowDelayMs));
  if (opts.slowTxMs !== undefined) args.push("--slow-tx-ms", String(opts.slowTxMs));
  if (opts.nodeIds !== undefined) args.push("--nodes", opts.nodeIds.join(","));
  return spawnGroup(process.execPath, args, {
    cwd: REPO,
    logFile: join(opts.workDir, "mock.log"),
    pipeStdout: true,
  });
}

function startServer(workDir: string, serialPort: number, wsPort: number): ChildProcess {
  const bin = join(REPO, "node_modules/@zwave-js/server/dist-esm/bin/server.js");
  const args = [
    ...NODE_FLAGS,
    // Home Assistant 2026.11 needs server schema 51; see the shim for why and until when.
    "--import",
    pathToFileURL(join(HERE, "server-schema-shim.ts")).href,
    bin,
    `tcp://127.0.0.1:${serialPort}`,
    "--config",
    join(HERE, "server-config.cjs"),
    "--host",
    "127.0.0.1",
    "--port",
    String(wsPort),
    "--disable-dns-sd",
  ];
  return spawnGroup(process.execPath, args, {
    cwd: REPO,
    env: { ...process.env, LATCHKEY_ZWAVE_WORK_DIR: workDir },
    logFile: join(workDir, "zwave-server.log"),
  });
}

export async function startZwaveStack(opts: ZwaveStackOptions): Promise<ZwaveStack> {
  const t0 = Date.now();
  mkdirSync(opts.workDir, { recursive: true });
  const timeoutMs = opts.readyTimeoutMs ?? 60_000;
  const children: ChildProcess[] = [];
  let stopped: Promise<void> | undefined;
  // Server first: it holds the mock's serial connection; then the mock.
  const stop = (): Promise<void> =>
    (stopped ??= (async () => {
      for (const child of [...children].reverse()) await stopGroup(child);
    })());

  try {
    const mock = startMock(opts);
    children.push(mock);
    const ready = await waitForLine(mock, parseReady, 30_000);
    const mockReadyMs = Date.now() - t0;
    // The ready line is the only thing the mock writes to stdout; drain it from now on.
    mock.stdout?.resume();

    const wsPort = opts.wsPort ?? (await freePort());
    children.push(startServer(opts.workDir, ready.serialPort, wsPort));
    const wsUrl = `ws://127.0.0.1:${wsPort}`;
    const times = await waitForNodesReady(wsUrl, opts.nodeIds ?? LOCKS.map((l) => l.nodeId), timeoutMs);

    const controlUrl = `http://127.0.0.1:${ready.controlPort}`;
    return {
      wsUrl,
      controlUrl,
      control: createControlClient(controlUrl),
      timings: {
        mockReadyMs,
        serverReadyMs: times.serverAcceptedAt - t0,
        nodesReadyMs: times.nodesReadyAt - t0,
      },
      stop,
    };
  } catch (e) {
    await stop();
    throw new Error(
      `Z-Wave stack failed to start (logs in ${opts.workDir}): ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}
