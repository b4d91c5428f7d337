import { LitElement, css, html, nothing } from "lit";
import type { PublicCode } from "../../model/code";
import { MAX_NOTIFY_TARGETS } from "../../model/limits";
import type { Lock } from "../../model/lock";
import { generatePin } from "../../model/pin";
import type { WireIssue } from "../../model/errors";
import type { ValidationIssue } from "../../model/validate-code";
import type { AddonClient } from "../data/addon-client";
import { AddonRequestError } from "../data/addon-error";
import {
  checkDraft,
  generatedPinLength,
  notifyTargetChoices,
  toggled,
  type EditorDraft,
} from "../utils/code-editor-utils";
import { fireEvent, toast } from "../dom/events";
import { keepFocusInside } from "../dom/focus";
import type { Translate } from "../i18n/card-translations";
import { LatchkeyRulesEditor } from "./latchkey-rules-editor";
import { errorMessage, problemText } from "../utils/problem-text";
import {
  EMPTY_RULES_FORM,
  formToRules,
  rulesFormIssues,
  rulesToForm,
  type RulesForm,
} from "../utils/rules-utils";
import { sharedStyles } from "./styles";

/**
 * The add/edit dialog for one code. Checks the draft with the shared validation before it
 * sends anything; the add-on's own field issues are shown the same way.
 *
 * @fires editor-closed - (not bubbling) when the dialog is dismissed or the code was saved
 * @fires hass-notification - {message} after saving, with the add-on's warnings
 */
export class LatchkeyCodeEditor extends LitElement {
  static override properties = {
    code: { attribute: false },
    locks: { attribute: false },
    codes: { attribute: false },
    client: { attribute: false },
    t: { attribute: false },
    firstDay: { attribute: false },
    draft: { state: true },
    rulesForm: { state: true },
    notifyOnUse: { state: true },
    notifyTargets: { state: true },
    services: { attribute: false },
    touched: { state: true },
    serverIssues: { state: true },
    saving: { state: true },
  };

  /** The code being edited; null for a new one. */
  code: PublicCode | null = null;
  locks: Lock[] = [];
  codes: PublicCode[] = [];
  client?: AddonClient;
  /** Set by the card, which loads the person's texts before it renders its parts. */
  t!: Translate;
  /** The first day of the user's week for the day toggles (1 = Monday, 0 = Sunday). */
  firstDay = 1;
  private draft: EditorDraft = { name: "", pin: "", lockIds: [], enabled: true };
  private touched = new Set<string>();
  /** The add-on's own findings for name, PIN and locks, until that field is edited. */
  private serverIssues: WireIssue[] = [];
  private saving = false;
  private rulesForm: RulesForm = EMPTY_RULES_FORM;
  /** Notify services HA offers (`notify.*`), for the per-code "send to" choice. */
  services: string[] = [];
  /** New codes notify on use, as the model's default does. */
  private notifyOnUse = true;
  /** None ticked: the add-on's default targets (its notify_targets option). */
  private notifyTargets: string[] = [];
  private rulesOpen = false;

