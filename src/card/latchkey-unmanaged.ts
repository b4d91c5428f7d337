import { LitElement, css, html, nothing } from "lit";
import type { Snapshot } from "../model/protocol";
import { MAX_NAME_LENGTH } from "../model/code";
import type { UnmanagedSlot } from "../model/slot";
import { lockName } from "./activity-utils";
import { slotKey } from "./lock-utils";
import type { AddonClient } from "./data/addon-client";
import { toast } from "./events";
import { focusAfterRender } from "./focus";
import type { Translate } from "./i18n";
import { errorMessage } from "./problem-text";
import { RowFocusKeeper } from "./row-focus";
import { sharedStyles } from "./styles";

/**
 * Slots holding a PIN that Latchkey did not set (added at the keypad or by another tool).
 * Admins can adopt one as a named code or clear it; everybody else sees nothing.
 *
 * @fires hass-notification - {message} after adopting, clearing or a failed request
 * @fires focus-lost - (not bubbling) the last slot was adopted or cleared and its button had focus
 */
export class LatchkeyUnmanaged extends LitElement {
  static override properties = {
    snapshot: { attribute: false },
    client: { attribute: false },
    t: { attribute: false },
    adopting: { state: true },
    clearing: { state: true },
    busy: { state: true },
  };

  snapshot?: Snapshot;
  client?: AddonClient;
  /** Set by the card, which loads the person's texts before it renders its parts. */
  t!: Translate;
  /** The slot whose name form is open. */
  private adopting: string | null = null;
  /** The slot waiting for the person to confirm clearing it. */
  private clearing: string | null = null;
  private busy = false;
  private readonly rowFocus = new RowFocusKeeper(
    this,
    () => this.snapshot?.unmanaged.map(slotKey) ?? [],
    (row) => this.renderRoot.querySelectorAll<HTMLElement>("li button.adopt")[row] ?? null,
  );

  static override styles = [
    sharedStyles,
    css`
      h2 { margin: 0; padding: 8px 16px 0; font-size: 1.1em; font-weight: 500; }
      ul { list-style: none; margin: 0; padding: 0; }
      li { padding: 8px 16px; border-bottom: 1px solid var(--divider-color, #e0e0e0); }
      .where { flex: 1; --dot-color: var(--warning-color, #ffa600); }
      input { font: inherit; min-height: 36px; color: inherit; background: transparent; border: 1px solid var(--divider-color, #ccc); border-radius: 4px; padding: 0 8px; }
    `,
  ];

  override render() {
    const snapshot = this.snapshot;
    if (!snapshot?.user.isAdmin || snapshot.unmanaged.length === 0) return nothing;
    return html`<section aria-labelledby="unmanaged-title">
      <h2 id="unmanaged-title">${this.t("unmanaged.title")}</h2>
      <ul>${snapshot.unmanaged.map((slot, row) => this.renderSlot(slot, row, lockName(slot.lockId, snapshot.locks, this.t)))}</ul>
    </section>`;
  }

  private renderSlot(slot: UnmanagedSlot, row: number, lock: string) {
    const key = slotKey(slot);
    const { t } = this;
    return html`<li data-slot=${key}>
      <div class="row">
        <span class="where dot">${t("unmanaged.slot", { lock, slot: slot.slot })}</span>
        <button class="adopt" ?disabled=${this.busy} @click=${() => { this.open(key, "adopting", "form input"); }}>${t("unmanaged.adopt")}</button>
        <button class="danger clear" ?disabled=${this.busy} @click=${() => { this.open(key, "clearing", '[role="alertdialog"] button.cancel'); }}>${t("unmanaged.clear")}</button>
      </div>
      ${this.adopting === key
        ? html`<form class="row" @submit=${(e: Event) => { e.preventDefault(); void this.adopt(slot, row, e.target); }}>
            <input name="name" required maxlength=${MAX_NAME_LENGTH} autocomplete="off" aria-label=${t("editor.name")} placeholder=${t("editor.name")} />
            <button class="primary save" type="submit" ?disabled=${this.busy}>${t("common.save")}</button>
            <button class="cancel" type="button" @click=${() => { this.adopting = null; focusAfterRender(this, `li[data-slot="${key}"] button.adopt`); }}>${t("common.cancel")}</button>
          </form>`
        : nothing}
      ${this.clearing === key
        ? html`<div class="row" role="alertdialog" aria-label=${t("unmanaged.confirm_clear", { lock, slot: slot.slot })}>
            <span>${t("unmanaged.confirm_clear", { lock, slot: slot.slot })}</span>
            <button class="cancel" @click=${() => { this.clearing = null; focusAfterRender(this, `li[data-slot="${key}"] button.clear`); }}>${t("common.cancel")}</button>
            <button class="danger confirm-clear" ?disabled=${this.busy} @click=${() => void this.clear(slot, row, lock)}>${t("unmanaged.clear")}</button>
          </div>`
        : nothing}
    </li>`;
  }

  /** Shows the slot's name form or its confirmation (one at a time) and moves focus into it. */
  private open(key: string, what: "adopting" | "clearing", focus: string): void {
    this.adopting = what === "adopting" ? key : null;
    this.clearing = what === "clearing" ? key : null;
    focusAfterRender(this, `li[data-slot="${key}"] ${focus}`);
  }

  private async adopt(slot: UnmanagedSlot, row: number, form: EventTarget | null): Promise<void> {
    if (!(form instanceof HTMLFormElement)) return;
    const value = new FormData(form).get("name");
    const name = typeof value === "string" ? value.trim() : "";
    if (!name) return;
    if (await this.run((client) => client.request("unmanaged/adopt", { lockId: slot.lockId, slot: slot.slot, name }))) {
      this.adopting = null;
      this.rowFocus.expectRemoval(slotKey(slot), row);
      toast(this, this.t("unmanaged.adopted", { name }));
    }
  }

  private async clear(slot: UnmanagedSlot, row: number, lock: string): Promise<void> {
    if (await this.run((client) => client.request("unmanaged/clear", { lockId: slot.lockId, slot: slot.slot }))) {
      this.clearing = null;
      this.rowFocus.expectRemoval(slotKey(slot), row);
      toast(this, this.t("unmanaged.cleared", { lock, slot: slot.slot }));
    }
  }

  /** One request at a time; failures become a toast. Returns whether it succeeded. */
  private async run(action: (client: AddonClient) => Promise<unknown>): Promise<boolean> {
    const client = this.client;
    if (!client) return false;
    this.busy = true;
    try {
      await action(client);
      return true;
    } catch (error) {
      toast(this, errorMessage(error, this.t));
      return false;
    } finally {
      this.busy = false;
    }
  }
}

if (!customElements.get("latchkey-unmanaged")) customElements.define("latchkey-unmanaged", LatchkeyUnmanaged);

declare global {
  interface HTMLElementTagNameMap {
    "latchkey-unmanaged": LatchkeyUnmanaged;
  }
}
