// The card as HA 2026.11's dashboards place it: a sections view (grid options).
// Helpers for test/e2e/browser/card.test.ts.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Locator, Page } from "playwright-core";
import { z } from "zod";
import type { HaWs } from "../../stack/ha/index";
import { SCREENSHOTS } from "./browser-session";

const CardConfig = z.looseObject({ type: z.string() });
const DashboardConfig = z.looseObject({ views: z.array(z.looseObject({ path: z.optional(z.string()) })) });

/** The storage dashboard the stack made ("latchkey-locks") and its view path, from its URL. */
export function dashboardPath(dashboardUrl: string): { urlPath: string; base: string } {
  const url = new URL(dashboardUrl);
  const [urlPath] = url.pathname.split("/").filter((p) => p !== "");
  if (urlPath === undefined) throw new Error(`no dashboard in ${dashboardUrl}`);
  return { urlPath, base: `${url.origin}/${urlPath}` };
}

/** Adds a sections view ("sections") holding the same card as the masonry view; returns its URL. */
export async function addSectionsView(ws: HaWs, dashboardUrl: string): Promise<string> {
  const { urlPath, base } = dashboardPath(dashboardUrl);
  const config = DashboardConfig.parse(await ws.call("lovelace/config", { url_path: urlPath }));
  const card = z.object({ cards: z.array(CardConfig) }).parse(config.views[0]).cards[0];
  if (!card) throw new Error("the dashboard's first view has no card");
  const sections = {
    type: "sections",
    path: "sections",
    title: "Sections",
    sections: [{ type: "grid", cards: [card] }],
  };
  const views = [...config.views.filter((v) => v.path !== "sections"), sections];
  await ws.call("lovelace/config/save", { url_path: urlPath, config: { ...config, views } });
  return `${base}/sections`;
}

export interface GridPlacement {
  /** The columns HA gave the card's cell (`--column-size`), from the card's grid options. */
  columns: string;
  /** Whether HA fixed the cell's height in rows (it must not: the card's rows are "auto"). */
  fixedRows: boolean;
  cellWidth: number;
  sectionWidth: number;
  cellHeight: number;
  /** The card's own content height: the cell must hold all of it. */
  cardHeight: number;
}

/** Where HA's grid section put the Latchkey card, and how big. */
export async function gridPlacement(page: Page): Promise<GridPlacement> {
  const cell = page
    .locator("hui-grid-section div.card")
    .filter({ has: page.locator("latchkey-card") })
    .first();
  const section = page.locator("hui-grid-section .container").first();
  const haCard = cell.locator("latchkey-card ha-card").first();
  await haCard.waitFor({ timeout: 30_000 });
  const [cellBox, sectionBox, cardBox] = await Promise.all([box(cell), box(section), box(haCard)]);
  const placement = await cell.evaluate((element) => ({
    columns: getComputedStyle(element).getPropertyValue("--column-size").trim(),
    fixedRows: element.classList.contains("fit-rows"),
  }));
  const cardHeight = await haCard.evaluate((element) => element.scrollHeight);
  return {
    ...placement,
    cellWidth: cellBox.width,
    sectionWidth: sectionBox.width,
    cellHeight: cellBox.height,
    cardHeight: Math.max(cardHeight, cardBox.height),
  };
}

async function box(locator: Locator): Promise<{ width: number; height: number }> {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`${locator.toString()} is not on screen`);
  return found;
}

/** Width and height of a PNG written to the artifacts folder (from its IHDR chunk). */
export async function screenshotSize(name: string): Promise<{ width: number; height: number }> {
  const png = await readFile(resolve(SCREENSHOTS, name));
  if (png.toString("ascii", 12, 16) !== "IHDR") throw new Error(`${name} is not a PNG`);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
