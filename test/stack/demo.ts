import { mkdir, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { startFullStack, type FullStack } from "./full-stack";
import { haTarget } from "./ha/target";

/**
 * `npm run demo`: the whole stack with the card on a dashboard, until Ctrl-C. Every run
 * starts fresh (the simulated locks keep no memory across runs, so neither does the rest).
 */
const root = resolve(import.meta.dirname, "../..");
const workDir = join(root, ".cache", "demo");
const haPort = Number(process.env.LATCHKEY_DEMO_HA_PORT ?? 8123);
const addonPort = Number(process.env.LATCHKEY_DEMO_ADDON_PORT ?? 8099);

// A Matter door beside the Z-Wave ones where the stack can have one (HA 2026.11, the Matter server
// set up, a network interface that does multicast); LATCHKEY_DEMO_MATTER=0 leaves it out.
const withMatter = haTarget().name === "2026.11" && process.env.LATCHKEY_DEMO_MATTER !== "0";
const progress = (line: string) => {
  console.log(line);
};

async function start(matter: boolean) {
  await rm(workDir, { recursive: true, force: true });
  await mkdir(workDir, { recursive: true });
  return startFullStack({ workDir, haPort, addonPort, progress, ...(matter ? { matter: true } : {}) });
}

let stack: FullStack;
try {
  stack = await start(withMatter);
} catch (error) {
  if (!withMatter) throw error;
  console.log(
    `\nThe Matter door could not start, so the demo runs with the Z-Wave doors only:\n  ${error instanceof Error ? error.message : String(error)}\n`,
  );
  stack = await start(false);
}
// For `npm run demo:keypad` and for tests that attach to the running demo.
await writeFile(
  join(workDir, "stack.json"),
  JSON.stringify({
    controlUrl: stack.zwave.controlUrl,
    ...(stack.matter ? { matterControlUrl: stack.matter.control.url } : {}),
    haUrl: stack.ha.url,
    haConfigDir: stack.ha.configDir,
  }),
);

const { admin, nonAdmin } = stack.credentials;
console.log(`
Latchkey demo is running (ready in ${(stack.timings.stackReadyMs ?? 0) / 1000} s).

  Dashboard:  ${stack.dashboardUrl}
  Log in:     ${admin.username} / ${admin.password}   (administrator)
              ${nonAdmin.username} / ${nonAdmin.password}   (not an administrator: read-only)

  Press a keypad on a demo lock (in another terminal):
    npm run demo:keypad -- --lock back --slot 1
  Other doors: --lock front | back | garage | shed;  also --manual, --jam, --battery 15
${stack.matter ? "  The Matter door: npm run demo:keypad -- --lock patio --pin 1234  (a code's PIN), or --manual\n" : ""}
Ctrl-C stops everything.`);

// Show what the add-on says (a keypad press, a write) as it happens.
let shown = stack.addon.output().length;
setInterval(() => {
  const output = stack.addon.output();
  if (output.length < shown) shown = 0; // the add-on was restarted
  for (const line of output.slice(shown).split("\n"))
    if (line.includes(" INFO ") || line.includes(" WARN ") || line.includes(" ERROR "))
      console.log(`[add-on] ${line}`);
  shown = output.length;
}, 500).unref();

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  console.log("\nStopping the demo…");
  void stack.stop().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
