// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { LatchkeyCard } from "../../../src/card/latchkey-card";
import { cleanEditorConfig } from "../../../src/card/utils/card-editor-utils";
import type { LatchkeyCardEditor } from "../../../src/card/latchkey-card-editor";
import { fakeHass } from "./fake-hass";
import { settle, shadow } from "./mount";

afterEach(() => {
  document.body.innerHTML = "";
});

async function mountEditor(
  config: Record<string, unknown>,
  language = "en",
): Promise<{ editor: LatchkeyCardEditor; form: HTMLElement; changes: unknown[] }> {
  const element = await LatchkeyCard.getConfigElement();
  const editor = document.createElement("latchkey-card-editor");
  expect(element.tagName).toBe("LATCHKEY-CARD-EDITOR");
  editor.hass = fakeHass({ language });
  editor.setConfig(config);
  const changes: unknown[] = [];
  editor.addEventListener("config-changed", (event) => {
    changes.push(event instanceof CustomEvent ? event.detail : null);
  });
  document.body.append(editor);
  await settle(editor);
  const form = shadow(editor).querySelector("ha-form");
  if (!(form instanceof HTMLElement)) throw new Error("no ha-form");
  return { editor, form, changes };
}

describe("the card's visual editor", () => {
  it("hands HA's form the card's options with a lock-only entity picker and translated labels", async () => {
    const { form } = await mountEditor({ type: "custom:latchkey-card", title: "Doors" }, "de");
    expect(Reflect.get(form, "data")).toEqual({ type: "custom:latchkey-card", title: "Doors" });
    expect(Reflect.get(form, "schema")).toContainEqual({
      name: "locks",
      selector: { entity: { multiple: true, filter: { domain: "lock" } } },
    });
    const label: unknown = Reflect.get(form, "computeLabel");
    expect(typeof label === "function" ? Reflect.apply(label, null, [{ name: "locks" }]) : null).toBe(
      "Schlösser",
    );
  });

  it("reports each edit as config-changed, dropping options that were emptied", async () => {
    const { form, changes } = await mountEditor({
      type: "custom:latchkey-card",
      title: "Doors",
      locks: ["lock.front_door"],
    });
    form.dispatchEvent(
      new CustomEvent("value-changed", {
        detail: { value: { type: "custom:latchkey-card", title: "", locks: [] } },
      }),
    );
    expect(changes).toEqual([{ config: { type: "custom:latchkey-card" } }]);
    form.dispatchEvent(
      new CustomEvent("value-changed", {
        detail: {
          value: {
            type: "custom:latchkey-card",
            locks: ["lock.back_door"],
            addon_url: "ws://10.0.0.2:8099/api/ws",
          },
        },
      }),
    );
    expect(changes.at(-1)).toEqual({
      config: {
        type: "custom:latchkey-card",
        locks: ["lock.back_door"],
        addon_url: "ws://10.0.0.2:8099/api/ws",
      },
    });
  });

  it("keeps options the form does not show", () => {
    expect(
      cleanEditorConfig(
        { type: "custom:latchkey-card", view_layout: { position: "main" } },
        { title: "Doors" },
      ),
    ).toEqual({
      type: "custom:latchkey-card",
      view_layout: { position: "main" },
      title: "Doors",
    });
  });
});

describe("loading HA's form for the editor", () => {
  it("asks HA's card helpers for a tile card's editor, which brings ha-form", async () => {
    const created: unknown[] = [];
    class TileCard extends HTMLElement {
      static getConfigElement(): Promise<HTMLElement> {
        if (!customElements.get("ha-form")) customElements.define("ha-form", class extends HTMLElement {});
        return Promise.resolve(document.createElement("div"));
      }
    }
    window.loadCardHelpers = () =>
      Promise.resolve({
        createCardElement: (config: Record<string, unknown>) => {
          created.push(config);
          if (!customElements.get("hui-tile-card")) customElements.define("hui-tile-card", TileCard);
          return document.createElement("hui-tile-card");
        },
      });
    const editor = await LatchkeyCard.getConfigElement();
    expect(created).toEqual([{ type: "tile", entity: "lock.none" }]);
    expect(customElements.get("ha-form")).toBeDefined();
    expect(editor.tagName).toBe("LATCHKEY-CARD-EDITOR");
    Reflect.deleteProperty(window, "loadCardHelpers");
  });
});
