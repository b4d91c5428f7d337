import { LitElement, css, html, nothing } from "lit";
import type { Snapshot } from "../model/protocol";
import type { HeldSlot } from "../model/slot";
import { lockName } from "./activity-utils";
import { slotKey } from "./lock-utils";
import type { AddonClient } from "./data/addon-client";
import { toast } from "./events";
import type { Translate } from "./i18n";
import { errorMessage } from "./problem-text";
import { RowFocusKeeper } from "./row-focus";
import { sharedStyles } from "./styles";

/**
 * Slots someone changed at a lock's own keypad. Latchkey writes nothing there until an admin
 * chooses: keep what the lock now has (the code leaves that lock) or restore Latchkey's code.
 *
 * @fires hass-notification - {message} after the choice or a failed request
 * @fires focus-lost - (not bubbling) the last slot was resolved and its button had focus
 */
export class LatchkeyHeld extends LitElement {
  static override properties = {
    snapshot: { attribute: false },
    client: { attribute: false },
    t: { attribute: false },
    busy: { state: true },
  };

  snapshot?: Snapshot;
  client?: AddonClient;
  /** Set by the card, which loads the person's texts before it renders its parts. */
  t!: Translate;
  private busy = false;
  private readonly rowFocus = new RowFocusKeeper(
    this,
    () => this.snapshot?.held.map(slotKey) ?? [],
    (row) => this.renderRoot.querySelectorAll<HTMLElement>("li button.keep-lock")[row] ?? null,
  );

  static override styles = [
    sharedStyles,
    css`
      h2 { margin: 0; padding: 8px 16px 0; font-size: 1.1em; font-weight: 500; }
      ul { list-style: none; margin: 0; padding: 0; }
      li { padding: 8px 16px; border-bottom: 1px solid var(--divider-color, #e0e0e0); }
      .what { flex: 1 1 100%; --dot-color: var(--warning-color, #ffa600); }
    `,
  ];

  override render() {
    const snapshot = this.snapshot;
    if (!snapshot?.user.isAdmin || snapshot.held.length === 0) return nothing;
    return html`<section aria-labelledby="held-title">
      <h2 id="held-title">${this.t("held.title")}</h2>
      <ul>${snapshot.held.map((held, row) => this.renderHeld(held, row, snapshot))}</ul>
    </section>`;
  }

  private renderHeld(held: HeldSlot, row: number, snapshot: Snapshot) {
    const code = snapshot.codes.find((c) => c.id === held.codeId)?.name ?? "?";
    const vars = { code, lock: lockName(held.lockId, snapshot.locks, this.t), slot: held.slot };
    return html`<li class="row" data-lock=${held.lockId} data-slot=${held.slot}>
      <span class="what dot">${this.t(held.reason === "removed_at_lock" ? "held.removed" : "held.changed", vars)}</span>
      <button class="keep-lock" ?disabled=${this.busy} @click=${() => void this.resolve(held, row, "lock")}>${this.t("held.keep_lock")}</button>
      <button class="primary restore" ?disabled=${this.busy} @click=${() => void this.resolve(held, row, "latchkey")}>${this.t("held.restore", { code })}</button>
    </li>`;
  }

  private async resolve(held: HeldSlot, row: number, keep: "lock" | "latchkey"): Promise<void> {
    if (!this.client) return;
    this.busy = true;
    try {
      await this.client.request("held/resolve", { lockId: held.lockId, slot: held.slot, keep });
      this.rowFocus.expectRemoval(slotKey(held), row);
      toast(this, this.t("held.done"));
    } catch (error) {
      toast(this, errorMessage(error, this.t));
    } finally {
      this.busy = false;
    }
  }
}

if (!customElements.get("latchkey-held")) customElements.define("latchkey-held", LatchkeyHeld);

declare global {
  interface HTMLElementTagNameMap {
    "latchkey-held": LatchkeyHeld;
  }
}
