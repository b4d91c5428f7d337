/**
 * The card's texts, one chunk per language loaded when a person's language is first needed: a
 * person downloads the texts they read and no others, and each added language costs the rest
 * nothing. Pure: no DOM, no Lit.
 */
import { VALIDATION_TEXTS, type ValidationProblem } from "../../model/problem-texts";
import { lazyTranslations, type Translator } from "../../i18n/make-translator";
import { CARD_PROBLEM_TEXTS, type CardProblem } from "./card-problems";
import type { en } from "./en";

/** Every text the card itself writes; what the add-on reports comes worded in the card's language. */
export type TranslationKey = keyof typeof en | ValidationProblem | CardProblem;

export type Translate = Translator<TranslationKey>;

/** The card's translators; `load("de-AT")` fetches the German texts, an unknown language gets English. */
export const cardTranslations = lazyTranslations<TranslationKey>("en", {
  en: async () => ({ ...VALIDATION_TEXTS, ...CARD_PROBLEM_TEXTS, ...(await import("./en")).en }),
  de: async () => (await import("./de")).de,
});
