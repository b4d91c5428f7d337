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

/**
 * Where HA's grid section put the Latchkey card, and how big. Every box is read in one
 * synchronous pass, so they describe the same layout: read one by one, a card whose activity
 * lines arrive in between was measured taller than the cell measured before them (CI saw it).
 * Waits until the card's height holds still for two reads, so its content has arrived.
 */
export async function gridPlacement(page: Page): Promise<GridPlacement> {
  const cell = page
    .locator("hui-grid-section div.card")
    .filter({ has: page.locator("latchkey-card") })
    .first();
  await cell.locator("latchkey-card ha-card").first().waitFor({ timeout: 30_000 });
  let previous: GridPlacement | undefined;
  for (let attempt = 0; attempt < 20; attempt++) {
    const placement = await measure(cell);
    if (previous && previous.cardHeight === placement.cardHeight) return placement;
    previous = placement;
    await page.waitForTimeout(250);
  }
  throw new Error(`the card's height did not settle: last ${JSON.stringify(previous)}`);
}

function measure(cell: Locator): Promise<GridPlacement> {
  return cell.evaluate((element) => {
    // HA nests the card in shadow roots (hui-card, then the card's own): search through them.
    const deepQuery = (root: Element | ShadowRoot, selector: string): Element | undefined => {
      const found = root.querySelector(selector);
      if (found) return found;
      for (const child of root.querySelectorAll("*")) {
        const inShadow = child.shadowRoot ? deepQuery(child.shadowRoot, selector) : undefined;
        if (inShadow) return inShadow;
      }
      return undefined;
    };
    const root = element.getRootNode();
    const container =
      element.closest(".container") ??
      (root instanceof ShadowRoot || root instanceof Document ? root.querySelector(".container") : null);
    const card = deepQuery(element, "latchkey-card");
    const haCard = card?.shadowRoot?.querySelector("ha-card");
    if (!container || !haCard) throw new Error("the card's cell has no section or no ha-card");
    const cellBox = element.getBoundingClientRect();
    return {
      columns: getComputedStyle(element).getPropertyValue("--column-size").trim(),
      fixedRows: element.classList.contains("fit-rows"),
      cellWidth: cellBox.width,
      sectionWidth: container.getBoundingClientRect().width,
      cellHeight: cellBox.height,
      cardHeight: Math.max(haCard.scrollHeight, haCard.getBoundingClientRect().height),
    };
  });
}

/** Width and height of a PNG written to the artifacts folder (from its IHDR chunk). */
export async function screenshotSize(name: string): Promise<{ width: number; height: number }> {
  const png = await readFile(resolve(SCREENSHOTS, name));
  if (png.toString("ascii", 12, 16) !== "IHDR") throw new Error(`${name} is not a PNG`);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
