import type { ReactiveController, ReactiveElement } from "lit";
import { fireEvent } from "../dom/events";

/**
 * For lists whose rows go away once a person acts on them (a slot adopted, cleared or
 * resolved): the row leaves with the add-on's next snapshot, and with it the button that had
 * focus, which would drop a keyboard or screen-reader user back at the top of the page. This
 * puts focus on the row now in its place (else the new last row) and, when no row is left,
 * fires `focus-lost` so the card can move focus on.
 */
export class RowFocusKeeper implements ReactiveController {
  private leaving: { key: string; index: number } | null = null;

  constructor(
    private readonly host: ReactiveElement,
    /** The keys of the rows shown now, in order. */
    private readonly keys: () => readonly string[],
    /** Where focus goes in a row: its first control. */
    private readonly controlIn: (row: number) => HTMLElement | null,
  ) {
    host.addController(this);
  }

  /** The row at `index` was resolved and will go away; its snapshot may already be here. */
  expectRemoval(key: string, index: number): void {
    this.leaving = { key, index };
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    const leaving = this.leaving;
    const keys = this.keys();
    if (!leaving || keys.includes(leaving.key)) return;
    this.leaving = null;
    // The person may have moved on meanwhile; only focus that fell to the page is put back.
    const active = document.activeElement;
    if (active !== null && active !== document.body) return;
    const target = keys.length > 0 ? this.controlIn(Math.min(leaving.index, keys.length - 1)) : null;
    if (target) target.focus();
    else fireEvent(this.host, "focus-lost");
  }
}
