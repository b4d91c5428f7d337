// @vitest-environment happy-dom
// This file does not import ./mount (which loads the lazy parts up front): here they load the
// way a browser loads them, the first time someone opens them.
import { afterEach, describe, expect, it, vi } from "vitest";
import { LatchkeyCard } from "../../../src/card/latchkey-card";
import { cardTranslations } from "../../../src/card/i18n/card-translations";
import { loadElement } from "../../../src/card/dom/lazy-element";
import { FakeAddon } from "./fake-addon";
import { fakeHass } from "./fake-hass";

afterEach(() => {
  document.body.innerHTML = "";
});

const codeList = (card: LatchkeyCard) => card.shadowRoot?.querySelector("latchkey-code-list")?.shadowRoot;

async function mountCard(): Promise<{ card: LatchkeyCard; toasts: string[] }> {
  await cardTranslations.load("en");
  const card = document.createElement("latchkey-card");
  card.setConfig({ type: "custom:latchkey-card", addon_url: "ws://127.0.0.1:8099/api/ws" });
  card.socketFactory = new FakeAddon().factory;
  card.hass = fakeHass();
  const toasts: string[] = [];
  card.addEventListener("hass-notification", (event) => toasts.push(event.detail.message));
  document.body.append(card);
  await vi.waitFor(() => {
    expect(codeList(card)?.querySelector("button.add")).toBeTruthy();
  });
  return { card, toasts };
}

describe("the parts only some people open", () => {
  it("are not loaded with the card; the code editor and the share form load when first opened", async () => {
    const { card } = await mountCard();
    expect(customElements.get("latchkey-code-editor")).toBeUndefined();
    expect(customElements.get("latchkey-share-form")).toBeUndefined();
    expect(customElements.get("latchkey-card-editor")).toBeUndefined();
    expect(customElements.get("latchkey-lock-alerts")).toBeUndefined();

    codeList(card)?.querySelector<HTMLButtonElement>("button.add")?.click();
    await vi.waitFor(() => {
      const dialog = codeList(card)?.querySelector("latchkey-code-editor")?.shadowRoot;
      expect(dialog?.querySelector("[role=dialog] h2")?.textContent).toBe("New code");
    });

    codeList(card)?.querySelector<HTMLButtonElement>('li[data-code="code-ada"] button.share')?.click();
    await vi.waitFor(() => {
      const form = codeList(card)?.querySelector("latchkey-share-form")?.shadowRoot;
      expect(form?.querySelector("form")).toBeTruthy();
    });
  });

  it("the visual editor loads when the dashboard asks for it", async () => {
    const editor = await LatchkeyCard.getConfigElement();
    expect(editor.tagName).toBe("LATCHKEY-CARD-EDITOR");
    expect(customElements.get("latchkey-card-editor")).toBeDefined();
  });

  it("a part whose download fails is reported, and an element already there opens at once", async () => {
    const failed = loadElement("latchkey-missing-part", () => Promise.reject(new Error("offline")));
    await expect(failed).rejects.toThrow("offline");
    expect(loadElement("latchkey-card", () => Promise.reject(new Error("not asked")))).toBeNull();
  });
});
