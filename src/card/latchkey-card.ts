import { LitElement, css, html, nothing, type PropertyValues } from "lit";
import { parseConfig, type CardConfig } from "./config";
import { AddonController } from "./data/addon-controller";
import { IngressLocator, type PageEnvironment } from "./data/ingress-locator";
import type { SocketFactory } from "./data/addon-client";
import type { GridOptions, HomeAssistant } from "./ha/types";
import { cardTranslations, type Translate } from "./i18n/card-translations";
import { languageOf } from "../i18n/make-translator";
import { problemText } from "./utils/problem-text";
import { lockEntityIds, statesChanged, watchedEntityIds } from "./utils/lock-utils";
import { sharedStyles } from "./elements/styles";
import "./elements/latchkey-lock-list";
import "./elements/latchkey-code-list";
import "./elements/latchkey-unmanaged";
import "./elements/latchkey-held";
import "./elements/latchkey-activity";
import { loadHaForm } from "./ha/load-ha-form";
import { notifyServices } from "./utils/share-utils";
import { TranslationController } from "./controllers/translation-controller";

const TEXTS_FAILED = "Latchkey could not load its texts. Check the connection and reload the page.";

/**
 * Latchkey's Lovelace card: lock status and lock/unlock straight from `hass`, codes from the
 * Latchkey add-on.
 *
 * @fires hass-more-info - from the locks view
 * @fires hass-notification - toasts from the locks and codes views
 */
export class LatchkeyCard extends LitElement {
  static override properties = {
    hass: { attribute: false },
    config: { state: true },
    activityOpen: { state: true },
  };

  hass?: HomeAssistant;
  private config?: CardConfig;
  /** The activity feed stays folded until asked for, so the card stays short on phones. */
  private activityOpen = false;
  private readonly addon = new AddonController(this, () => ({
    accessToken: this.hass?.auth?.data?.access_token,
    language: languageOf(this.hass),
  }));
  private readonly ingress = new IngressLocator(this);
  private readonly translation = new TranslationController(this, cardTranslations, () =>
    languageOf(this.hass),
  );

  static override styles = [
    sharedStyles,
    css`
      ha-card {
        display: block;
        overflow: hidden;
        background: var(--ha-card-background, var(--card-background-color, #fff));
        border-radius: var(--ha-card-border-radius, 12px);
      }
      h1 {
        margin: 0;
        padding: 12px 16px 4px;
        font-family: var(--ha-card-header-font-family, inherit);
        font-size: var(--ha-card-header-font-size, 1.5em);
        color: var(--ha-card-header-color, var(--primary-text-color));
        font-weight: var(--ha-font-weight-normal, 400);
      }
      .codes { border-top: 1px solid var(--divider-color, #e0e0e0); }
      .activity-toggle { margin: 8px 16px; }
    `,
  ];

  /** How the card reaches the add-on; replace before attaching to talk to a fake. */
  set socketFactory(factory: SocketFactory) {
    this.addon.factory = factory;
  }

  /** Where ingress cookies go and which origin the card is on; tests replace it. */
  set pageEnvironment(environment: PageEnvironment) {
    this.ingress.environment = environment;
  }

  /** Throws for a bad configuration; Home Assistant shows the message in an error card. */
  setConfig(config: unknown): void {
    this.config = parseConfig(config);
  }

  getCardSize(): number {
    return 2 + (this.hass ? this.lockIds(this.hass).length : 1);
  }

  getGridOptions(): GridOptions {
    return { columns: 12, rows: "auto", min_columns: 6 };
  }

  static getStubConfig(): Record<string, unknown> {
    return {};
  }

  /** The visual editor: HA's own form with the card's options. */
  static async getConfigElement(): Promise<HTMLElement> {
    // Only someone editing the dashboard needs it: a chunk of its own.
    await Promise.all([loadHaForm(), import("./latchkey-card-editor")]);
    return document.createElement("latchkey-card-editor");
  }

  private lockIds(hass: HomeAssistant): string[] {
    return lockEntityIds(hass, this.config?.locks);
  }

