import { mkdir, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { startFullStack } from "./full-stack";

/**
 * `npm run demo`: the whole stack with the card on a dashboard, until Ctrl-C. Every run
 * starts fresh (the simulated locks keep no memory across runs, so neither does the rest).
 */
const root = resolve(import.meta.dirname, "../..");
const workDir = join(root, ".cache", "demo");
const haPort = Number(process.env.LATCHKEY_DEMO_HA_PORT ?? 8123);
const addonPort = Number(process.env.LATCHKEY_DEMO_ADDON_PORT ?? 8099);

await rm(workDir, { recursive: true, force: true });
await mkdir(workDir, { recursive: true });
const stack = await startFullStack({
  workDir,
  haPort,
  addonPort,
  progress: (line) => {
    console.log(line);
  },
});
// For `npm run demo:keypad` and for tests that attach to the running demo.
await writeFile(
  join(workDir, "stack.json"),
  JSON.stringify({
    controlUrl: stack.zwave.controlUrl,
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
  Other doors: --lock front | back | garage;  also --manual, --jam, --battery 15

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
