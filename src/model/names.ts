/**
 * What makes a code's name one a person can read and tell apart from the others. Names show in
 * notifications, on lock chips and in HA events, where an invisible or direction-changing
 * character would hide or disguise what it says, and a look-alike ("Ｍｏｍ" beside "Mom")
 * would pass for another person's code.
 */

/**
 * Control characters, format characters (bidi overrides and isolates, zero-width spaces and
 * joiners, the byte-order mark, soft hyphens) and line or paragraph separators. A zero-width
 * joiner inside an emoji sequence ("👩‍🔧") is the one format character allowed.
 */
const UNSEEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const EMOJI_JOINER = /(?<=\p{Extended_Pictographic}\p{M}*)\u200D(?=\p{Extended_Pictographic})/gu;

/** How a name is kept: Unicode NFC (one code point for "é" however it was typed), trimmed. */
export function normalizeName(name: string): string {
  return name.normalize("NFC").trim();
}

/** Whether the name holds a character that is not shown, or that changes the direction of what follows. */
export function hasUnseenCharacters(name: string): boolean {
  return UNSEEN.test(name.replace(EMOJI_JOINER, ""));
}

/**
 * The form two names are compared in: compatibility-folded (full-width and styled letters
 * become plain ones), case-folded, with runs of spaces made one. Names with the same key are
 * the same name to a person reading them.
 */
export function nameKey(name: string): string {
  return name.normalize("NFKC").toUpperCase().toLowerCase().normalize("NFKC").replace(/\s+/gu, " ").trim();
}
