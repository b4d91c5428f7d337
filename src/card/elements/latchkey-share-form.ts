import { LitElement, css, html, nothing } from "lit";
import type { PublicCode } from "../../model/code";
import type { AddonClient } from "../data/addon-client";
import { fireEvent, toast } from "../dom/events";
import type { Translate } from "../i18n/card-translations";
import { errorMessage } from "../utils/problem-text";
import { smsLink } from "../utils/share-utils";
import { sharedStyles } from "./styles";

/**
 * Sends one code to a person: through a Home Assistant notify service (the add-on builds and
 * sends the message), or from this device via the share sheet / an `sms:` link.
 *
 * @fires share-closed - when the form should close
 * @fires hass-notification - {message} after sending or on failure
 */
export class LatchkeyShareForm extends LitElement {
  static override properties = {
    code: { attribute: false },
    client: { attribute: false },
    services: { attribute: false },
    lockNames: { attribute: false },
    t: { attribute: false },
    sending: { state: true },
  };

  code?: PublicCode;
  client?: AddonClient;
  services: string[] = [];
  lockNames: string[] = [];
  /** Set by the card, which loads the person's texts before it renders its parts. */
  t!: Translate;
  private sending = false;

  static override styles = [
    sharedStyles,
    css`
      form { display: flex; flex-direction: column; gap: 8px; padding: 8px 0; }
      label { display: flex; flex-direction: column; gap: 4px; font-size: 0.9em; }
    `,
  ];

  /** Opened from the code's Share button: the first choice gets focus. */
  override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLElement>("select, button")?.focus();
  }

  override render() {
    if (!this.code) return nothing;
    const hasServices = this.services.length > 0;
    return html`<form @submit=${(e: Event) => {
      e.preventDefault();
      void this.send();
    }}>
      ${
        hasServices
          ? html`<label>${this.t("share.service")}
              <select name="service">${this.services.map((s) => html`<option value=${s}>${s}</option>`)}</select></label>
            <label>${this.t("share.recipients")}<input name="recipients" inputmode="tel" autocomplete="off" /></label>`
          : html`<p class="notice">${this.t("share.no_services")}</p>`
      }
      <div class="row">
        ${hasServices ? html`<button class="primary send" type="submit" ?disabled=${this.sending}>${this.t("share.send")}</button>` : nothing}
        <button class="phone" type="button" @click=${() => void this.shareFromDevice()}>${this.t("share.phone")}</button>
        <button class="cancel" type="button" @click=${() => {
          this.close();
        }}>${this.t("common.cancel")}</button>
      </div>
    </form>`;
  }

  private async send(): Promise<void> {
    const { code, client } = this;
    const form = this.renderRoot.querySelector("form");
    if (!code || !client || !form) return;
    const data = new FormData(form);
    const text = (name: string) => {
      const value = data.get(name);
      return typeof value === "string" ? value : "";
    };
    const service = text("service");
    const recipients = text("recipients")
      .split(/[,;\s]+/)
      .filter((r) => r.length > 0);
    this.sending = true;
    try {
      await client.request("codes/share", { codeId: code.id, service, recipients });
      toast(this, this.t("share.sent", { name: code.name, service }));
      this.close();
    } catch (error) {
      toast(this, errorMessage(error, this.t));
    } finally {
      this.sending = false;
    }
  }

  /** Reveals the PIN (journaled by the add-on) and hands it to the phone, never to a server. */
  private async shareFromDevice(): Promise<void> {
    const { code, client } = this;
    if (!code || !client) return;
    try {
      // In the admin's language: the add-on builds its own text (in HA's language) for notify services.
      const text = this.t("share.text", {
        name: code.name,
        pin: await client.reveal(code.id),
        locks: this.lockNames.join(", "),
      });
      if (typeof navigator.share === "function") await navigator.share({ text });
      else window.location.href = smsLink(text);
      this.close();
    } catch (error) {
      if (error instanceof DOMException && error.name === "AbortError") return;
      toast(this, errorMessage(error, this.t));
    }
  }

  private close(): void {
    fireEvent(this, "share-closed");
  }
}

if (!customElements.get("latchkey-share-form"))
  customElements.define("latchkey-share-form", LatchkeyShareForm);

declare global {
  interface HTMLElementTagNameMap {
    "latchkey-share-form": LatchkeyShareForm;
  }
}
