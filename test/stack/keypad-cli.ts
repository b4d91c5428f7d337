// Demo helper: act at a simulated lock, as a person would.
//   npm run demo:keypad -- --lock back --slot 3            keypad unlock with the code in slot 3
//   npm run demo:keypad -- --lock front --action lock --slot 1
//   npm run demo:keypad -- --lock garage --manual [--action lock]   thumb turn
//   npm run demo:keypad -- --lock back --rf                         RF/app unlock
//   npm run demo:keypad -- --lock front --jam | --battery 15
//   npm run demo:keypad -- --lock front --wrong-code        a code the lock does not know
//   npm run demo:keypad -- --lock front --lockout           keypad off after too many wrong codes
//   npm run demo:keypad -- --lock front --lose-codes        the lock forgets its codes (reset) and says so
//   npm run demo:keypad -- --lock shed --slot 1             the User Credential lock: --slot is the user
//   npm run demo:keypad -- --lock patio --pin 1234          the Matter door: a PIN typed at its keypad
//   npm run demo:keypad -- --lock patio --manual [--action lock]    (or --slot N: the PIN at index N)
// The mocks' control URLs come from LATCHKEY_DEMO_CONTROL / LATCHKEY_DEMO_MATTER_CONTROL or .cache/demo/stack.json.
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { z } from "zod";
import { createMatterLockControl } from "./matter/control-client.js";
import { createControlClient } from "./zwave/control-client.js";
import { AccessEvent, LOCKS } from "./zwave/mock-locks.js";

const STATE_FILE = resolve(dirname(fileURLToPath(import.meta.url)), "../../.cache/demo/stack.json");
const StackFile = z.object({ controlUrl: z.string(), matterControlUrl: z.string().optional() });

const Args = z.object({
  lock: z.enum(["front", "back", "garage", "shed", "patio"]).default("front"),
  pin: z
    .string()
    .regex(/^\d{4,8}$/, { error: "--pin takes 4 to 8 digits" })
    .optional(),
  slot: z.coerce.number().int().min(1).max(255).optional(),
  action: z.enum(["unlock", "lock"]).default("unlock"),
  manual: z.boolean().default(false),
  rf: z.boolean().default(false),
  jam: z.boolean().default(false),
  "wrong-code": z.boolean().default(false),
  lockout: z.boolean().default(false),
  "lose-codes": z.boolean().default(false),
  battery: z.coerce.number().int().min(0).max(100).optional(),
});

function stackFile(envName: string): z.infer<typeof StackFile> {
  if (!existsSync(STATE_FILE)) {
    throw new Error(`no ${envName} and no ${STATE_FILE}; is the demo stack running (npm run demo)?`);
  }
  const unknownJson: unknown = JSON.parse(readFileSync(STATE_FILE, "utf8"));
  return StackFile.parse(unknownJson);
}

function controlUrl(): string {
  return process.env.LATCHKEY_DEMO_CONTROL ?? stackFile("LATCHKEY_DEMO_CONTROL").controlUrl;
}

function matterControlUrl(): string {
  const url =
    process.env.LATCHKEY_DEMO_MATTER_CONTROL ?? stackFile("LATCHKEY_DEMO_MATTER_CONTROL").matterControlUrl;
  if (!url) throw new Error("this demo runs without its Matter door (see what npm run demo printed)");
  return url;
}

/** The Matter door: its keypad (a PIN, or the PIN at an index) and its thumb-turn. */
async function atMatterDoor(args: z.infer<typeof Args>): Promise<string> {
  const control = createMatterLockControl(matterControlUrl());
  if (args.manual) {
    await control.manual({ action: args.action });
    return `${args.action}ed by hand`;
  }
  const typed =
    args.pin !== undefined
      ? { pin: args.pin }
      : args.slot !== undefined
        ? { credentialIndex: args.slot }
        : undefined;
  if (!typed) throw new Error("give --pin 1234 (or --slot N) for the Matter door's keypad, or --manual");
  const opened = await control.keypad({ ...typed, action: args.action });
  return opened ? `keypad ${args.action}` : "the lock refused the code (it holds no such PIN)";
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      lock: { type: "string" },
      pin: { type: "string" },
      slot: { type: "string" },
      action: { type: "string" },
      manual: { type: "boolean" },
      rf: { type: "boolean" },
      jam: { type: "boolean" },
      "wrong-code": { type: "boolean" },
      lockout: { type: "boolean" },
      "lose-codes": { type: "boolean" },
      battery: { type: "string" },
    },
  });
  const parsed = Args.safeParse(values);
  if (!parsed.success) throw new Error(z.prettifyError(parsed.error));
  const args = parsed.data;
  if (args.lock === "patio") {
    console.log(`Patio Door: ${await atMatterDoor(args)}`);
    return;
  }
  const lock = LOCKS.find((l) => l.slug === args.lock);
  if (!lock) throw new Error(`unknown lock ${args.lock}`);
  const node = lock.nodeId;
  const control = createControlClient(controlUrl());

  let result;
  if (args.jam) result = await control.jam({ node });
  else if (args["wrong-code"])
    result = await control.accessEvent({ node, event: AccessEvent.invalidCredential });
  else if (args.lockout) result = await control.accessEvent({ node, event: AccessEvent.keypadDisabled });
  else if (args["lose-codes"]) result = await control.resetCodes({ node, report: true });
  else if (args.battery !== undefined) result = await control.battery({ node, level: args.battery });
  else if (args.manual) result = await control.manual({ node, action: args.action });
  else if (args.rf) result = await control.rf({ node, action: args.action });
  else if (args.slot !== undefined)
    result = await control.keypad({ node, slot: args.slot, action: args.action });
  else
    throw new Error(
      "give --slot N for a keypad action, or --manual, --rf, --jam, --wrong-code, --lockout, --lose-codes, --battery N",
    );
  console.log(`${lock.name}: ${result.did}`);
}

main().catch((e: unknown) => {
  console.error(`keypad: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
