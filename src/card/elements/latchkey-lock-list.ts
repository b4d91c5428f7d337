import { LitElement, css, html, nothing } from "lit";
import type { Snapshot } from "../../model/protocol";
import { activitySentence, relativeTime } from "../utils/activity-utils";
import { fireEvent, toast } from "../dom/events";
import { focusAfterRender } from "../dom/focus";
import type { HomeAssistant } from "../ha/types";
import type { Translate } from "../i18n/card-translations";
import { lockAll, type LockResult } from "../ha/lock-actions";
import { errorMessage } from "../utils/problem-text";
import { failedCodesOn, lockViews, stateKey, type LockView } from "../utils/lock-utils";
import { MinuteTicker } from "../controllers/minute-ticker";
import { sharedStyles } from "./styles";

/**
 * Every lock with its state and battery, lock/unlock buttons and "Lock all".
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
    confirming: { state: true },
    results: { state: true },
    busy: { state: true },
  };

  hass?: HomeAssistant;
  lockIds: string[] = [];
  /** Set by the card, which loads the person's texts before it renders its parts. */
  t!: Translate;
  /** The add-on's data, when connected: last activity and sync trouble per lock. */
  snapshot: Snapshot | null = null;
  /** "Mom unlocked it · 2 min ago" keeps counting. */
  protected readonly ticker = new MinuteTicker(this);
  private confirming: string | null = null;
  private results: LockResult[] | null = null;
  private busy = false;

  static override styles = [
    sharedStyles,
    css`
      li { display: flex; align-items: center; gap: 8px; padding: 8px 16px; flex-wrap: wrap; }
      .name { flex: 1 1 140px; min-width: 0; text-align: start; border: none; border-radius: 4px; padding: 0; color: inherit; }
      .name span { display: block; }
      .state { font-size: 0.9em; color: var(--secondary-text-color); }
      .state.locked { --dot-color: var(--success-color, #43a047); }
      .state.jammed, .state.unavailable, .state.unlocked, .state.open { --dot-color: var(--error-color); font-weight: 500; color: var(--primary-text-color); }
      .battery, .last { font-size: 0.85em; color: var(--secondary-text-color); }
      .trouble { font-size: 0.85em; --dot-color: var(--error-color); }
      .confirm { width: 100%; justify-content: flex-end; }
      .footer { padding: 8px 16px; }
    `,
  ];

  override render() {
    if (!this.hass) return nothing;
    const locks = lockViews(this.hass, this.lockIds);
    if (locks.length === 0) return html`<p class="notice">${this.t("lock.no_locks")}</p>`;
    return html`
      <ul>${locks.map((lock) => this.renderLock(lock))}</ul>
      <div class="footer row">
        <button class="primary lock-all" ?disabled=${this.busy} @click=${() => void this.lockAll(locks)}>${this.t("lock.lock_all")}</button>
        ${this.results ? this.renderResults(this.results) : nothing}
      </div>
    `;
  }

  private renderLock(lock: LockView) {
    const isLocked = lock.state === "locked" || lock.state === "locking";
    return html`<li data-entity=${lock.entityId}>
      <button class="name" @click=${() => {
        fireEvent(this, "hass-more-info", { entityId: lock.entityId });
      }}>
        <span>${lock.name}</span>
        <span class="state dot ${lock.state}">${this.t(stateKey(lock.state))}</span>
        ${this.renderAddonLines(lock.entityId)}
      </button>
      ${lock.battery === null ? nothing : html`<span class="battery">${this.t("lock.battery", { value: lock.battery })}</span>`}
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
    </li>`;
  }

  /** "Mom unlocked Back door with the keypad · 2 min ago" and codes this lock has not taken. */
  private renderAddonLines(entityId: string) {
    const snapshot = this.snapshot;
    if (!snapshot) return nothing;
    const last = snapshot.lastActivity[entityId];
    const failed = failedCodesOn(snapshot, entityId);
    return html`${
      last
        ? html`<span class="last">${activitySentence(last, snapshot.locks, this.t)} · ${relativeTime(last.at, Date.now(), this.t)}</span>`
        : nothing
    }${failed > 0 ? html`<span class="trouble dot">${this.t("lock.sync_trouble", { count: failed })}</span>` : nothing}`;
  }

  private renderResults(results: LockResult[]) {
    const failed = results.filter((r) => !r.ok);
    if (failed.length === 0)
      return html`<span class="result" role="status">${this.t("lock.all_locked", { count: results.length })}</span>`;
    return html`<ul class="result error" role="status">
      ${failed.map((r) => html`<li data-entity=${r.entityId}>${this.t("lock.failed_one", { name: r.name, reason: r.reason ?? "" })}</li>`)}
    </ul>`;
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

  private async lockAll(locks: LockView[]): Promise<void> {
    if (!this.hass) return;
    this.busy = true;
    this.results = null;
    const results = await lockAll(this.hass, locks, this.t);
    this.busy = false;
    this.results = results;
    const failed = results.filter((r) => !r.ok);
    toast(
      this,
      failed.length === 0
        ? this.t("lock.all_locked", { count: results.length })
        : this.t("lock.some_failed", {
            failed: failed.length,
            count: results.length,
            names: failed.map((r) => r.name).join(", "),
          }),
    );
  }
}

if (!customElements.get("latchkey-lock-list")) customElements.define("latchkey-lock-list", LatchkeyLockList);

declare global {
  interface HTMLElementTagNameMap {
    "latchkey-lock-list": LatchkeyLockList;
  }
}
