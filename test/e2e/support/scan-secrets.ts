import { execFile } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { z } from "zod";
import { haWs } from "../../stack/ha/index";
import type { StackWorld } from "./stack-world";
import { pinsShown } from "../../integration/support/pins";
import { CODE_WRITES } from "./watch-ha";

const RowsSchema = z.array(z.object({ table: z.string(), kind: z.string(), text: z.string() }));

export interface SecretScan {
  /** "where: PIN" for every PIN found where none may be. An empty list is the pass. */
  findings: string[];
  /**
   * Recorded `call_service` events of the Z-Wave JS code services and of `matter.set_lock_credential`.
   * HA itself echoes every service call, with its data, on the bus and the recorder stores it: the
   * PIN Latchkey must hand to `zwave_js.set_lock_usercode` (or `set_credential`, or the matter
   * action) lands there whatever Latchkey does (see README).
   */
  haServiceEchoes: number;
}

/**
 * Looks for every PIN in what Latchkey and HA leave behind: the add-on's log, HA's logs, HA's
 * current states and attributes, and every recorded event and state in HA's database.
 */
export async function scanForSecrets(world: StackWorld, pins: readonly string[]): Promise<SecretScan> {
  const findings: string[] = [];
  const check = (where: string, text: string) => {
    for (const pin of pinsShown(text, pins)) findings.push(`${where}: ${pin}`);
  };
  check("add-on log", world.stack.addon.output());

  const configDir = world.stack.ha.configDir;
  for (const file of await readdir(configDir)) {
    if (file.endsWith(".log")) check(`HA log ${file}`, await readFile(join(configDir, file), "utf8"));
  }

  const ws = await haWs(world.stack.ha.url, world.stack.credentials.admin.token);
  try {
    check("HA states and attributes", JSON.stringify(await ws.call("get_states")));
  } finally {
    await ws.close();
  }

  // The recorder commits about once a second; give it time to write what just happened.
  await new Promise((r) => setTimeout(r, 3000));
  const { stdout } = await promisify(execFile)(
    // The host's own Python reads the database (sqlite3 is in its standard library).
    "python3",
    [resolve(import.meta.dirname, "recorder-rows.py"), join(configDir, "home-assistant_v2.db")],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  let haServiceEchoes = 0;
  for (const row of RowsSchema.parse(JSON.parse(stdout))) {
    const echo = row.table === "events" && row.kind === "call_service" && isCodeWriteEcho(row.text);
    if (echo) haServiceEchoes += pinsShown(row.text, pins).length > 0 ? 1 : 0;
    else check(`HA recorder ${row.table} (${row.kind})`, row.text);
  }
  return { findings, haServiceEchoes };
}

/** HA's echo of a service call that had to carry a PIN: a lock code write. */
function isCodeWriteEcho(text: string): boolean {
  if (/"domain":\s*"matter"/.test(text)) return text.includes('"set_lock_credential"');
  return (
    /"domain":\s*"zwave_js"/.test(text) && [...CODE_WRITES].some((service) => text.includes(`"${service}"`))
  );
}
