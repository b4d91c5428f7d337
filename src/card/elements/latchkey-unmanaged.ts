import { html, nothing } from "lit";
import type { Snapshot } from "../../model/protocol";
import { MAX_NAME_LENGTH } from "../../model/code";
import type { UnmanagedSlot } from "../../model/slot";
import { lockName } from "../utils/activity-utils";
import { slotKey } from "../utils/lock-utils";
import { focusAfterRender } from "../dom/focus";
import { SlotSection } from "./slot-section";

/**
 * Slots holding a PIN that Latchkey did not set (added at the keypad or by another tool).
 * Admins can adopt one as a named code or clear it; everybody else sees nothing.
 *
 * @fires hass-notification - {message} after adopting, clearing or a failed request
 * @fires focus-lost - (not bubbling) the last slot was adopted or cleared and its button had focus
 */
export class LatchkeyUnmanaged extends SlotSection<UnmanagedSlot> {
  static override properties = {
    ...SlotSection.properties,
    adopting: { state: true },
    clearing: { state: true },
  };

  protected readonly section = { id: "unmanaged", title: "unmanaged.title" } as const;
  protected readonly firstButton = "adopt";
  /** The slot whose name form is open. */
  private adopting: string | null = null;
  /** The slot waiting for the person to confirm clearing it. */
  private clearing: string | null = null;

  protected slots(snapshot: Snapshot): UnmanagedSlot[] {
    return snapshot.unmanaged;
  }

  protected renderSlot(slot: UnmanagedSlot, row: number, snapshot: Snapshot) {
    const key = slotKey(slot);
    const lock = lockName(slot.lockId, snapshot.locks, this.t);
    const { t } = this;
    return html`<li data-slot=${key}>
      <div class="row">
        <span class="slot where dot">${t("unmanaged.slot", { lock, slot: slot.slot })}</span>
        <button class="adopt" ?disabled=${this.busy} @click=${() => {
          this.open(key, "adopting", "form input");
        }}>${t("unmanaged.adopt")}</button>
        <button class="danger clear" ?disabled=${this.busy} @click=${() => {
          this.open(key, "clearing", '[role="alertdialog"] button.cancel');
        }}>${t("unmanaged.clear")}</button>
      </div>
      ${
        this.adopting === key
          ? html`<form class="row" @submit=${(e: Event) => {
              e.preventDefault();
              void this.adopt(slot, row, e.target);
            }}>
            <input name="name" required maxlength=${MAX_NAME_LENGTH} autocomplete="off" aria-label=${t("editor.name")} placeholder=${t("editor.name")} />
            <button class="primary save" type="submit" ?disabled=${this.busy}>${t("common.save")}</button>
            <button class="cancel" type="button" @click=${() => {
              this.adopting = null;
              focusAfterRender(this, `li[data-slot="${key}"] button.adopt`);
            }}>${t("common.cancel")}</button>
          </form>`
          : nothing
      }
      ${
        this.clearing === key
          ? html`<div class="row" role="alertdialog" aria-label=${t("unmanaged.confirm_clear", { lock, slot: slot.slot })}>
            <span>${t("unmanaged.confirm_clear", { lock, slot: slot.slot })}</span>
            <button class="cancel" @click=${() => {
              this.clearing = null;
              focusAfterRender(this, `li[data-slot="${key}"] button.clear`);
            }}>${t("common.cancel")}</button>
            <button class="danger confirm-clear" ?disabled=${this.busy} @click=${() => void this.clear(slot, row, lock)}>${t("unmanaged.clear")}</button>
          </div>`
          : nothing
      }
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
    const request = { lockId: slot.lockId, slot: slot.slot, name };
    if (
      await this.act(
        slot,
        row,
        (client) => client.request("unmanaged/adopt", request),
        this.t("unmanaged.adopted", { name }),
      )
    )
      this.adopting = null;
  }

  private async clear(slot: UnmanagedSlot, row: number, lock: string): Promise<void> {
    const request = { lockId: slot.lockId, slot: slot.slot };
    if (
      await this.act(
        slot,
        row,
        (client) => client.request("unmanaged/clear", request),
        this.t("unmanaged.cleared", { lock, slot: slot.slot }),
      )
    )
      this.clearing = null;
  }
}

if (!customElements.get("latchkey-unmanaged")) customElements.define("latchkey-unmanaged", LatchkeyUnmanaged);

declare global {
  interface HTMLElementTagNameMap {
    "latchkey-unmanaged": LatchkeyUnmanaged;
  }
}
