import { html } from "lit";
import type { Translate } from "../i18n/card-translations";
import { chipTitle, syncKey, type LockChip } from "../utils/sync-utils";

/** A code's locks as chips ("Front door · synced"); styled by `chipStyles`. */
export function chipList(chips: readonly LockChip[], t: Translate) {
  return html`<div class="chips">
    ${chips.map(
      (chip) =>
        html`<span class="chip dot ${chip.state}" data-lock=${chip.lockId} title=${chipTitle(chip, t)}>${chip.lockName} · ${t(syncKey(chip.state))}</span>`,
    )}
  </div>`;
}
