import { LitElement, css, html, nothing } from "lit";
import { MAX_WEEKLY_WINDOWS } from "../../model/limits";
import type { WeeklyWindow } from "../../model/rules";
import type { Translate } from "../i18n/card-translations";
import { fireEvent } from "../dom/events";
import {
  dayName,
  EMPTY_RULES_FORM,
  formToRules,
  rulesFormIssues,
  summarizeRules,
  weekdayOrder,
  type RulesField,
  type RulesForm,
} from "../utils/rules-utils";
import { sharedStyles } from "./styles";

/**
 * The collapsible "Access rules" section of the code editor: validity period, weekly time
 * windows, maximum uses and burner. Holds no state of its own beyond which fields were touched;
 * the code editor owns `form` and reads it back on `rules-changed`.
 *
 * @fires rules-changed - (not bubbling) after every edit; read the new value from `form`
 */
export class LatchkeyRulesEditor extends LitElement {
  static override properties = {
    form: { attribute: false },
    t: { attribute: false },
    firstDay: { attribute: false },
    open: { type: Boolean },
    showAllIssues: { attribute: false },
    touched: { state: true },
  };

  form: RulesForm = EMPTY_RULES_FORM;
  /** Set by the card, which loads the person's texts before it renders its parts. */
  t!: Translate;
  /** The first day of the user's week as a model day number (1 = Monday). */
  firstDay = 1;
  /** Starts expanded (the code already has rules). */
  open = false;
  /** After a save attempt: show every issue, not just those of touched fields. */
  showAllIssues = false;
  private touched = new Set<string>();

  static override styles = [
    sharedStyles,
    css`
      details { margin-top: 12px; border: 1px solid var(--divider-color, #ccc); border-radius: 4px; }
      summary { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 8px; min-height: 40px; padding: 8px; cursor: pointer; font-weight: var(--ha-font-weight-medium, 500); }
      summary { list-style: none; }
      summary::-webkit-details-marker { display: none; }
      /* A chevron that turns when the rules open: a summary laid out as flex shows no marker of its own. */
      .marker { flex: none; align-self: center; width: 0.45em; height: 0.45em; margin: 0 4px; border: solid currentColor; border-width: 0 2px 2px 0; transform: rotate(-45deg); transition: transform 0.15s; }
      details[open] .marker { transform: rotate(45deg); }
      summary:focus-visible { outline: 2px solid var(--primary-color); outline-offset: 2px; }
      summary .summary { font-weight: var(--ha-font-weight-normal, 400); color: var(--secondary-text-color); }
      .body { padding: 0 8px 8px; }
      label.field { display: block; margin-top: 8px; font-weight: var(--ha-font-weight-medium, 500); }
      .line { display: flex; gap: 8px; align-items: center; }
      .line input { flex: 1; }
      input[type="number"] { width: 100%; }
      fieldset { margin: 8px 0 0; padding: 8px; border: 1px solid var(--divider-color, #ccc); border-radius: 4px; min-width: 0; }
      legend { font-weight: var(--ha-font-weight-medium, 500); }
      .days { display: flex; flex-wrap: wrap; gap: 4px; margin: 0; padding: 0; border: none; }
      .days legend { font-weight: var(--ha-font-weight-normal, 400); padding: 0; margin-bottom: 4px; }
      .day { display: inline-flex; align-items: center; gap: 4px; min-height: 36px; padding: 0 8px; border: 1px solid var(--divider-color, #ccc); border-radius: 18px; }
      .day:has(input:checked) { border-color: var(--primary-color); background: color-mix(in srgb, var(--primary-color) 12%, transparent); }
      .times { display: flex; flex-wrap: wrap; gap: 8px; align-items: flex-end; margin-top: 8px; }
      .times label { display: flex; flex-direction: column; gap: 2px; flex: 1 1 96px; min-width: 0; }
      .note, .hint { margin: 4px 0 0; font-size: 0.9em; color: var(--secondary-text-color); }
      .issue { margin: 4px 0 0; font-size: 0.9em; }
      label.check { display: flex; align-items: center; gap: 8px; min-height: 36px; margin-top: 8px; }
      button.add-window { margin-top: 8px; }
    `,
  ];

  override render() {
    const form = this.form;
    const summary = summarizeRules(formToRules(form), this.t, { firstDay: this.firstDay });
    return html`<details ?open=${this.open}>
      <summary><span class="marker" aria-hidden="true"></span>${this.t("rules.title")} <span class="summary">${summary === "" ? this.t("rules.always") : summary}</span></summary>
      <div class="body">
        ${this.dateField("from", this.t("rules.from"), this.t("rules.clear_from"))}
        ${this.dateField("until", this.t("rules.until"), this.t("rules.clear_until"))}
        <fieldset class="weekly">
          <legend>${this.t("rules.weekly")}</legend>
          ${form.weekly.length === 0 ? html`<p class="hint">${this.t("rules.weekly_none")}</p>` : nothing}
          ${form.weekly.map((w, i) => this.windowField(w, i))}
          ${
            form.weekly.length >= MAX_WEEKLY_WINDOWS
              ? html`<p class="hint windows-limit">${this.t("rules.windows_limit", { max: MAX_WEEKLY_WINDOWS })}</p>`
              : html`<button type="button" class="add-window" @click=${this.addWindow}>${this.t("rules.add_window")}</button>`
          }
        </fieldset>
        <label class="field" for="max-uses">${this.t("rules.max_uses")}</label>
        <input id="max-uses" type="number" inputmode="numeric" min="1" max="10000" step="1" .value=${form.maxUses}
          @input=${(e: Event) => {
            this.setText("maxUses", e);
          }} />
        ${this.issues("maxUses")}
        <label class="check"><input id="burner" type="checkbox" aria-describedby="burner-hint" .checked=${form.burner}
          @change=${() => {
            this.emit({ ...this.form, burner: !this.form.burner });
          }} />${this.t("rules.burner")}</label>
        <p id="burner-hint" class="hint">${this.t("rules.burner_hint")}</p>
      </div>
    </details>`;
  }

