import { LitElement, css, html, nothing } from "lit";
import type { PublicCode } from "../../model/code";
import type { AddonClient } from "../data/addon-client";
import { fireEvent, toast } from "../dom/events";
import type { Translate } from "../i18n/card-translations";
import { errorMessage } from "../utils/problem-text";
import { canTextFrom, smsLink, thisDevice } from "../utils/share-utils";
import { copyText } from "../dom/clipboard";
import { sharedStyles } from "./styles";

/**
 * Sends one code to a person: through a Home Assistant notify service (the add-on builds and
 * sends the message; a phone number goes to an SMS gateway), or from this device — its share
 * sheet where it has one, else the message on screen to copy, with an `sms:` link where the
 * device can send a text. Every way ends with a word of what happened.
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
    message: { state: true },
    status: { state: true },
  };

  code?: PublicCode;
  client?: AddonClient;
  services: string[] = [];
  lockNames: string[] = [];
  /** Set by the card, which loads the person's texts before it renders its parts. */
  t!: Translate;
  private sending = false;
  /** The message with the PIN, shown to copy when this device has no share sheet (or it failed). */
  private message: string | null = null;
  /** What the last step did, said where the person is looking. */
  private status: string | null = null;
  /** Tests set what the browser says about itself; a person's browser is asked. */
  device = thisDevice();

  static override styles = [
    sharedStyles,
    css`
      form { display: flex; flex-direction: column; gap: 8px; padding: 8px 0; }
      label { display: flex; flex-direction: column; gap: 4px; font-size: 0.9em; }
      textarea { box-sizing: border-box; width: 100%; font: inherit; padding: 8px; resize: vertical;
        color: var(--primary-text-color); background: var(--card-background-color, var(--ha-card-background, #fff));
        border: 1px solid var(--divider-color, #ccc); border-radius: 4px; }
      a.sms { display: inline-flex; align-items: center; min-height: 36px; padding: 0 12px; border-radius: 18px;
        border: 1px solid var(--primary-color); color: var(--primary-text-color); text-decoration: none; }
      .status { margin: 0; font-size: 0.9em; color: var(--secondary-text-color); }
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
            <label>${this.t("share.recipients")}<input name="recipients" type="tel" inputmode="tel" autocomplete="off"
              placeholder="+15550100" /></label>`
          : html`<p class="notice">${this.t("share.no_services")}</p>`
      }
      ${this.message === null ? nothing : this.renderMessage(this.message)}
      <div class="row">
        ${hasServices ? html`<button class="primary send" type="submit" ?disabled=${this.sending}>${this.t("share.send")}</button>` : nothing}
        <button class="phone" type="button" @click=${() => void this.shareFromDevice()}>${this.t("share.phone")}</button>
        <button class="cancel" type="button" @click=${() => {
          this.close();
        }}>${this.t("common.cancel")}</button>
      </div>
      ${this.status === null ? nothing : html`<p class="status" role="status">${this.status}</p>`}
    </form>`;
  }

  /** The message to send by hand: selectable, with Copy, and a link to the messages app on a phone. */
  private renderMessage(message: string) {
    return html`<label>${this.t("share.message")}<textarea class="message" readonly rows="3" .value=${message}></textarea></label>
      <div class="row">
        <button class="copy-message" type="button" @click=${() => void this.copyMessage(message)}>${this.t("share.copy")}</button>
        ${
          canTextFrom(this.device)
            ? html`<a class="sms" href=${smsLink(message)} @click=${() => {
                this.status = this.t("share.sms_opened");
              }}>${this.t("share.sms")}</a>`
            : nothing
        }
      </div>`;
  }

  private async copyMessage(message: string): Promise<void> {
    this.status = this.t((await copyText(message)) ? "share.copied" : "share.copy_failed");
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
    this.status = this.t("share.sending", { service });
    try {
      await client.request("codes/share", { codeId: code.id, service, recipients });
      toast(this, this.t("share.sent", { name: code.name, service }));
      this.close();
    } catch (error) {
      this.status = errorMessage(error, this.t);
      toast(this, this.status);
    } finally {
      this.sending = false;
    }
  }

  /**
   * Reveals the PIN (journaled by the add-on) and hands it to this device, never to a server:
   * to its share sheet, else on screen to copy (a desktop browser has neither sheet nor SMS).
   */
  private async shareFromDevice(): Promise<void> {
    const { code, client } = this;
    if (!code || !client) return;
    let text: string;
    try {
      // In the admin's language: the add-on builds its own text (in HA's language) for notify services.
      text = this.t("share.text", {
        name: code.name,
        pin: await client.reveal(code.id),
        locks: this.lockNames.join(", "),
      });
    } catch (error) {
      this.status = errorMessage(error, this.t);
      toast(this, this.status);
      return;
    }
    if (
      typeof navigator.share === "function" &&
      (typeof navigator.canShare !== "function" || navigator.canShare({ text }))
    ) {
      try {
        await navigator.share({ text });
        toast(this, this.t("share.shared", { name: code.name }));
        this.close();
        return;
      } catch (error) {
        // Closed without sharing, or the sheet failed: the message stays here to send by hand.
        const aborted = error instanceof DOMException && error.name === "AbortError";
        this.message = text;
        this.status = this.t(aborted ? "share.not_shared" : "share.sheet_failed");
        return;
      }
    }
    this.message = text;
    this.status = this.t(canTextFrom(this.device) ? "share.copy_or_text" : "share.copy_hint", {
      name: code.name,
    });
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
