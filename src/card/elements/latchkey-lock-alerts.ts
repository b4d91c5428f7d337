import { LitElement, css, html, nothing } from "lit";
import { ALERT_KINDS, type AlertChoices, type AlertKind } from "../../model/lock-alerts";
import type { AddonClient } from "../data/addon-client";
import { fireEvent, toast } from "../dom/events";
import type { Translate } from "../i18n/card-translations";
import { errorMessage } from "../utils/problem-text";
import { sharedStyles } from "./styles";

/** Each kind's label, in the order people think of them. */
const LABELS = {
  keypad: "alerts.keypad",
  manual: "alerts.manual",
  remote: "alerts.remote",
  auto_lock: "alerts.auto_lock",
  jam: "alerts.jam",
} as const satisfies Record<AlertKind, string>;

/**
 * Which door events at one lock send a notification: a code, a hand, an app or remote, the lock
 * locking itself, a jam. Opens with the choices in effect (the household's defaults and the
 * lock's own); Save makes all five the lock's own. Admins only (the lock list shows it to them).
 *
 * @fires alerts-closed - (not bubbling) saved or cancelled
 * @fires hass-notification - {message} after saving, or why it failed
 */
export class LatchkeyLockAlerts extends LitElement {
  static override properties = {
    lockId: { attribute: false },
    lockName: { attribute: false },
    choices: { attribute: false },
    client: { attribute: false },
    t: { attribute: false },
    draft: { state: true },
    busy: { state: true },
  };

  static override styles = [
    sharedStyles,
    css`
      fieldset { border: none; margin: 0; padding: 0; display: grid; gap: 4px; }
      legend { padding: 0 0 4px; font-weight: var(--ha-font-weight-medium, 500); }
      label { display: flex; align-items: center; gap: 8px; min-height: 32px; }
      .actions { justify-content: flex-end; margin-top: 4px; }
    `,
  ];

  lockId = "";
  lockName = "";
  choices?: AlertChoices;
  client?: AddonClient | null;
  /** Set by the lock list, which has the person's texts. */
  t!: Translate;
  private draft: AlertChoices | null = null;
  private busy = false;

  override render() {
    const current = this.draft ?? this.choices;
    if (!current) return nothing;
    return html`<form @submit=${(e: Event) => {
      e.preventDefault();
      void this.save(current);
    }}>
      <fieldset>
        <legend>${this.t("alerts.title", { lock: this.lockName })}</legend>
        ${ALERT_KINDS.map(
          (kind) => html`<label>
            <input type="checkbox" name=${kind} .checked=${current[kind]} ?disabled=${this.busy}
              @change=${(e: Event) => {
                const box = e.target;
                if (box instanceof HTMLInputElement) this.draft = { ...current, [kind]: box.checked };
              }} />
            ${this.t(LABELS[kind])}
          </label>`,
        )}
      </fieldset>
      <div class="row actions">
        <button type="button" class="cancel" @click=${() => {
          fireEvent(this, "alerts-closed");
        }}>${this.t("common.cancel")}</button>
        <button type="submit" class="primary save" ?disabled=${this.busy}>${this.t("common.save")}</button>
      </div>
    </form>`;
  }

  private async save(choices: AlertChoices): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.busy = true;
    try {
      await client.request("locks/set_alerts", { lockId: this.lockId, alerts: choices });
      toast(this, this.t("alerts.saved", { lock: this.lockName }));
      fireEvent(this, "alerts-closed");
    } catch (error) {
      toast(this, errorMessage(error, this.t));
    } finally {
      this.busy = false;
    }
  }
}

if (!customElements.get("latchkey-lock-alerts"))
  customElements.define("latchkey-lock-alerts", LatchkeyLockAlerts);

declare global {
  interface HTMLElementTagNameMap {
    "latchkey-lock-alerts": LatchkeyLockAlerts;
  }
}
