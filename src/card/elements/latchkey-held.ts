import { css, html } from "lit";
import type { Snapshot } from "../../model/protocol";
import type { HeldSlot, HoldReason } from "../../model/slot";
import { lockName } from "../utils/activity-utils";
import { SlotSection } from "./slot-section";

/** What a held slot says, by why it is held. */
const HELD_TEXTS = {
  changed_at_lock: "held.changed",
  removed_at_lock: "held.removed",
  changed_in_ha: "held.changed_in_ha",
  removed_in_ha: "held.removed_in_ha",
  codes_lost: "held.lost",
} as const satisfies Record<HoldReason, string>;

/**
 * Slots someone changed outside Latchkey: at a lock's own keypad, or through Home Assistant
 * (its Manage access dialog, an automation). Latchkey writes nothing there until an admin
 * chooses: keep what the lock now has (the code leaves that lock) or restore Latchkey's code.
 * Codes a lock lost on its own (a battery swap, a reset) are refilled with one tap, the whole
 * lock at once.
 *
 * @fires hass-notification - {message} after the choice or a failed request
 * @fires focus-lost - (not bubbling) the last slot was resolved and its button had focus
 */
export class LatchkeyHeld extends SlotSection<HeldSlot> {
  static override styles = [...SlotSection.styles, css`.what { flex-basis: 100%; }`];

  protected readonly section = { id: "held", title: "held.title" } as const;
  protected readonly firstButton = "keep-lock";

  protected slots(snapshot: Snapshot): HeldSlot[] {
    return snapshot.held;
  }

  protected renderSlot(held: HeldSlot, row: number, snapshot: Snapshot) {
    const code = snapshot.codes.find((c) => c.id === held.codeId)?.name ?? "?";
    const vars = { code, lock: lockName(held.lockId, snapshot.locks, this.t), slot: held.slot };
    return html`<li class="row" data-lock=${held.lockId} data-slot=${held.slot}>
      <span class="slot what dot">${this.t(HELD_TEXTS[held.reason], vars)}</span>
      <button class="keep-lock" ?disabled=${this.busy} @click=${() => void this.resolve(held, row, "lock")}>${this.t("held.keep_lock")}</button>
      ${
        held.reason === "codes_lost"
          ? html`<button class="primary refill" ?disabled=${this.busy} @click=${() => void this.refill(held, row, vars.lock)}>${this.t("held.refill", vars)}</button>`
          : html`<button class="primary restore" ?disabled=${this.busy} @click=${() => void this.resolve(held, row, "latchkey")}>${this.t("held.restore", { code })}</button>`
      }
    </li>`;
  }

  private refill(held: HeldSlot, row: number, lock: string): Promise<boolean> {
    return this.act(
      held,
      row,
      (client) => client.request("held/refill", { lockId: held.lockId }),
      this.t("held.refilling", { lock }),
    );
  }

  private resolve(held: HeldSlot, row: number, keep: "lock" | "latchkey"): Promise<boolean> {
    return this.act(
      held,
      row,
      (client) => client.request("held/resolve", { lockId: held.lockId, slot: held.slot, keep }),
      this.t("held.done"),
    );
  }
}

if (!customElements.get("latchkey-held")) customElements.define("latchkey-held", LatchkeyHeld);

declare global {
  interface HTMLElementTagNameMap {
    "latchkey-held": LatchkeyHeld;
  }
}
