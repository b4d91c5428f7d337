import { LitElement, css, html, nothing } from "lit";
import type { Snapshot } from "../../model/protocol";
import { activitySentence, doorLineSource, relativeTime } from "../utils/activity-utils";
import { fireEvent, toast } from "../dom/events";
import { focusAfterRender } from "../dom/focus";
import type { HomeAssistant } from "../ha/types";
import type { Translate } from "../i18n/card-translations";
import { errorMessage } from "../utils/problem-text";
import { failedCodesOn, lockViews, type LockView } from "../utils/lock-utils";
import { MinuteTicker } from "../controllers/minute-ticker";
import { sharedStyles } from "./styles";
import "./latchkey-lock-all";
import type { AddonClient } from "../data/addon-client";
import { openWhenLoaded, type ElementModule } from "../dom/lazy-element";

/** An admin's alert choices for a lock: its own chunk, fetched the first time one is opened. */
const lockAlertsModule: ElementModule = () => import("./latchkey-lock-alerts");

/**
 * Every lock with its state (worded by HA), battery (a warning when low) and last activity,
 * lock/unlock buttons and "Lock all"; for admins, each lock's choice of which door events alert.
 *
 * @fires hass-more-info - {entityId} when a lock's name is tapped
 * @fires hass-notification - {message} with the outcome of "Lock all" or a failed call
 */
export class LatchkeyLockList extends LitElement {
  static override properties = {
    hass: { attribute: false },
    lockIds: { attribute: false },
    t: { attribute: false },
    snapshot: { attribute: false },
    client: { attribute: false },
    confirming: { state: true },
    alertsOpen: { state: true },
  };

  hass?: HomeAssistant;
  lockIds: string[] = [];
  /** Set by the card, which loads the person's texts before it renders its parts. */
  t!: Translate;
  /** The add-on's data, when connected: last activity and sync trouble per lock. */
  snapshot: Snapshot | null = null;
  /** The add-on connection, for saving a lock's alert choices. */
  client: AddonClient | null = null;
  /** "Mom unlocked it · 2 min ago" keeps counting. */
  protected readonly ticker = new MinuteTicker(this);
  private confirming: string | null = null;
  /** The lock whose alert choices are open. */
  private alertsOpen: string | null = null;

  static override styles = [
    sharedStyles,
    css`
      li { display: flex; align-items: center; gap: 8px; padding: 8px 16px; flex-wrap: wrap; }
      .name { flex: 1 1 140px; min-width: 0; text-align: start; border: none; border-radius: 4px; padding: 0; color: inherit; }
      .name span { display: block; }
      .state { font-size: 0.9em; color: var(--secondary-text-color); }
      .state.locked { --dot-color: var(--success-color, #43a047); }
      .state.jammed, .state.unavailable, .state.unlocked, .state.open { --dot-color: var(--error-color); font-weight: var(--ha-font-weight-medium, 500); color: var(--primary-text-color); }
      .battery, .last { font-size: 0.85em; color: var(--secondary-text-color); }
      .battery.low { --dot-color: var(--warning-color, #ffa600); color: var(--primary-text-color); font-weight: var(--ha-font-weight-medium, 500); }
      .trouble { font-size: 0.85em; --dot-color: var(--error-color); }
      .confirm { width: 100%; justify-content: flex-end; }
      latchkey-lock-alerts { flex-basis: 100%; }
    `,
  ];

  override render() {
    if (!this.hass) return nothing;
    const locks = lockViews(this.hass, this.lockIds, this.t);
    if (locks.length === 0) return html`<p class="notice">${this.t("lock.no_locks")}</p>`;
    return html`
      <ul>${locks.map((lock) => this.renderLock(lock))}</ul>
      <latchkey-lock-all .hass=${this.hass} .locks=${locks} .t=${this.t}></latchkey-lock-all>
    `;
  }

