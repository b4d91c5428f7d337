// Entry point of the simulated lock network (run: npx tsx test/stack/zwave/mock-network.ts).
// Serves the mock controller's serial API on a loopback TCP port for zwave-server, plus the
// HTTP control endpoint, then prints one JSON ready line on stdout. Logs go to stderr.
import { createServer, type AddressInfo, type Server, type Socket } from "node:net";
import { parseArgs } from "node:util";
import { z } from "zod";
import { ZWaveSerialFrameType, Faucet, type ZWaveSerialFrame } from "@zwave-js/serial";
import { buildMockNetwork, destroyMockNetwork, type MockNetwork } from "./mock-build.js";
import { createFrameSplitter } from "./frame-splitter.js";
import { createControlServer } from "./control-server.js";
import type { ReadyLine } from "./control-schema.js";

const port = z.coerce.number().int().min(0).max(65535);
const Options = z.object({
  serialPort: port.default(0),
  controlPort: port.default(0),
  // Per-frame radio delay of the slow lock; capped because the mock's ACK timeout is 1000 ms.
  slowTxMs: z.coerce.number().int().min(0).max(450).default(40),
  slowResponseMs: z.coerce.number().int().min(0).max(10000).default(300),
  /** Comma-separated node ids of the locks to simulate; all when empty. */
  nodes: z
    .string()
    .regex(/^(\d+(,\d+)*)?$/, "nodes is a comma-separated list of node ids")
    .default("")
    .transform((list) => (list === "" ? undefined : list.split(",").map(Number))),
});

function readOptions(): z.infer<typeof Options> {
  const { values } = parseArgs({
    options: {
      "serial-port": { type: "string" },
      "control-port": { type: "string" },
      "slow-tx-ms": { type: "string" },
      "slow-response-ms": { type: "string" },
      nodes: { type: "string" },
    },
  });
  const env = process.env;
  return Options.parse({
    serialPort: values["serial-port"] ?? env.LATCHKEY_MOCK_SERIAL_PORT,
    controlPort: values["control-port"] ?? env.LATCHKEY_MOCK_CONTROL_PORT,
    slowTxMs: values["slow-tx-ms"] ?? env.LATCHKEY_MOCK_SLOW_TX_MS,
    slowResponseMs: values["slow-response-ms"] ?? env.LATCHKEY_MOCK_SLOW_RESPONSE_MS,
    nodes: values.nodes,
  });
}

/** One driver connection at a time; a new one replaces the old (e.g. after a server restart). */
function createSerialServer(net: MockNetwork): Server {
  const faucet = new Faucet<ZWaveSerialFrame>(net.serial.readable);
  let current: Socket | undefined;
  return createServer((socket) => {
    current?.destroy();
    current = socket;
    socket.setNoDelay(true);
    const splitter = createFrameSplitter();
    // Frames must reach the mock one by one and in order, so writes are chained.
    let writing = Promise.resolve();
    faucet.connect(
      new WritableStream<ZWaveSerialFrame>({
        write(frame) {
          if (frame.type !== ZWaveSerialFrameType.SerialAPI || socket.destroyed) return;
          socket.write(typeof frame.data === "number" ? Uint8Array.from([frame.data]) : frame.data);
        },
      }),
    );
    socket.on("data", (chunk) => {
      for (const frame of splitter.push(chunk)) {
        writing = writing
          .then(() => net.serial.writeAsync(frame))
          .catch((e: unknown) => {
            console.error("mock: serial write failed", e);
          });
      }
    });
    socket.on("error", () => socket.destroy());
    socket.on("close", () => {
      if (current === socket) {
        faucet.disconnect();
        current = undefined;
      }
    });
  });
}

function listen(server: Server, portNumber: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen({ host: "127.0.0.1", port: portNumber }, () => {
      const address: AddressInfo | string | null = server.address();
      resolve(typeof address === "object" && address ? address.port : portNumber);
    });
  });
}

async function main(): Promise<void> {
  const opts = readOptions();
  const net = await buildMockNetwork(
    {
      normalTxDelayMs: 10,
      slowTxDelayMs: opts.slowTxMs,
      slowResponseDelayMs: opts.slowResponseMs,
    },
    opts.nodes,
  );
  const serialServer = createSerialServer(net);
  const controlServer = createControlServer(net);
  const serialPort = await listen(serialServer, opts.serialPort);
  const controlPort = await listen(controlServer, opts.controlPort);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    serialServer.close();
    controlServer.close();
    controlServer.closeAllConnections();
    void destroyMockNetwork(net).finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 1000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);

  const ready: ReadyLine = { ready: true, serialPort, controlPort };
  process.stdout.write(`${JSON.stringify(ready)}\n`);
}

main().catch((e: unknown) => {
  console.error("mock: failed to start", e);
  process.exit(1);
});
