import { createRequire } from "node:module";
import type { AxeResults } from "axe-core";
import type { Page } from "playwright-core";

declare global {
  // axe-core's browser build installs itself as a global.
  var axe: { run: (context: Element, options: { resultTypes: ["violations"] }) => Promise<AxeResults> };
}

const AXE_SOURCE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/**
 * Runs axe-core on the Latchkey card inside HA's page (axe walks open shadow roots) and
 * returns the serious and critical violations as readable lines. HA's own UI around the card
 * is not ours to judge here.
 */
export async function seriousViolationsInCard(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_SOURCE });
  return page.evaluate(async () => {
    const find = (root: Document | ShadowRoot): Element | null => {
      const direct = root.querySelector("latchkey-card");
      if (direct) return direct;
      for (const element of root.querySelectorAll("*")) {
        const found = element.shadowRoot ? find(element.shadowRoot) : null;
        if (found) return found;
      }
      return null;
    };
    const card = find(document);
    if (!card) return ["latchkey-card not found on the page"];
    const result = await axe.run(card, { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map(
        (v) =>
          `${v.impact ?? ""} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.html.slice(0, 80)).join(" | ")}`,
      );
  });
}
