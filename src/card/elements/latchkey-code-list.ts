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
import { sharedStyles } from "./styles";
import { chipTitle, lockChips, syncKey } from "../utils/sync-utils";
import { loadElement, type ElementModule } from "../dom/lazy-element";

// Only admins open these, and not on every visit: each is a chunk of its own.
const codeEditorModule: ElementModule = () => import("./latchkey-code-editor");
const shareFormModule: ElementModule = () => import("./latchkey-share-form");

const REVEAL_MS = 10_000;

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
    revealed: { state: true },
    sharing: { state: true },
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
  private revealed = new Map<string, string>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  static override styles = [
    sharedStyles,
    css`
      header { display: flex; align-items: center; justify-content: space-between; padding: 8px 16px 0; }
      li.code { padding: 8px 16px; border-bottom: 1px solid var(--divider-color, #e0e0e0); }
      li.code.disabled .name { color: var(--secondary-text-color); text-decoration: line-through; }
      .name { font-weight: 500; }
      .pin { font-family: monospace; font-size: 1.2em; letter-spacing: 0.15em; }
      .chips { display: flex; flex-wrap: wrap; gap: 4px; margin: 4px 0; }
      .chip { font-size: 0.8em; padding: 2px 8px; border-radius: 10px; background: var(--secondary-background-color, #eee); }
      .chip.synced { --dot-color: var(--success-color, #43a047); }
      .chip.failed { --dot-color: var(--error-color); }
      .chip.waiting, .chip.unverified, .chip.pending, .chip.syncing { --dot-color: var(--warning-color, #ffa600); }
      .badge { font-size: 0.8em; color: var(--secondary-text-color); }
      .rules { font-size: 0.85em; color: var(--secondary-text-color); }
    `,
  ];

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.revealed = new Map();
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
    const pin = this.revealed.get(code.id);
    return html`<li class="code ${code.enabled ? "" : "disabled"}" data-code=${code.id}>
      <div class="row">
        <span class="name">${code.name}</span>
        ${code.enabled ? nothing : html`<span class="badge">${this.t("codes.disabled")}</span>`}
        ${
          pin === undefined
            ? nothing
            : html`<span class="pin" aria-label=${this.t("editor.pin")}>${pin}</span>
              <button class="copy" @click=${() => void this.copy(pin)}>${this.t("codes.copy")}</button>`
        }
      </div>
      ${rulesLine(code, this.t)}
      <div class="chips">
        ${lockChips(code, snapshot).map(
          (chip) =>
            html`<span class="chip dot ${chip.state}" data-lock=${chip.lockId} title=${chipTitle(chip, this.t)}>${chip.lockName} · ${this.t(syncKey(chip.state))}</span>`,
        )}
      </div>
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
      <button class="reveal" @click=${() => void this.reveal(code)}>${this.t("codes.reveal")}</button>
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
    this.whenLoaded("latchkey-code-editor", codeEditorModule, () => {
      this.editing = code;
    });
  }

  private toggleShare(codeId: string): void {
    if (this.sharing === codeId) this.sharing = null;
    else
      this.whenLoaded("latchkey-share-form", shareFormModule, () => {
        this.sharing = codeId;
      });
  }

  /** Opens a part at once when it is loaded, else once its chunk arrived; says so when it cannot. */
  private whenLoaded(tag: string, module: ElementModule, open: () => void): void {
    const loading = loadElement(tag, module);
    if (!loading) {
      open();
      return;
    }
    loading.then(open, (error: unknown) => {
      console.error(`Latchkey could not load ${tag}`, error);
      toast(this, this.t("common.load_failed"));
    });
  }

  private async reveal(code: PublicCode): Promise<void> {
    const client = this.client;
    if (!client) return;
    try {
      const pin = await client.reveal(code.id);
      this.revealed = new Map(this.revealed).set(code.id, pin);
      clearTimeout(this.timers.get(code.id));
      this.timers.set(
        code.id,
        setTimeout(() => {
          const next = new Map(this.revealed);
          next.delete(code.id);
          this.revealed = next;
          this.timers.delete(code.id);
        }, REVEAL_MS),
      );
    } catch (error) {
      toast(this, errorMessage(error, this.t));
    }
  }

  /** The Clipboard API exists only on https (or localhost); elsewhere the PIN stays selectable. */
  private async copy(pin: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(pin);
      toast(this, this.t("codes.copied"));
    } catch {
      toast(this, this.t("codes.copy_failed"));
    }
  }

  private async deleteCode(code: PublicCode): Promise<void> {
    this.deleting = null;
    if (await this.run(() => this.client?.request("codes/delete", { codeId: code.id }))) {
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
