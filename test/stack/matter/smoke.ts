// Start the real Matter side alone (simulated lock + Matter server, commissioned), print its timings, stop.
//   npx tsx test/stack/matter/smoke.ts
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startMatterStack } from "./matter-stack.js";
const dir = await mkdtemp(join(tmpdir(), "latchkey-matter-smoke-"));
console.log(dir);
const stack = await startMatterStack({ workDir: dir });
console.log(JSON.stringify({ nodeId: stack.nodeId, iface: stack.interfaceName, timings: stack.timings }));
console.log(JSON.stringify(await stack.control.state()));
await stack.stop();
