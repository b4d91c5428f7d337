import { LitElement, css, html, nothing, type PropertyValues } from "lit";
import { toast } from "../dom/events";
import type { HomeAssistant } from "../ha/types";
import type { Translate } from "../i18n/card-translations";
import { lockAll } from "../ha/lock-actions";
import { lockAllOutcome, trackLocked, type TrackedResult } from "../utils/lock-all-utils";
import type { LockView } from "../utils/lock-utils";
import { sharedStyles } from "./styles";

/** A finished "Lock all" stays on screen this long, then goes (it is history by then). */
const OUTCOME_MS = 60_000;

/**
 * "Lock all" and what it did. The outcome follows the locks as they are now: "All 3 locks
 * locked." once HA shows all three locked and only while they stay so, a lock that did not lock
 * only until it is locked; after a minute it goes.
 *
 * @fires hass-notification - {message} with the outcome
 */
export class LatchkeyLockAll extends LitElement {
  static override properties = {
    hass: { attribute: false },
    locks: { attribute: false },
    t: { attribute: false },
    results: { state: true },
    busy: { state: true },
  };

  hass?: HomeAssistant;
  locks: LockView[] = [];
  /** Set by the card, which loads the person's texts before it renders its parts. */
  t!: Translate;
  private results: TrackedResult[] | null = null;
  private busy = false;
  private expiry: ReturnType<typeof setTimeout> | undefined;

  static override styles = [sharedStyles, css`:host { display: block; padding: 8px 16px; }`];

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.expiry);
    this.results = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.results || !changed.has("locks")) return;
    const results = trackLocked(this.results, this.locks);
    // Nothing left that is still true: forget it, so a later Lock all starts clean.
    this.results = lockAllOutcome(results, this.locks) === null ? null : results;
  }

  override render() {
    const outcome = this.results ? lockAllOutcome(this.results, this.locks) : null;
    return html`<div class="row">
      <button class="primary lock-all" ?disabled=${this.busy} @click=${() => void this.lockAll()}>${this.t("lock.lock_all")}</button>
      ${
        outcome?.kind === "all_locked"
          ? html`<span class="result" role="status">${this.t("lock.all_locked", { count: outcome.count })}</span>`
          : outcome?.kind === "failed"
            ? html`<ul class="result error" role="status">
              ${outcome.failed.map((r) => html`<li data-entity=${r.entityId}>${this.t("lock.failed_one", { name: r.name, reason: r.reason ?? "" })}</li>`)}
            </ul>`
            : nothing
      }
    </div>`;
  }

  private async lockAll(): Promise<void> {
    if (!this.hass) return;
    this.busy = true;
    this.results = null;
    clearTimeout(this.expiry);
    const results = await lockAll(this.hass, this.locks, this.t);
    this.busy = false;
    this.results = trackLocked(
      results.map((r) => ({ ...r, seenLocked: false })),
      this.locks,
    );
    this.expiry = setTimeout(() => {
      this.results = null;
    }, OUTCOME_MS);
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

if (!customElements.get("latchkey-lock-all")) customElements.define("latchkey-lock-all", LatchkeyLockAll);

declare global {
  interface HTMLElementTagNameMap {
    "latchkey-lock-all": LatchkeyLockAll;
  }
}
