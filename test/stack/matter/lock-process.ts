// The simulated Matter lock as a process of its own (matter.js keeps process-wide state: its
// environment, mDNS sockets): starts the lock, serves a loopback control endpoint, prints one
// ready line (control-schema.ts LockReadyLine) and runs until SIGTERM.
//
//   node --import tsx test/stack/matter/lock-process.ts --storage DIR --port UDP --discriminator D --passcode P
import { createServer, type IncomingMessage } from "node:http";
import { parseArgs } from "node:util";
import { z } from "zod";
import { KeypadRequest, ManualRequest, type LockReadyLine } from "./control-schema.js";
import { startLockDevice, type LockDevice } from "./lock-device.js";

const { values } = parseArgs({
  options: {
    storage: { type: "string" },
    port: { type: "string" },
    discriminator: { type: "string" },
    passcode: { type: "string" },
  },
});
const Args = z.object({
  storage: z.string(),
  port: z.coerce.number().int(),
  discriminator: z.coerce.number().int().min(0).max(4095),
  passcode: z.coerce.number().int(),
});
const args = Args.parse(values);

async function body(req: IncomingMessage): Promise<unknown> {
  let text = "";
  for await (const chunk of req) text += String(chunk);
  return text === "" ? {} : JSON.parse(text);
}

type Route = (lock: LockDevice, input: unknown) => Promise<unknown>;
const routes: Record<string, Route> = {
  "/keypad": async (lock, input) => {
    const r = KeypadRequest.parse(input);
    const { action, ...typed } = r;
    // A PIN the lock does not hold is a wrong code at the door: the bolt stays, and the caller is told.
    if (!(await lock.keypad(typed, action)))
      return { ok: false, did: "pin" in typed ? "wrong code" : `no PIN at index ${typed.credentialIndex}` };
    return { ok: true, did: action };
  },
  "/manual": async (lock, input) => {
    await lock.manual(ManualRequest.parse(input).action);
    return { ok: true };
  },
  "/state": (lock) => lock.state(),
};

const lock = await startLockDevice({
  storageDir: args.storage,
  port: args.port,
  discriminator: args.discriminator,
  passcode: args.passcode,
});
const server = createServer((req, res) => {
  const route = routes[req.url ?? ""];
  const reply = (status: number, value: unknown) => {
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
  };
  if (!route) {
    reply(404, { error: `no route ${req.url ?? ""}` });
    return;
  }
  body(req)
    .then((input) => route(lock, input))
    .then(
      (value) => {
        reply(200, value);
      },
      (error: unknown) => {
        reply(400, { error: error instanceof Error ? error.message : String(error) });
      },
    );
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  const ready: LockReadyLine = {
    ready: true,
    manualPairingCode: lock.manualPairingCode,
    controlPort: typeof address === "object" && address !== null ? address.port : 0,
  };
  process.stdout.write(`${JSON.stringify(ready)}\n`);
});
process.once("SIGTERM", () => {
  server.close();
  void lock.node.close().finally(() => process.exit(0));
});