  static override styles = [
    sharedStyles,
    css`
      .backdrop { position: fixed; inset: 0; z-index: 10; display: flex; align-items: center; justify-content: center; background: var(--mdc-dialog-scrim-color, rgba(0, 0, 0, 0.32)); }
      .dialog {
        box-sizing: border-box; width: min(100vw - 16px, 480px); max-height: calc(100vh - 16px); overflow-y: auto;
        padding: 16px; border-radius: var(--ha-card-border-radius, 12px);
        background: var(--card-background-color, var(--ha-card-background, #fff)); color: var(--primary-text-color);
      }
      h2 { margin: 0 0 12px; font-size: 1.2em; font-weight: var(--ha-font-weight-medium, 500); }
      label.field { display: block; margin-top: 12px; font-weight: var(--ha-font-weight-medium, 500); }
      input[type="text"] { width: 100%; }
      .pin-row { display: flex; gap: 8px; }
      .pin-row input { flex: 1; letter-spacing: 0.1em; }
      fieldset { margin: 12px 0 0; padding: 8px; border: 1px solid var(--divider-color, #ccc); border-radius: 4px; }
      fieldset label, label.check { display: flex; align-items: center; gap: 8px; min-height: 36px; }
      .issue { margin: 4px 0 0; font-size: 0.9em; }
      .hint { margin: 4px 0 0; font-size: 0.9em; color: var(--secondary-text-color); }
      /* Always reachable on a phone; opaque so the form scrolling under it does not show through. */
      .actions {
        display: flex; justify-content: flex-end; gap: 8px; margin-top: 8px; padding: 8px 0; position: sticky; bottom: -16px;
        background: var(--card-background-color, var(--ha-card-background, #fff)); border-top: 1px solid var(--divider-color, #e0e0e0);
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    const code = this.code;
    this.draft = code
      ? { name: code.name, pin: "", lockIds: [...code.lockIds], enabled: code.enabled }
      : { name: "", pin: "", lockIds: this.locks.map((l) => l.id), enabled: true };
    this.rulesForm = rulesToForm(code?.rules);
    this.notifyOnUse = code?.notify.onUse ?? true;
    this.notifyTargets = code ? [...code.notify.targets] : [];
    const r = this.rulesForm;
    this.rulesOpen = r.from !== "" || r.until !== "" || r.weekly.length > 0 || r.maxUses !== "" || r.burner;
  }

  override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLInputElement>("#name")?.focus();
  }

  /** Where "used" notifications go; an unticked list means the add-on's defaults. */
  private renderTargets() {
    const choices = notifyTargetChoices(this.services, this.notifyTargets);
    // A card must not build what the add-on refuses: past the limit, only unticking is possible.
    const full = this.notifyTargets.length >= MAX_NOTIFY_TARGETS;
    return html`<fieldset class="targets">
      <legend>${this.t("editor.notify_to")}</legend>
      ${choices.map(
        (
          target,
        ) => html`<label><input type="checkbox" name="target" value=${target} .checked=${this.notifyTargets.includes(target)}
          ?disabled=${full && !this.notifyTargets.includes(target)}
          @change=${() => {
            this.notifyTargets = toggled(this.notifyTargets, target);
          }} />${target === "persistent_notification" ? this.t("editor.notify_ha") : target}</label>`,
      )}
      <p class="hint">${this.t(full ? "editor.notify_limit" : "editor.notify_default", { max: MAX_NOTIFY_TARGETS })}</p>
    </fieldset>`;
  }

  private get validation() {
    return checkDraft(
      this.draft,
      this.codes,
      this.client?.knownPins ?? new Map<string, string>(),
      this.locks,
      this.code?.id,
    );
  }

  override render() {
    const { errors, warnings } = this.validation;
    const shown = (field: ValidationIssue["field"]) => [
      ...(this.touched.has(field) ? errors.filter((e) => e.field === field) : []),
      ...this.serverIssues.filter((e) => e.field === field),
    ];
    const title = this.t(this.code ? "editor.edit" : "editor.new");
    return html`<div class="backdrop" @click=${(e: Event) => {
      if (e.target === e.currentTarget) this.close();
    }}>
      <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="title" @keydown=${this.onKeydown}>
        <h2 id="title">${title}</h2>
        <form novalidate @submit=${this.onSubmit}>
          <label class="field" for="name">${this.t("editor.name")}</label>
          <input id="name" type="text" autocomplete="off" .value=${this.draft.name} @input=${(e: Event) => {
            this.onInput("name", e);
          }} />
          ${this.issues(shown("name"), "error")}
          <label class="field" for="pin">${this.t("editor.pin")}</label>
          <div class="pin-row">
            <input id="pin" type="text" inputmode="numeric" autocomplete="off" .value=${this.draft.pin}
              aria-describedby=${this.code ? "pin-keep" : nothing} @input=${(e: Event) => {
                this.onInput("pin", e);
              }} />
            <button type="button" class="generate" @click=${this.generate}>${this.t("editor.generate")}</button>
          </div>
          ${this.code ? html`<p class="hint" id="pin-keep">${this.t("editor.pin_keep")}</p>` : nothing}
          ${this.issues(shown("pin"), "error")} ${this.issues(
            warnings.filter((w) => w.field === "pin"),
            "warning",
          )}
          <fieldset>
            <legend>${this.t("editor.locks")}</legend>
            <div class="row">
              <button type="button" class="all" @click=${() => {
                this.setLocks(this.locks.map((l) => l.id));
              }}>${this.t("editor.all")}</button>
              <button type="button" class="none" @click=${() => {
                this.setLocks([]);
              }}>${this.t("editor.none")}</button>
            </div>
            ${this.locks.map(
              (
                lock,
              ) => html`<label><input type="checkbox" name="lock" value=${lock.id} .checked=${this.draft.lockIds.includes(lock.id)}
                @change=${() => {
                  this.toggleLock(lock.id);
                }} />${lock.name}</label>`,
            )}
          </fieldset>
          ${this.issues(shown("lockIds"), "error")}
          <label class="check"><input id="enabled" type="checkbox" .checked=${this.draft.enabled}
            @change=${() => {
              this.draft = { ...this.draft, enabled: !this.draft.enabled };
            }} />${this.t("editor.enabled")}</label>
          <label class="check"><input id="notify" type="checkbox" .checked=${this.notifyOnUse}
            @change=${() => {
              this.notifyOnUse = !this.notifyOnUse;
            }} />${this.t("editor.notify")}</label>
          ${this.notifyOnUse ? this.renderTargets() : nothing}
          <latchkey-rules-editor .form=${this.rulesForm} .t=${this.t} .firstDay=${this.firstDay} ?open=${this.rulesOpen}
            .showAllIssues=${this.touched.has("rules")} @rules-changed=${this.onRulesChanged}></latchkey-rules-editor>
          <div class="actions">
            <button type="button" class="cancel" @click=${() => {
              this.close();
            }}>${this.t("common.cancel")}</button>
            <button type="submit" class="primary save" ?disabled=${this.saving}>${this.t("common.save")}</button>
          </div>
        </form>
      </div>
    </div>`;
  }

  private issues(list: WireIssue[], kind: "error" | "warning") {
    return list.length === 0
      ? nothing
      : html`${list.map((i) => html`<p class="issue ${kind}" role=${kind === "error" ? "alert" : "status"}>${problemText(i, this.t)}</p>`)}`;
  }

  private onInput(field: "name" | "pin", event: Event): void {
    if (!(event.target instanceof HTMLInputElement)) return;
    const value = field === "pin" ? event.target.value.replace(/\s/g, "") : event.target.value;
    this.draft = { ...this.draft, [field]: value };
    this.touched = new Set(this.touched).add(field);
    this.serverIssues = this.serverIssues.filter((i) => i.field !== field);
  }

  private setLocks(lockIds: string[]): void {
    this.draft = { ...this.draft, lockIds };
    this.touched = new Set(this.touched).add("lockIds");
  }

  private toggleLock(lockId: string): void {
    this.setLocks(toggled(this.draft.lockIds, lockId));
  }

  private readonly generate = (): void => {
    this.draft = { ...this.draft, pin: generatePin(generatedPinLength(this.locks, this.draft.lockIds)) };
    this.touched = new Set(this.touched).add("pin");
  };

  private readonly onRulesChanged = (event: Event): void => {
    if (event.target instanceof LatchkeyRulesEditor) this.rulesForm = event.target.form;
  };

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key === "Escape") {
      event.stopPropagation();
      this.close();
      return;
    }
    const root = this.renderRoot;
    const lastControl = (): HTMLElement | null => {
      const save = root.querySelector<HTMLButtonElement>("button.save");
      return save && !save.disabled ? save : root.querySelector("button.cancel");
    };
    keepFocusInside(event, root, () => root.querySelector("#name"), lastControl);
  };

  private readonly onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    this.touched = new Set(["name", "pin", "lockIds", "rules"]);
    const rulesIssues = rulesFormIssues(this.rulesForm, this.t);
    if (rulesIssues.length > 0) {
      const details = this.renderRoot
        .querySelector("latchkey-rules-editor")
        ?.shadowRoot?.querySelector("details");
      if (details) details.open = true;
    }
    if (this.validation.errors.length > 0 || rulesIssues.length > 0 || !this.client || this.saving) return;
    const { name, pin, lockIds, enabled } = this.draft;
    const rules = formToRules(this.rulesForm);
    const notify = { onUse: this.notifyOnUse, targets: [...this.notifyTargets] };
    this.saving = true;
    try {
      const result = this.code
        ? await this.client.request("codes/update", {
            codeId: this.code.id,
            changes:
              pin === ""
                ? { name, lockIds, enabled, rules, notify }
                : { name, pin, lockIds, enabled, rules, notify },
          })
        : await this.client.request("codes/create", {
            draft: { name, pin, lockIds, enabled, rules, notify },
          });
      if (pin !== "") this.client.knownPins.set(result.codeId, pin);
      const warnings = result.issues?.map((i) => problemText(i, this.t)) ?? result.warnings;
      toast(this, [this.t("codes.saved", { name: name.trim() }), ...warnings].join(" "));
      this.close();
    } catch (error) {
      if (error instanceof AddonRequestError && error.issues.length > 0) {
        this.serverIssues = error.issues.filter(
          (i) => i.field === "name" || i.field === "pin" || i.field === "lockIds",
        );
      }
      if (!(error instanceof AddonRequestError) || this.serverIssues.length === 0)
        toast(this, errorMessage(error, this.t));
    } finally {
      this.saving = false;
    }
  };

  private close(): void {
    fireEvent(this, "editor-closed");
  }
}

if (!customElements.get("latchkey-code-editor"))
  customElements.define("latchkey-code-editor", LatchkeyCodeEditor);

declare global {
  interface HTMLElementTagNameMap {
    "latchkey-code-editor": LatchkeyCodeEditor;
  }
}
