import { LitElement, css, html } from "lit";
import "../card/latchkey-card";
import type { SocketFactory } from "../card/data/addon-client";
import type { HomeAssistant } from "../card/ha/types";
import type { CardEventType } from "../card/dom/events";
import { languageOf } from "../i18n/make-translator";
import { panelTranslator } from "./panel-i18n";
import { addonUrlFor } from "./addon-url";
import { embeddingHomeAssistant, hassPropertyOf, isHass } from "./embedding-hass";
import { copyTheme } from "./theme";

/** HA replaces `hass` on every state change and tells an iframe nothing: look twice a second. */
const POLL_MS = 500;

/** Events the card sends to Home Assistant's page; in an iframe they must be carried across. */
const FORWARDED_EVENTS = ["hass-more-info", "hass-notification"] as const satisfies readonly CardEventType[];

/** Marks "not looked yet", so the first look always sets a status. */
const NOT_LOOKED = Symbol("not looked");

export type PanelStatus = "standalone" | "waiting" | "unsupported" | "ready";

/**
 * Latchkey's full-page UI for the add-on's ingress panel (HA's sidebar): the Latchkey card,
 * fed with the `hass` of the Home Assistant page that shows this page in an iframe.
 */
export class LatchkeyPanel extends LitElement {
  static override properties = { status: { state: true } };

  status: PanelStatus = "waiting";
  /** Where HA's `<home-assistant>` element is found; replaceable before attaching (tests). */
  findHomeAssistant: () => Element | null = () => embeddingHomeAssistant(window);
  private readonly card = document.createElement("latchkey-card");
  private host: Element | null = null;
  private lastHass: unknown = NOT_LOOKED;
  private timer: ReturnType<typeof setInterval> | undefined;

  static override styles = css`
    :host {
      display: block;
      box-sizing: border-box;
      min-height: 100vh;
      padding: 16px;
      background: var(--primary-background-color, #fafafa);
      color: var(--primary-text-color, #212121);
      font-family: var(--ha-font-family-body, Roboto, Noto, sans-serif);
    }
    latchkey-card {
      display: block;
      max-width: 960px;
      margin: 0 auto;
    }
    .message {
      max-width: 40em;
      margin: 15vh auto 0;
      line-height: 1.5;
      text-align: center;
    }
    @media (max-width: 600px) {
      :host { padding: 8px 0; }
    }
  `;

  constructor() {
    super();
    this.card.setConfig({ type: "custom:latchkey-card", addon_url: addonUrlFor(location.href) });
    for (const type of FORWARDED_EVENTS) this.addEventListener(type, this.forward);
  }

  /** How the card reaches the add-on; replace before attaching to talk to a fake. */
  set socketFactory(factory: SocketFactory) {
    this.card.socketFactory = factory;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.refresh();
    this.timer = setInterval(() => {
      this.refresh();
    }, POLL_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  /** Picks up a new `hass` (or its absence); cheap when nothing changed. */
  refresh(): void {
    const host = this.findHomeAssistant();
    const hass = host ? hassPropertyOf(host) : undefined;
    if (host === this.host && hass === this.lastHass) return;
    this.host = host;
    this.lastHass = hass;
    if (!host) this.status = "standalone";
    else if (hass === undefined || hass === null) this.status = "waiting";
    else if (!isHass(hass)) this.status = "unsupported";
    else this.show(host, hass);
  }

  private show(host: Element, hass: HomeAssistant): void {
    copyTheme(host, this);
    this.card.hass = hass;
    this.status = "ready";
  }

  /** Re-dispatched on HA's root element, which opens the more-info dialog or shows the toast. */
  private readonly forward = (event: Event): void => {
    if (!this.host || !(event instanceof CustomEvent)) return;
    event.stopPropagation();
    const detail: unknown = event.detail;
    this.host.dispatchEvent(new CustomEvent(event.type, { detail, bubbles: true, composed: true }));
  };

  override render() {
    if (this.status === "ready") return html`${this.card}`;
    // No hass yet (or none at all): the browser's language is the best guess.
    const t = panelTranslator(this.card.hass ? languageOf(this.card.hass) : navigator.language);
    return html`<p class="message">${t(`panel.${this.status}`)}</p>`;
  }
}

if (!customElements.get("latchkey-panel")) customElements.define("latchkey-panel", LatchkeyPanel);

declare global {
  interface HTMLElementTagNameMap {
    "latchkey-panel": LatchkeyPanel;
  }
}
