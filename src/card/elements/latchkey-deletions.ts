import { LitElement, css, html, nothing } from "lit";
import type { Snapshot } from "../../model/protocol";
import type { Translate } from "../i18n/card-translations";
import { deletionChips, type DeletedCode } from "../utils/deletion-utils";
import { chipList } from "./chips";
import { chipStyles, sharedStyles } from "./styles";

/**
 * Codes just deleted, while Latchkey empties their slots: each lock says "removing", then
 * "removed" (or why not yet). The code list drops a deletion once it is done.
 */
export class LatchkeyDeletions extends LitElement {
  static override properties = {
    deleted: { attribute: false },
    snapshot: { attribute: false },
    t: { attribute: false },
  };

  deleted: DeletedCode[] = [];
  snapshot?: Snapshot;
  /** Set by the card, which loads the person's texts before it renders its parts. */
  t!: Translate;

  static override styles = [
    sharedStyles,
    chipStyles,
    css`
      li { padding: 8px 16px; border-bottom: 1px solid var(--divider-color, #e0e0e0); color: var(--secondary-text-color); }
    `,
  ];

  override render() {
    const snapshot = this.snapshot;
    if (!snapshot || this.deleted.length === 0) return nothing;
    return html`<ul role="status">
      ${this.deleted.map(
        (deleted) => html`<li class="deleting" data-code=${deleted.codeId}>
          <span>${this.t("codes.removing", { name: deleted.name })}</span>
          ${chipList(deletionChips(deleted, snapshot), this.t)}
        </li>`,
      )}
    </ul>`;
  }
}

if (!customElements.get("latchkey-deletions")) customElements.define("latchkey-deletions", LatchkeyDeletions);

declare global {
  interface HTMLElementTagNameMap {
    "latchkey-deletions": LatchkeyDeletions;
  }
}
