import type { LitElement } from "lit";
import "../../../src/card/latchkey-card";
// The parts the card fetches when someone first opens them, loaded up front here so that tests
// open them at once (test/unit/card/lazy-parts.test.ts opens them the way a browser does).
import "../../../src/card/elements/latchkey-code-editor";
import "../../../src/card/elements/latchkey-share-form";
import { cardTranslations } from "../../../src/card/i18n/card-translations";
import type { HomeAssistant } from "../../../src/card/ha/types";
import { languageOf } from "../../../src/i18n/make-translator";
import type { LatchkeyCard } from "../../../src/card/latchkey-card";
import type { FakeAddon } from "./fake-addon";
import { fakeHass } from "./fake-hass";

/**
 * Waits until the element and every Lit element in its shadow tree finished updating, after the
 * texts for its person's language loaded (the card renders nothing before).
 */
export async function settle(element: LitElement & { hass?: HomeAssistant }): Promise<void> {
  await cardTranslations.load(languageOf(element.hass));
  for (let i = 0; i < 5; i++) {
    await element.updateComplete;
    const children = [...(element.shadowRoot?.querySelectorAll("*") ?? [])];
    for (const child of children) {
      if ("updateComplete" in child && child.updateComplete instanceof Promise) await child.updateComplete;
    }
    // Microtasks only, so tests with fake timers can settle too.
    for (let j = 0; j < 10; j++) await Promise.resolve();
  }
}

/** Text a person sees, whitespace collapsed. */
export function textOf(node: Element | ShadowRoot | null | undefined): string {
  return (node?.textContent ?? "").replace(/\s+/g, " ").trim();
}

export function shadow(element: Element | null | undefined): ShadowRoot {
  const root = element?.shadowRoot;
  if (!root) throw new Error(`no shadow root on ${element?.tagName ?? "nothing"}`);
  return root;
}

/** A card on a dashboard, talking to a fake add-on; `toasts` collects what it tells the person. */
export async function mountCard(
  addon: FakeAddon,
  hass = fakeHass(),
): Promise<{ card: LatchkeyCard; toasts: string[] }> {
  const card = document.createElement("latchkey-card");
  card.setConfig({ type: "custom:latchkey-card", addon_url: "ws://127.0.0.1:8099/api/ws" });
  card.socketFactory = addon.factory;
  card.hass = hass;
  const toasts: string[] = [];
  card.addEventListener("hass-notification", (event) => {
    toasts.push(event.detail.message);
  });
  document.body.append(card);
  await settle(card);
  return { card, toasts };
}

/** The shadow root of one of the card's parts, e.g. "latchkey-code-list". */
export function part(card: LatchkeyCard, tag: string): ShadowRoot {
  return shadow(shadow(card).querySelector(tag));
}

export function click(root: ShadowRoot, selector: string): void {
  const element = root.querySelector<HTMLElement>(selector);
  if (!element) throw new Error(`no ${selector}`);
  element.click();
}

/** Types into an input as a person would: the value, then an input event. */
export function type(root: ShadowRoot, selector: string, value: string): void {
  const input = root.querySelector<HTMLInputElement>(selector);
  if (!input) throw new Error(`no ${selector}`);
  input.value = value;
  input.dispatchEvent(new Event("input"));
}
