// Self-check of the real-HA harness: start HA on a free port in a temp dir (or in the dir
// given as the first argument, reused on the next run), onboard, check both users, list
// zwave_js services, add the dashboard, stop. Exits 0 on success.
//   npx tsx test/stack/ha/smoke.ts [configDir]
// With ZWAVE_SERVER_URL=ws://127.0.0.1:<port> it also adds the zwave_js entry and waits
// until it is loaded.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { CurrentUser } from "./auth-schemas.js";
import {
  addCardResourceAndDashboard,
  addZwaveJsEntry,
  freePort,
  haWs,
  onboard,
  startHomeAssistant,
  waitForZwaveJsLoaded,
} from "./index.js";

const Services = z.record(z.string(), z.record(z.string(), z.unknown()));
const t0 = Date.now();
const lap = (): string => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const say = (msg: string): void => {
  console.log(`[ha-smoke ${lap()}] ${msg}`);
};

const keep = process.argv[2];
const configDir = keep ?? (await mkdtemp(join(tmpdir(), "latchkey-ha-")));
const port = keep === undefined ? await freePort() : 18123;
say(`config dir ${configDir}, port ${port}`);

let t = Date.now();
const ha = await startHomeAssistant({ configDir, port });
const startMs = Date.now() - t;
say(`HA answers at ${ha.url} after ${startMs} ms (pid ${ha.pid()})`);
try {
  t = Date.now();
  const creds = await onboard(ha);
  const onboardMs = Date.now() - t;
  say(`onboarded in ${onboardMs} ms (admin ${creds.admin.userId}, non-admin ${creds.nonAdmin.userId})`);
  const again = await onboard(ha);
  if (again.admin.token !== creds.admin.token)
    throw new Error("second onboard() did not reuse the stored tokens");
  say("second onboard() reused the stored credentials");

  const guest = await haWs(ha.url, creds.nonAdmin.token);
  const me = await guest.callParsed(CurrentUser, "auth/current_user");
  await guest.close();
  if (me.is_admin) throw new Error("non-admin user is admin");
  say(`non-admin auth/current_user: ${JSON.stringify(me)}`);

  const ws = await haWs(ha.url, creds.admin.token);
  const state = await ws.callParsed(z.object({ state: z.string(), version: z.string() }), "get_config");
  say(`HA ${state.version} state ${state.state}`);
  const services = await ws.callParsed(Services, "get_services");
  const zw = services.zwave_js;
  say(
    `zwave_js services: ${zw === undefined ? "(none: no zwave_js entry loaded)" : Object.keys(zw).join(", ")}`,
  );
  await ws.close();

  const zwaveUrl = process.env.ZWAVE_SERVER_URL;
  if (zwaveUrl !== undefined) {
    const entry = await addZwaveJsEntry(ha, creds.admin.token, zwaveUrl);
    say(`zwave_js entry ${entry.entry_id} state ${entry.state}`);
    say(`zwave_js entry loaded: ${(await waitForZwaveJsLoaded(ha, creds.admin.token)).state}`);
  }

  t = Date.now();
  await ha.restart();
  const again2 = await onboard(ha);
  if (again2.nonAdmin.token !== creds.nonAdmin.token) throw new Error("tokens changed across restart");
  say(`restart() + onboard() reuse in ${Date.now() - t} ms (pid ${ha.pid()})`);

  const cardFile = join(configDir, "smoke-card.js");
  await writeFile(cardFile, "// placeholder card for the harness smoke test\n");
  const dash = await addCardResourceAndDashboard(ha, creds.admin.token, {
    cardFile,
    cardConfig: { type: "custom:latchkey-card" },
  });
  say(`dashboard ${dash.dashboardUrl}, resource ${dash.resourceUrl}`);
  const guest2 = await haWs(ha.url, creds.nonAdmin.token);
  const lovelace = await guest2.callParsed(
    z.object({ views: z.array(z.object({ cards: z.array(z.object({ type: z.string() })) })) }),
    "lovelace/config",
    { url_path: "latchkey-locks" },
  );
  await guest2.close();
  say(`non-admin sees dashboard card ${lovelace.views[0]?.cards[0]?.type ?? "(none)"}`);
  say(`TIMINGS start=${startMs}ms onboarding=${onboardMs}ms`);
} finally {
  t = Date.now();
  await ha.stop();
  say(`stopped in ${Date.now() - t} ms`);
  if (keep === undefined) await rm(configDir, { recursive: true, force: true });
}
