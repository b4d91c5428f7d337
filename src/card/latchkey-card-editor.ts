import { LitElement, html, nothing } from "lit";
import { fireEvent, type CardEvent } from "./dom/events";
import type { HomeAssistant } from "./ha/types";
import { languageOf } from "../i18n/make-translator";
import { cardTranslations } from "./i18n/card-translations";
import { TranslationController } from "./controllers/translation-controller";
import {
  cleanEditorConfig,
  EDITOR_SCHEMA,
  editorLabelKey,
  type EditorField,
} from "./utils/card-editor-utils";

/**
 * The card's visual editor: Home Assistant's own `ha-form` with the card's options, so it looks
 * and behaves like the editors of HA's built-in cards (entity picker for the locks, text fields).
 *
 * @fires config-changed - `{ config }` on every edit, empty options removed
 */
export class LatchkeyCardEditor extends LitElement {
  static override properties = {
    hass: { attribute: false },
    config: { state: true },
  };

  hass?: HomeAssistant;
  private config: Record<string, unknown> = {};
  private readonly translation = new TranslationController(this, cardTranslations, () =>
    this.hass ? languageOf(this.hass) : undefined,
  );

  setConfig(config: Record<string, unknown>): void {
    this.config = config;
  }

  override render() {
    const t = this.translation.t;
    if (!this.hass || !t) return nothing;
    return html`<ha-form
      .hass=${this.hass}
      .data=${this.config}
      .schema=${EDITOR_SCHEMA}
      .computeLabel=${(field: EditorField) => t(editorLabelKey(field.name))}
      .computeHelper=${(field: EditorField) => (field.name === "locks" ? t("editor_card.locks_helper") : undefined)}
      @value-changed=${(event: CardEvent<"value-changed">) => {
        event.stopPropagation();
        this.config = cleanEditorConfig(this.config, event.detail.value);
        fireEvent(this, "config-changed", { config: this.config });
      }}
    ></ha-form>`;
  }
}

if (!customElements.get("latchkey-card-editor"))
  customElements.define("latchkey-card-editor", LatchkeyCardEditor);

declare global {
  interface HTMLElementTagNameMap {
    "latchkey-card-editor": LatchkeyCardEditor;
  }
}