  private renderLock(lock: LockView) {
    const isLocked = lock.state === "locked" || lock.state === "locking";
    return html`<li data-entity=${lock.entityId}>
      <button class="name" @click=${() => {
        fireEvent(this, "hass-more-info", { entityId: lock.entityId });
      }}>
        <span>${lock.name}</span>
        <span class="state dot ${lock.state}">${lock.stateText}</span>
        ${this.renderAddonLines(lock)}
      </button>
      ${this.renderBattery(lock)}
      ${
        isLocked
          ? html`<button class="unlock" ?disabled=${lock.state === "locking"} @click=${() => {
              this.confirming = lock.entityId;
              focusAfterRender(this, `li[data-entity="${lock.entityId}"] .confirm button.cancel`);
            }}>${this.t("lock.unlock")}</button>`
          : html`<button class="lock" ?disabled=${lock.state === "unavailable"} @click=${() => void this.call(lock, "lock")}>${this.t("lock.lock")}</button>`
      }
      ${
        this.confirming === lock.entityId
          ? html`<div class="confirm row" role="alertdialog" aria-label=${this.t("lock.confirm_unlock", { name: lock.name })}>
            <span>${this.t("lock.confirm_unlock", { name: lock.name })}</span>
            <button class="cancel" @click=${() => {
              this.confirming = null;
              focusAfterRender(this, `li[data-entity="${lock.entityId}"] button.unlock`);
            }}>${this.t("common.cancel")}</button>
            <button class="danger confirm-unlock" @click=${() => void this.call(lock, "unlock")}>${this.t("lock.unlock")}</button>
          </div>`
          : nothing
      }
      ${this.renderAlerts(lock)}
    </li>`;
  }

  /** For admins: the Alerts button, and the lock's choices when open. */
  private renderAlerts(lock: LockView) {
    const choices = this.snapshot?.alerts[lock.entityId];
    if (!this.snapshot?.user.isAdmin || !choices) return nothing;
    const open = this.alertsOpen === lock.entityId;
    return html`<button class="alerts" aria-expanded=${open ? "true" : "false"} @click=${() => {
      this.toggleAlerts(lock.entityId);
    }}>${this.t("lock.alerts")}</button>
    ${
      open
        ? html`<latchkey-lock-alerts .lockId=${lock.entityId} .lockName=${lock.name} .choices=${choices}
            .client=${this.client} .t=${this.t} @alerts-closed=${() => {
              this.alertsOpen = null;
              focusAfterRender(this, `li[data-entity="${lock.entityId}"] button.alerts`);
            }}></latchkey-lock-alerts>`
        : nothing
    }`;
  }

  private toggleAlerts(lockId: string): void {
    if (this.alertsOpen === lockId) {
      this.alertsOpen = null;
      return;
    }
    openWhenLoaded(
      this,
      "latchkey-lock-alerts",
      lockAlertsModule,
      () => {
        this.alertsOpen = lockId;
      },
      this.t("common.load_failed"),
    );
  }

  private renderBattery({ battery }: LockView) {
    if (!battery) return nothing;
    return battery.low
      ? html`<span class="battery low dot">${this.t("lock.battery_low", { level: battery.text })}</span>`
      : html`<span class="battery">${this.t("lock.battery", { level: battery.text })}</span>`;
  }

  /** "Mom unlocked Back door with the keypad · 2 min ago" and codes this lock has not taken. */
  private renderAddonLines(lock: LockView) {
    const snapshot = this.snapshot;
    if (!snapshot) return nothing;
    const last = snapshot.lastActivity[lock.entityId];
    const failed = failedCodesOn(snapshot, lock.entityId);
    const source = doorLineSource(last, lock);
    const line =
      last && source === "entry"
        ? `${activitySentence(last, snapshot.locks, this.t)} · ${relativeTime(last.at, Date.now(), this.t)}`
        : source === "state" && lock.changedAt !== null
          ? `${lock.stateText} · ${relativeTime(lock.changedAt, Date.now(), this.t)}`
          : null;
    return html`${line === null ? nothing : html`<span class="last">${line}</span>`}${
      failed > 0
        ? html`<span class="trouble dot">${this.t("lock.sync_trouble", { count: failed })}</span>`
        : nothing
    }`;
  }

  private async call(lock: LockView, service: "lock" | "unlock"): Promise<void> {
    if (this.confirming === lock.entityId)
      focusAfterRender(this, `li[data-entity="${lock.entityId}"] button.name`);
    this.confirming = null;
    try {
      await this.hass?.callService("lock", service, { entity_id: lock.entityId });
    } catch (error) {
      toast(this, `${lock.name}: ${errorMessage(error, this.t)}`);
    }
  }
}

if (!customElements.get("latchkey-lock-list")) customElements.define("latchkey-lock-list", LatchkeyLockList);

declare global {
  interface HTMLElementTagNameMap {
    "latchkey-lock-list": LatchkeyLockList;
  }
}
