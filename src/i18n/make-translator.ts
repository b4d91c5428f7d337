/** Turns per-language dictionaries into memoized `t` functions. Pure: no DOM, no Lit. */
import { fillPlaceholders } from "../model/placeholders";

/** Text for a key with `{name}` placeholders filled in; `language` is the tag to format dates with (`Intl`). */
export interface Translator<Key extends string> {
  (key: Key, vars?: Record<string, string | number>): string;
  readonly language: string;
}

/**
 * The returned `translator("de-AT")` picks the dictionary for the tag's base language, else the fallback's.
 * One function per language, so elements given `t` do not re-render for a new but equal one.
 */
export function makeTranslator<Key extends string>(
  fallbackLanguage: string,
  fallback: Readonly<Record<Key, string>>,
  others: Readonly<Record<string, Readonly<Record<Key, string>>>>,
): (language: string | undefined) => Translator<Key> {
  const made = new Map<string, Translator<Key>>();
  return (requested) => {
    const tag = requested ?? fallbackLanguage;
    const known = made.get(tag);
    if (known) return known;
    const base = tag.toLowerCase().split("-")[0] ?? "";
    const own = others[base];
    const dictionary = own ?? fallback;
    const translate = (key: Key, vars?: Record<string, string | number>): string => {
      const text = dictionary[key];
      return vars ? fillPlaceholders(text, vars) : text;
    };
    // Dates follow the texts: "en-GB" keeps its own day-month order, a language without texts gets the fallback's.
    const language = (own !== undefined || base === fallbackLanguage) && isLanguageTag(tag) ? tag : fallbackLanguage;
    const translator: Translator<Key> = Object.assign(translate, { language });
    made.set(tag, translator);
    return translator;
  };
}

/** `Intl` throws on a malformed tag; one from an odd browser must not break the card. */
function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** The language a person chose in HA (`hass.locale`, or the older `hass.language`). */
export function languageOf(hass: { locale?: { language?: string }; language?: string } | undefined): string {
  return hass?.locale?.language ?? hass?.language ?? "en";
}