  private dateField(field: "from" | "until", label: string, clearLabel: string) {
    const value = this.form[field];
    return html`<label class="field" for=${field}>${label}</label>
      <div class="line">
        <input id=${field} type="datetime-local" .value=${value} @input=${(e: Event) => {
          this.setText(field, e);
        }}
          @change=${(e: Event) => {
            this.setText(field, e);
          }} />
        ${
          value === ""
            ? nothing
            : html`<button type="button" class="clear-${field}" aria-label=${clearLabel} @click=${() => {
                this.emit({ ...this.form, [field]: "" });
              }}>${this.t("rules.clear")}</button>`
        }
      </div>
      ${this.issues(field)}`;
  }

  private windowField(w: WeeklyWindow, i: number) {
    const n = i + 1;
    return html`<fieldset class="window" data-window=${i}>
      <legend>${this.t("rules.window", { n })}</legend>
      <fieldset class="days">
        <legend>${this.t("rules.days")}</legend>
        ${weekdayOrder(this.firstDay).map(
          (
            day,
          ) => html`<label class="day"><input type="checkbox" name="day" value=${day} aria-label=${dayName(day, this.t.language, "long")}
            .checked=${w.days.includes(day)} @change=${() => {
              this.toggleDay(i, day);
            }} /><span aria-hidden="true">${dayName(day, this.t.language, "short")}</span></label>`,
        )}
      </fieldset>
      <div class="times">
        <label for="w${i}-start">${this.t("rules.start")}
          <input id="w${i}-start" class="start" type="time" .value=${w.start} @input=${(e: Event) => {
            this.setTime(i, "start", e);
          }}
            @change=${(e: Event) => {
              this.setTime(i, "start", e);
            }} /></label>
        <label for="w${i}-end">${this.t("rules.end")}
          <input id="w${i}-end" class="end" type="time" .value=${w.end} @input=${(e: Event) => {
            this.setTime(i, "end", e);
          }}
            @change=${(e: Event) => {
              this.setTime(i, "end", e);
            }} /></label>
        <button type="button" class="remove-window" aria-label=${this.t("rules.remove_window", { n })} @click=${() => {
          this.removeWindow(i);
        }}>${this.t("common.delete")}</button>
      </div>
      ${w.start !== "" && w.end !== "" && w.end < w.start ? html`<p class="note">${this.t("rules.overnight")}</p>` : nothing}
      ${this.issues(`window.${i}`)}
    </fieldset>`;
  }

  private issues(field: RulesField) {
    if (!this.showAllIssues && !this.touched.has(field)) return nothing;
    const list = rulesFormIssues(this.form, this.t).filter((i) => i.field === field);
    return list.length === 0
      ? nothing
      : html`${list.map((i) => html`<p class="issue error" role="alert">${i.message}</p>`)}`;
  }

  private touch(field: RulesField): void {
    this.touched = new Set(this.touched).add(field);
  }

  private emit(form: RulesForm): void {
    this.form = form;
    fireEvent(this, "rules-changed");
  }

  private setText(field: "from" | "until" | "maxUses", event: Event): void {
    if (!(event.target instanceof HTMLInputElement)) return;
    if (this.form[field] === event.target.value) return;
    this.touch(field);
    this.emit({ ...this.form, [field]: event.target.value });
  }

  private setWindow(i: number, change: Partial<WeeklyWindow>): void {
    this.touch(`window.${i}`);
    this.emit({ ...this.form, weekly: this.form.weekly.map((w, j) => (j === i ? { ...w, ...change } : w)) });
  }

  private setTime(i: number, which: "start" | "end", event: Event): void {
    if (!(event.target instanceof HTMLInputElement)) return;
    if (this.form.weekly[i]?.[which] === event.target.value) return;
    this.setWindow(i, { [which]: event.target.value });
  }

  private toggleDay(i: number, day: number): void {
    const days = this.form.weekly[i]?.days ?? [];
    this.setWindow(i, {
      days: days.includes(day) ? days.filter((d) => d !== day) : [...days, day].sort((a, b) => a - b),
    });
  }

  private readonly addWindow = (): void => {
    // A working week is the common case; the person adjusts from there.
    this.emit({
      ...this.form,
      weekly: [...this.form.weekly, { days: [1, 2, 3, 4, 5], start: "08:00", end: "17:00" }],
    });
    void this.updateComplete.then(() => {
      const index = this.form.weekly.length - 1;
      this.renderRoot
        .querySelector<HTMLInputElement>(`fieldset.window[data-window="${index}"] input`)
        ?.focus();
    });
  };

  private removeWindow(i: number): void {
    this.touched = new Set([...this.touched].filter((f) => !f.startsWith("window.")));
    this.emit({ ...this.form, weekly: this.form.weekly.filter((_, j) => j !== i) });
    this.renderRoot.querySelector<HTMLButtonElement>("button.add-window")?.focus();
  }
}

if (!customElements.get("latchkey-rules-editor"))
  customElements.define("latchkey-rules-editor", LatchkeyRulesEditor);

declare global {
  interface HTMLElementTagNameMap {
    "latchkey-rules-editor": LatchkeyRulesEditor;
  }
}
