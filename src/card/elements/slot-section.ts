import { LitElement, css, html, nothing, type TemplateResult } from "lit";
import type { Snapshot } from "../../model/protocol";
import type { UnmanagedSlot } from "../../model/slot";
import type { AddonClient } from "../data/addon-client";
import { toast } from "../dom/events";
import type { Translate, TranslationKey } from "../i18n/card-translations";
import { slotKey } from "../utils/lock-utils";
import { errorMessage } from "../utils/problem-text";
import { RowFocusKeeper } from "../controllers/row-focus";
import { sharedStyles } from "./styles";

/**
 * What the held and unmanaged lists share: a titled list of lock slots waiting for an admin's
 * choice, shown to admins only, one request at a time, and focus kept in place when a slot
 * the person acted on goes away.
 *
 * @fires hass-notification - {message} when a request fails
 * @fires focus-lost - (not bubbling) the last slot went away and its button had focus
 */
export abstract class SlotSection<Slot extends UnmanagedSlot> extends LitElement {
  static override properties = {
    snapshot: { attribute: false },
    client: { attribute: false },
    t: { attribute: false },
    busy: { state: true },
  };

  static override styles = [
    sharedStyles,
    css`
      h2 { padding: 8px 16px 0; }
      li { padding: 8px 16px; border-bottom: 1px solid var(--divider-color, #e0e0e0); }
      .slot { flex: 1; --dot-color: var(--warning-color, #ffa600); }
    `,
  ];

  snapshot?: Snapshot;
  client?: AddonClient;
  /** Set by the card, which loads the person's texts before it renders its parts. */
  t!: Translate;
  protected busy = false;
  protected readonly rowFocus = new RowFocusKeeper(
    this,
    () => (this.snapshot ? this.slots(this.snapshot).map(slotKey) : []),
    (row) => this.renderRoot.querySelectorAll<HTMLElement>(`li .${this.firstButton}`)[row] ?? null,
  );

  /** The section's id (for its heading) and the key of its title. */
  protected abstract readonly section: { id: string; title: TranslationKey };
  /** The class of each row's first button, where focus goes when a row is replaced. */
  protected abstract readonly firstButton: string;
  protected abstract slots(snapshot: Snapshot): Slot[];
  protected abstract renderSlot(slot: Slot, row: number, snapshot: Snapshot): TemplateResult;

  override render() {
    const snapshot = this.snapshot;
    const slots = snapshot?.user.isAdmin ? this.slots(snapshot) : [];
    if (!snapshot || slots.length === 0) return nothing;
    const { id, title } = this.section;
    return html`<section aria-labelledby="${id}-title">
      <h2 id="${id}-title">${this.t(title)}</h2>
      <ul>${slots.map((slot, row) => this.renderSlot(slot, row, snapshot))}</ul>
    </section>`;
  }

  /**
   * Sends one request for the slot in `row`; on success the slot is expected to leave the list
   * and the toast `done` is shown, on failure the add-on's reason. Returns whether it succeeded.
   */
  protected async act(
    slot: Slot,
    row: number,
    send: (client: AddonClient) => Promise<unknown>,
    done: string,
  ): Promise<boolean> {
    const client = this.client;
    if (!client) return false;
    this.busy = true;
    try {
      await send(client);
      this.rowFocus.expectRemoval(slotKey(slot), row);
      toast(this, done);
      return true;
    } catch (error) {
      toast(this, errorMessage(error, this.t));
      return false;
    } finally {
      this.busy = false;
    }
  }
}
