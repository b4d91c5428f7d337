/** Pure parts of the visual editor: its `ha-form` schema and how edits become a config. */
import type { TranslationKey } from "../i18n/card-translations";

export interface EditorField {
  name: "title" | "locks" | "addon_url" | "addon_slug";
  selector: Record<string, unknown>;
}

export const EDITOR_SCHEMA: readonly EditorField[] = [
  { name: "title", selector: { text: {} } },
  { name: "locks", selector: { entity: { multiple: true, filter: { domain: "lock" } } } },
  { name: "addon_url", selector: { text: { type: "url" } } },
  { name: "addon_slug", selector: { text: {} } },
];

export function editorLabelKey(name: EditorField["name"]): TranslationKey {
  return `editor_card.${name}`;
}

/**
 * Merges what `ha-form` reports into the previous config and drops emptied options, so clearing
 * the lock picker means "every lock" rather than an invalid empty list. Keys the form does not
 * show (type, anything hand-written in YAML) are kept.
 */
export function cleanEditorConfig(
  previous: Record<string, unknown>,
  value: unknown,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...previous };
  if (typeof value === "object" && value !== null) {
    for (const [key, entry] of Object.entries(value)) merged[key] = entry;
  }
  for (const field of EDITOR_SCHEMA) {
    const entry = merged[field.name];
    const empty =
      entry === undefined ||
      entry === null ||
      (typeof entry === "string" && entry.trim() === "") ||
      (Array.isArray(entry) && entry.length === 0);
    if (empty) Reflect.deleteProperty(merged, field.name);
  }
  return merged;
}
