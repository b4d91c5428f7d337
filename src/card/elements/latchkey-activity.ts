import { LitElement, css, html, nothing, type PropertyValues } from "lit";
import type { ActivityEntry } from "../../model/activity";
import type { Snapshot } from "../../model/protocol";
import { absoluteTime, activityFilter, activitySentence, relativeTime } from "../utils/activity-utils";
import type { AddonClient } from "../data/addon-client";
import type { Translate } from "../i18n/card-translations";
import { errorMessage } from "../utils/problem-text";
import { sharedStyles } from "./styles";
import { MinuteTicker } from "../controllers/minute-ticker";

const LIMIT = 50;

/**
 * What happened at the doors and to the codes, newest first, filterable by lock and by code.
 * Loads when shown and again after each new snapshot (the add-on pushes one when it records
 * activity); snapshots that arrive together cost one request.
 * Read-only: fires no events, failures show inline.
 */
export class LatchkeyActivity extends LitElement {
  static override properties = {
    snapshot: { attribute: false },
    client: { attribute: false },
    t: { attribute: false },
    now: { attribute: false },
    entries: { state: true },
    error: { state: true },
    lockId: { state: true },
    codeId: { state: true },
  };

  snapshot?: Snapshot;
  client?: AddonClient;
  /** Set by the card, which loads the person's texts before it renders its parts. */
  t!: Translate;
  /** The clock for relative times; tests pin it. */
  now: () => number = Date.now;
  /** How long to wait for more snapshots before asking again. */
  debounceMs = 250;
  private entries: ActivityEntry[] | null = null;
  private error: string | null = null;
  private lockId = "";
  private codeId = "";
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** "2 min ago" keeps counting while the feed is open. */
  protected readonly ticker = new MinuteTicker(this);
  /** Answers to older requests (a filter changed meanwhile) are dropped. */
  private sequence = 0;

  static override styles = [
    sharedStyles,
    css`
      .filters { display: flex; flex-wrap: wrap; gap: 8px; padding: 8px 16px; }
      ol { padding: 0 16px 8px; }
      li { display: flex; gap: 12px; padding: 6px 0; border-bottom: 1px solid var(--divider-color, #e0e0e0); }
      time { flex: none; min-width: 5.5em; color: var(--secondary-text-color); font-size: 0.9em; }
    `,
  ];

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Shown (or a new connection): load now. A later snapshot means something happened.
    if (changed.has("client")) void this.load();
    else if (changed.has("snapshot") && changed.get("snapshot") !== undefined) this.scheduleLoad();
  }

  private scheduleLoad(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.load();
    }, this.debounceMs);
  }

  private async load(): Promise<void> {
    const client = this.client;
    if (!client) return;
    const sequence = ++this.sequence;
    try {
      const { entries } = await client.request(
        "activity/list",
        activityFilter(this.lockId, this.codeId, LIMIT),
      );
      if (sequence !== this.sequence) return;
      this.entries = entries;
      this.error = null;
    } catch (error) {
      if (sequence === this.sequence) this.error = errorMessage(error, this.t);
    }
  }

  private filter(which: "lockId" | "codeId", event: Event): void {
    const target = event.target;
    if (!(target instanceof HTMLSelectElement)) return;
    this[which] = target.value;
    clearTimeout(this.timer);
    void this.load();
  }

  override render() {
    const snapshot = this.snapshot;
    if (!snapshot) return nothing;
    const { t } = this;
    return html`
      <div class="filters">
        <select class="lock-filter" aria-label=${t("activity.all_locks")} @change=${(e: Event) => {
          this.filter("lockId", e);
        }}>
          <option value="">${t("activity.all_locks")}</option>
          ${snapshot.locks.map((lock) => html`<option value=${lock.id} ?selected=${lock.id === this.lockId}>${lock.name}</option>`)}
        </select>
        <select class="code-filter" aria-label=${t("activity.all_codes")} @change=${(e: Event) => {
          this.filter("codeId", e);
        }}>
          <option value="">${t("activity.all_codes")}</option>
          ${snapshot.codes.map((code) => html`<option value=${code.id} ?selected=${code.id === this.codeId}>${code.name}</option>`)}
        </select>
      </div>
      ${this.error === null ? nothing : html`<p class="notice error">${t("activity.failed", { message: this.error })}</p>`}
      ${this.entries?.length === 0 ? html`<p class="notice">${t("activity.none")}</p>` : nothing}
      <ol>
        ${(this.entries ?? []).map(
          (entry) => html`<li data-kind=${entry.kind}>
            <time datetime=${entry.at} title=${absoluteTime(entry.at, t)}>${relativeTime(entry.at, this.now(), t)}</time>
            <span class="sentence">${activitySentence(entry, snapshot.locks, t)}</span>
          </li>`,
        )}
      </ol>
    `;
  }
}

if (!customElements.get("latchkey-activity")) customElements.define("latchkey-activity", LatchkeyActivity);

declare global {
  interface HTMLElementTagNameMap {
    "latchkey-activity": LatchkeyActivity;
  }
}
