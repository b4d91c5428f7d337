import { LitElement, css, html, nothing } from "lit";
import type { PublicCode } from "../../model/code";
import { MAX_CODES } from "../../model/limits";
import type { Snapshot } from "../../model/protocol";
import type { AddonClient } from "../data/addon-client";
import { toast } from "../dom/events";
import { focusAfterRender } from "../dom/focus";
import type { Translate } from "../i18n/card-translations";
import { errorMessage } from "../utils/problem-text";
import { summarizeRules } from "../utils/rules-utils";
import { chipStyles, sharedStyles } from "./styles";
import { lockChips } from "../utils/sync-utils";
import { chipList } from "./chips";
import { copyText } from "../dom/clipboard";
import { deletionDone, type DeletedCode } from "../utils/deletion-utils";
import { openWhenLoaded, type ElementModule } from "../dom/lazy-element";
import { PinReveal } from "../controllers/pin-reveal";
import "./latchkey-deletions";

// Only admins open these, and not on every visit: each is a chunk of its own.
const codeEditorModule: ElementModule = () => import("./latchkey-code-editor");
const shareFormModule: ElementModule = () => import("./latchkey-share-form");

/** "Mon–Fri 08:00–17:00 · until 12 Dec · 2 uses left", or nothing for an always-on code. */
function rulesLine(code: PublicCode, t: Translate) {
  const summary = summarizeRules(code.rules, t, { uses: code.uses });
  return summary ? html`<div class="rules">${summary}</div>` : nothing;
}

/**
 * The codes from the add-on's snapshot with their per-lock sync state. Admins get add, edit,
 * enable/disable, delete and reveal; everybody else sees the list only.
 *
 * @fires hass-notification - {message} after a change or a failed request
 */
export class LatchkeyCodeList extends LitElement {
  static override properties = {
    snapshot: { attribute: false },
    client: { attribute: false },
    t: { attribute: false },
    editing: { state: true },
    deleting: { state: true },
    services: { attribute: false },
    sharing: { state: true },
    deleted: { state: true },
  };

  snapshot?: Snapshot;
  client?: AddonClient;
  /** Set by the card, which loads the person's texts before it renders its parts. */
  t!: Translate;
  /** Notify services a code can be sent with. */
  services: string[] = [];
  /** The code whose share form is open. */
  private sharing: string | null = null;
  /** The code in the editor: null for a new one, undefined when the editor is closed. */
  private editing: PublicCode | null | undefined = undefined;
  private deleting: string | null = null;
  /** Codes deleted in this card whose slots are still being emptied. */
  private deleted: DeletedCode[] = [];
  private readonly revealed = new PinReveal(this);

  static override styles = [
    sharedStyles,
    chipStyles,
    css`
      header { display: flex; align-items: center; justify-content: space-between; padding: 8px 16px 0; }
      li.code { padding: 8px 16px; border-bottom: 1px solid var(--divider-color, #e0e0e0); }
      li.code.disabled .name { color: var(--secondary-text-color); text-decoration: line-through; }
      .name { font-weight: var(--ha-font-weight-medium, 500); }
      .pin { font-family: var(--ha-font-family-code, monospace); font-size: 1.2em; letter-spacing: 0.15em; }
      .countdown { font-size: 0.85em; color: var(--secondary-text-color); }
      .badge { font-size: 0.8em; color: var(--secondary-text-color); }
      .rules { font-size: 0.85em; color: var(--secondary-text-color); }
    `,
  ];

  protected override willUpdate(): void {
    const snapshot = this.snapshot;
    if (!snapshot || this.deleted.length === 0) return;
    const done = this.deleted.filter((d) => deletionDone(d, snapshot));
    if (done.length === 0) return;
    this.deleted = this.deleted.filter((d) => !done.includes(d));
    for (const d of done) toast(this, this.t("codes.removed", { name: d.name }));
  }

  override render() {
    const snapshot = this.snapshot;
    if (!snapshot) return nothing;
    const admin = snapshot.user.isAdmin;
    return html`
      <header>
        <h2>${this.t("codes.title")}</h2>
        ${
          admin && snapshot.codes.length >= MAX_CODES
            ? html`<p class="hint codes-limit">${this.t("codes.limit", { max: MAX_CODES })}</p>`
            : admin
              ? html`<button class="primary add" @click=${() => {
                  this.openEditor(null);
                }}>${this.t("codes.add")}</button>`
              : nothing
        }
      </header>
      ${
        snapshot.codes.length === 0
          ? html`<p class="notice">${this.t("codes.none")}</p>`
          : html`<ul>${snapshot.codes.map((code) => this.renderCode(code, snapshot, admin))}</ul>`
      }
      <latchkey-deletions .deleted=${this.deleted} .snapshot=${snapshot} .t=${this.t}></latchkey-deletions>
      ${
        admin && this.editing !== undefined && this.client
          ? html`<latchkey-code-editor
            .code=${this.editing}
            .locks=${snapshot.locks}
            .codes=${snapshot.codes}
            .client=${this.client}
            .services=${this.services}
            .t=${this.t}
            @editor-closed=${() => {
              this.closeEditor();
            }}
          ></latchkey-code-editor>`
          : nothing
      }
    `;
  }

