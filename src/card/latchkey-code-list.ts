import { LitElement, html, nothing } from "lit";
import type { Snapshot } from "../model/protocol";
import type { AddonClient } from "./data/addon-client";
import { translator, type Translate } from "./i18n";
import { sharedStyles } from "./styles";

/** Placeholder until the codes view lands. */
export class LatchkeyCodeList extends LitElement {
  static override properties = {
    snapshot: { attribute: false },
    client: { attribute: false },
    t: { attribute: false },
  };

  snapshot?: Snapshot;
  client?: AddonClient;
  t: Translate = translator("en");

  static override styles = [sharedStyles];

  override render() {
    if (!this.snapshot) return nothing;
    return html`<p class="notice">${this.snapshot.codes.length === 0 ? this.t("codes.none") : this.snapshot.codes.map((c) => c.name).join(", ")}</p>`;
  }
}

if (!customElements.get("latchkey-code-list")) customElements.define("latchkey-code-list", LatchkeyCodeList);
