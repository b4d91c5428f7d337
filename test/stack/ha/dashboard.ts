// Serve the card from <configDir>/www (HA maps it to /local/), register it as a Lovelace
// module resource, and create a storage-mode "latchkey" dashboard showing it.
import { copyFile, mkdir, readdir } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { z } from "zod";
import type { HaInstance } from "./ha-instance.js";
import { haWs } from "./ha-ws.js";

export interface DashboardOptions {
  /** Path of the built card on disk, e.g. dist/latchkey-card.js. */
  readonly cardFile: string;
  /** The card's Lovelace config, e.g. { type: "custom:latchkey-card" }. */
  readonly cardConfig: Record<string, unknown>;
  readonly urlPath?: string;
  readonly title?: string;
}

export interface DashboardResult {
  readonly resourceUrl: string;
  readonly dashboardUrl: string;
}

const Resource = z.object({ id: z.string(), type: z.string(), url: z.string() });
const Dashboard = z.object({ id: z.string(), url_path: z.string() });

export async function addCardResourceAndDashboard(
  instance: HaInstance,
  token: string,
  opts: DashboardOptions,
): Promise<DashboardResult> {
  // HA 2024.3 rejects dashboard url paths without a hyphen (lovelace/dashboard.py).
  const urlPath = opts.urlPath ?? "latchkey-locks";
  const www = join(instance.configDir, "www");
  await mkdir(www, { recursive: true });
  const fileName = basename(opts.cardFile);
  // The card loads its language chunks (latchkey-card-en-<hash>.js) from next to its own URL.
  const chunkPrefix = `${fileName.replace(/\.js$/, "")}-`;
  const cardDir = dirname(opts.cardFile);
  const chunks = (await readdir(cardDir)).filter(
    (name) => name.startsWith(chunkPrefix) && name.endsWith(".js"),
  );
  for (const name of [fileName, ...chunks]) await copyFile(join(cardDir, name), join(www, name));
  // Cache-buster so a browser picks up a rebuilt card.
  const resourceUrl = `/local/${fileName}?v=${Date.now()}`;

  const ws = await haWs(instance.url, token);
  try {
    const resources = await ws.callParsed(z.array(Resource), "lovelace/resources");
    const mine = resources.find((r) => r.url.split("?")[0] === `/local/${fileName}`);
    if (mine === undefined) {
      await ws.call("lovelace/resources/create", { res_type: "module", url: resourceUrl });
    } else {
      await ws.call("lovelace/resources/update", {
        resource_id: mine.id,
        res_type: "module",
        url: resourceUrl,
      });
    }
    const dashboards = await ws.callParsed(z.array(Dashboard), "lovelace/dashboards/list");
    if (!dashboards.some((d) => d.url_path === urlPath)) {
      await ws.call("lovelace/dashboards/create", {
        url_path: urlPath,
        title: opts.title ?? "Latchkey",
        icon: "mdi:lock-smart",
        show_in_sidebar: true,
        require_admin: false,
        mode: "storage",
      });
    }
    await ws.call("lovelace/config/save", {
      url_path: urlPath,
      config: { views: [{ title: "Locks", path: "locks", cards: [opts.cardConfig] }] },
    });
  } finally {
    await ws.close();
  }
  return { resourceUrl, dashboardUrl: `${instance.url}/${urlPath}/locks` };
}