  private renderCode(code: PublicCode, snapshot: Snapshot, admin: boolean) {
    const pin = this.revealed.pin(code.id);
    // An add-on from before offLocks still says which codes are disabled.
    const off = snapshot.offLocks[code.id] ?? (code.enabled ? undefined : "disabled");
    return html`<li class="code ${code.enabled ? "" : "disabled"}" data-code=${code.id}>
      <div class="row">
        <span class="name">${code.name}</span>
        ${off === undefined ? nothing : html`<span class="badge">${this.t(`codes.off_${off}`)}</span>`}
        ${
          pin === undefined
            ? nothing
            : html`<span class="pin" aria-label=${this.t("editor.pin")}>${pin}</span>
              <button class="copy" @click=${() => void this.copy(pin)}>${this.t("codes.copy")}</button>
              <span class="countdown" role="timer">${this.t("codes.hides_in", { n: this.revealed.secondsLeft(code.id) })}</span>`
        }
      </div>
      ${rulesLine(code, this.t)}
      ${chipList(lockChips(code, snapshot), this.t)}
      ${admin ? this.renderActions(code) : nothing}
      ${
        admin && this.sharing === code.id
          ? html`<latchkey-share-form
            .code=${code}
            .client=${this.client}
            .services=${this.services}
            .lockNames=${code.lockIds.map((id) => snapshot.locks.find((l) => l.id === id)?.name ?? id)}
            .t=${this.t}
            @share-closed=${() => {
              this.sharing = null;
              focusAfterRender(this, `li[data-code="${code.id}"] button.share`);
            }}
          ></latchkey-share-form>`
          : nothing
      }
    </li>`;
  }

  private renderActions(code: PublicCode) {
    if (this.deleting === code.id) {
      return html`<div class="row" role="alertdialog" aria-label=${this.t("codes.confirm_delete", { name: code.name })}>
        <span>${this.t("codes.confirm_delete", { name: code.name })}</span>
        <button class="cancel" @click=${() => {
          this.deleting = null;
          focusAfterRender(this, `li[data-code="${code.id}"] button.delete`);
        }}>${this.t("common.cancel")}</button>
        <button class="danger confirm-delete" @click=${() => void this.deleteCode(code)}>${this.t("common.delete")}</button>
      </div>`;
    }
    return html`<div class="row actions">
      ${
        this.revealed.pin(code.id) === undefined
          ? html`<button class="reveal" @click=${() => void this.reveal(code)}>${this.t("codes.reveal")}</button>`
          : html`<button class="reveal" @click=${() => {
              this.revealed.hide(code.id);
            }}>${this.t("codes.hide")}</button>`
      }
      <button class="share" aria-expanded=${this.sharing === code.id ? "true" : "false"} @click=${() => {
        this.toggleShare(code.id);
      }}>${this.t("share.open")}</button>
      <button class="edit" @click=${() => {
        this.openEditor(code);
      }}>${this.t("codes.edit")}</button>
      <button class="toggle" @click=${() => void this.run(() => this.client?.request("codes/set_enabled", { codeId: code.id, enabled: !code.enabled }))}>
        ${this.t(code.enabled ? "codes.disable" : "codes.enable")}
      </button>
      <button class="danger delete" @click=${() => {
        this.deleting = code.id;
        focusAfterRender(this, `li[data-code="${code.id}"] [role="alertdialog"] button.cancel`);
      }}>${this.t("common.delete")}</button>
    </div>`;
  }

  /** Back to the button that opened the editor: Add, or the code's Edit. */
  private closeEditor(): void {
    const opener = this.editing ? `li[data-code="${this.editing.id}"] button.edit` : "button.add";
    this.editing = undefined;
    focusAfterRender(this, opener);
  }

  private openEditor(code: PublicCode | null): void {
    openWhenLoaded(
      this,
      "latchkey-code-editor",
      codeEditorModule,
      () => {
        this.editing = code;
      },
      this.t("common.load_failed"),
    );
  }

  private toggleShare(codeId: string): void {
    if (this.sharing === codeId) this.sharing = null;
    else
      openWhenLoaded(
        this,
        "latchkey-share-form",
        shareFormModule,
        () => {
          this.sharing = codeId;
        },
        this.t("common.load_failed"),
      );
  }

  private async reveal(code: PublicCode): Promise<void> {
    const client = this.client;
    if (!client) return;
    try {
      this.revealed.show(code.id, await client.reveal(code.id));
    } catch (error) {
      toast(this, errorMessage(error, this.t));
    }
  }

  /** Where the browser refuses (no https), the PIN stays on screen to select. */
  private async copy(pin: string): Promise<void> {
    toast(this, this.t((await copyText(pin)) ? "codes.copied" : "codes.copy_failed"));
  }

  private async deleteCode(code: PublicCode): Promise<void> {
    this.deleting = null;
    if (await this.run(() => this.client?.request("codes/delete", { codeId: code.id }))) {
      this.deleted = [...this.deleted, { codeId: code.id, name: code.name, lockIds: [...code.lockIds] }];
      toast(this, this.t("codes.deleted", { name: code.name }));
      // The code's row is going away with the next snapshot; Add is the nearest steady place.
      focusAfterRender(this, "button.add");
    } else {
      focusAfterRender(this, `li[data-code="${code.id}"] button.delete`);
    }
  }

  /** Runs one request; failures become a toast. Returns whether it succeeded. */
  private async run(action: () => Promise<unknown> | undefined): Promise<boolean> {
    try {
      await action();
      return true;
    } catch (error) {
      toast(this, errorMessage(error, this.t));
      return false;
    }
  }
}

if (!customElements.get("latchkey-code-list")) customElements.define("latchkey-code-list", LatchkeyCodeList);

declare global {
  interface HTMLElementTagNameMap {
    "latchkey-code-list": LatchkeyCodeList;
  }
}