  /** `hass` is replaced on every state change in the home: update only for our own entities. */
  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    if (!this.config || !this.hass) return false;
    // An explicit requestUpdate() (the add-on sent data) arrives with no changed properties.
    if (changed.size === 0 || [...changed.keys()].some((key) => key !== "hass")) return true;
    const before = changed.get("hass");
    if (!before) return true;
    const now = this.hass;
    if (
      languageOf(before) !== languageOf(now) ||
      before.user?.is_admin !== now.user?.is_admin ||
      before.services !== now.services
    )
      return true;
    const ids = this.lockIds(now);
    if (ids.join() !== this.lockIds(before).join()) return true;
    return statesChanged(before, now, watchedEntityIds(now, ids));
  }

  protected override willUpdate(): void {
    this.addon.configure(...this.addonEndpoint());
  }

  /** A configured URL wins (standalone); under the Supervisor the card finds the add-on itself. */
  private addonEndpoint(): [url: string | undefined, prepare?: () => Promise<void>] {
    if (this.config?.addon_url) return [this.config.addon_url];
    const hass = this.hass;
    if (!hass?.callWS || !hass.config?.components?.includes("hassio")) return [undefined];
    const callWs = hass.callWS.bind(hass);
    this.ingress.use(callWs, { slug: this.config?.addon_slug, isAdmin: hass.user?.is_admin === true });
    const status = this.ingress.status;
    return status.state === "found" ? [status.url, this.ingress.beforeConnect] : [undefined];
  }

  /** Public so tests can count renders. */
  override render() {
    const t = this.translation.t;
    if (!this.config || !this.hass) return nothing;
    // No texts yet; if they cannot be downloaded, say so in the only language there is.
    if (!t)
      return this.translation.failed
        ? html`<ha-card><p class="notice error">${TEXTS_FAILED}</p></ha-card>`
        : nothing;
    return html`<ha-card>
      <h1>${this.config.title ?? t("title")}</h1>
      <latchkey-lock-list .hass=${this.hass} .lockIds=${this.lockIds(this.hass)} .t=${t}
        .snapshot=${this.addon.client?.snapshot ?? null} .client=${this.addon.client ?? null}></latchkey-lock-list>
      <section class="codes">${this.renderCodes(t)}</section>
    </ha-card>`;
  }

  /** A section emptied under the person's focus: the activity button comes next in reading order. */
  private readonly focusActivityToggle = (): void => {
    this.renderRoot.querySelector<HTMLElement>("button.activity-toggle")?.focus();
  };

  private renderLocator(t: Translate) {
    const status = this.ingress.status;
    switch (status.state) {
      case "idle":
        return html`<p class="notice addon-guidance">${t("addon.set_url")}</p>`;
      case "locating":
      case "found":
        return html`<p class="notice addon-guidance">${t("addon.locating")}</p>`;
      case "missing":
        return html`<p class="notice addon-guidance">${t(`addon.${status.reason}`)}</p>`;
      case "failed":
        return html`<p class="notice error addon-guidance">${t("addon.supervisor_failed", { message: status.message })}</p>`;
    }
  }

  private renderCodes(t: Translate) {
    const url = this.config?.addon_url;
    const client = this.addon.client;
    if (!client) return this.renderLocator(t);
    const status = client.status;
    switch (status.state) {
      case "connecting":
        return html`<p class="notice addon-guidance">${t("addon.connecting")}</p>`;
      case "unreachable":
        return html`<p class="notice addon-guidance">${url ? t("addon.unreachable", { url }) : t("addon.unreachable_ingress")}</p>`;
      case "refused":
        return html`<p class="notice error addon-guidance">${t("addon.refused", { message: problemText(status.error, t) })}</p>`;
      case "ready":
        if (!client.snapshot) return html`<p class="notice addon-guidance">${t("addon.connecting")}</p>`;
        return html`${client.snapshot.connected ? nothing : html`<p class="notice warning">${t("addon.offline")}</p>`}
          <latchkey-code-list .snapshot=${client.snapshot} .client=${client} .services=${notifyServices(this.hass?.services)} .t=${t}></latchkey-code-list>
          <latchkey-held .snapshot=${client.snapshot} .client=${client} .t=${t} @focus-lost=${this.focusActivityToggle}></latchkey-held>
          <latchkey-unmanaged .snapshot=${client.snapshot} .client=${client} .t=${t} @focus-lost=${this.focusActivityToggle}></latchkey-unmanaged>
          <button class="activity-toggle" aria-expanded=${this.activityOpen ? "true" : "false"} @click=${() => {
            this.activityOpen = !this.activityOpen;
          }}>${t("activity.title")}</button>
          ${
            this.activityOpen
              ? html`<latchkey-activity .snapshot=${client.snapshot} .client=${client} .t=${t}></latchkey-activity>`
              : nothing
          }`;
    }
  }
}

if (!customElements.get("latchkey-card")) customElements.define("latchkey-card", LatchkeyCard);

window.customCards = window.customCards ?? [];
if (!window.customCards.some((card) => card.type === "latchkey-card")) {
  window.customCards.push({
    type: "latchkey-card",
    name: "Latchkey",
    description: "Your locks at a glance, lock all, and named PIN codes managed by the Latchkey add-on.",
    preview: true,
  });
}

declare global {
  interface HTMLElementTagNameMap {
    "latchkey-card": LatchkeyCard;
  }
}
