/** Turns per-language dictionaries into memoized `t` functions. Pure: no DOM, no Lit. */
import { fillPlaceholders } from "../model/placeholders";

/** Text for a key with `{name}` placeholders filled in; `language` is the tag to format dates with (`Intl`). */
export interface Translator<Key extends string> {
  (key: Key, vars?: Record<string, string | number>): string;
  readonly language: string;
  /** The text for a key that came from elsewhere (a problem the add-on reported), if this language has one. */
  lookup(key: string, vars?: Record<string, string | number>): string | undefined;
}

type Dictionary<Key extends string> = Readonly<Record<Key, string>>;

/**
 * The returned `translator("de-AT")` picks the dictionary for the tag's base language, else the fallback's.
 * One function per language, so elements given `t` do not re-render for a new but equal one.
 */
export function makeTranslator<Key extends string>(
  fallbackLanguage: string,
  fallback: Dictionary<Key>,
  others: Readonly<Record<string, Dictionary<Key>>>,
): (language: string | undefined) => Translator<Key> {
  const made = new Map<string, Translator<Key>>();
  return (requested) => {
    const tag = requested ?? fallbackLanguage;
    const known = made.get(tag);
    if (known) return known;
    const own = ownEntry(others, baseLanguage(tag));
    const translator = translatorFor(tag, own ?? fallback, own !== undefined, fallbackLanguage);
    made.set(tag, translator);
    return translator;
  };
}

/** Dictionaries that load when a language is first asked for, and the translators made from them. */
export interface LazyTranslations<Key extends string> {
  /** The translator for a language whose texts are already loaded, so a render need not wait. */
  ready(language: string | undefined): Translator<Key> | undefined;
  /** Loads the language's texts (the fallback's for a language without its own) once. */
  load(language: string | undefined): Promise<Translator<Key>>;
}

/**
 * Like `makeTranslator`, but each language's dictionary is fetched on first use: a bundle ships
 * every language as its own chunk and a person downloads only theirs.
 */
export function lazyTranslations<Key extends string>(
  fallbackLanguage: string,
  loaders: Readonly<Record<string, () => Promise<Dictionary<Key>>>>,
): LazyTranslations<Key> {
  const made = new Map<string, Translator<Key>>();
  const loading = new Map<string, Promise<Translator<Key>>>();
  return {
    ready: (requested) => made.get(requested ?? fallbackLanguage),
    load: (requested) => {
      const tag = requested ?? fallbackLanguage;
      const pending = loading.get(tag);
      if (pending) return pending;
      const own = ownEntry(loaders, baseLanguage(tag));
      const loader = own ?? ownEntry(loaders, fallbackLanguage);
      if (!loader)
        return Promise.reject(new Error(`No texts for the fallback language ${fallbackLanguage}.`));
      const loaded = loader().then(
        (dictionary) => {
          const translator = translatorFor(tag, dictionary, own !== undefined, fallbackLanguage);
          made.set(tag, translator);
          return translator;
        },
        (error: unknown) => {
          // A failed download (the network dropped) is tried again on the next call.
          loading.delete(tag);
          throw error;
        },
      );
      loading.set(tag, loaded);
      return loaded;
    },
  };
}

function translatorFor<Key extends string>(
  tag: string,
  dictionary: Dictionary<Key>,
  hasOwnTexts: boolean,
  fallbackLanguage: string,
): Translator<Key> {
  const translate = (key: Key, vars?: Record<string, string | number>): string => {
    const text = dictionary[key];
    return vars ? fillPlaceholders(text, vars) : text;
  };
  const lookup = (key: string, vars?: Record<string, string | number>): string | undefined => {
    const text = ownEntry<string>(dictionary, key);
    return text !== undefined && vars ? fillPlaceholders(text, vars) : text;
  };
  // Dates follow the texts: "en-GB" keeps its own day-month order, a language without texts gets the fallback's.
  const language =
    (hasOwnTexts || baseLanguage(tag) === fallbackLanguage) && isLanguageTag(tag) ? tag : fallbackLanguage;
  return Object.assign(translate, { language, lookup });
}

function baseLanguage(tag: string): string {
  return tag.toLowerCase().split("-")[0] ?? "";
}

/** `record[key]` without what objects inherit: a tag "constructor" must not find Object's. */
function ownEntry<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
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
