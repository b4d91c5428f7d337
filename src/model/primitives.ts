// The shared model uses zod/mini: the card bundles it, and mini keeps the card small (issue 4's
// size budget). Classic zod schemas in the add-on embed these schemas unchanged.
import { z } from "zod/mini";

/**
 * A string check against a pattern, failing with `error`. Not z.regex(): its string-format
 * machinery costs the card 0.2 KB gzipped for the same test.
 */
export function matches(pattern: RegExp, error: string) {
  return z.refine<string>((text) => pattern.test(text), { error });
}

/** An HA lock entity id, e.g. `lock.front_door`. Latchkey keys locks by entity id. */
export const LockIdSchema = z
  .string()
  .check(matches(/^lock\.[a-z0-9_]+$/, "A lock must be an entity id such as lock.front_door."));
export type LockId = z.infer<typeof LockIdSchema>;

/**
 * A whole number; add bounds with `.check(z.minimum(…))`. Not z.int(): that brings zod's
 * number-format machinery into the card (0.4 KB gzipped) for a check this line makes.
 */
export const IntSchema = z
  .number()
  .check(z.refine(Number.isSafeInteger, { error: "Expected a whole number." }));

/** A user-code slot on a lock. Slot 0 is not a user slot on any Z-Wave lock. */
export const SlotNumberSchema = IntSchema.check(z.minimum(1), z.maximum(65535));

/**
 * Timestamps travel and persist as ISO-8601 strings with seconds and an offset ("Z" or
 * ±HH:MM), so JSON round-trips are lossless and every reader agrees on the instant. It accepts
 * what z.iso.datetime({ offset: true }) accepts, without bundling zod's datetime builder into the
 * card (0.3 KB gzipped). The day must exist: `Date` would quietly turn 30 February into 2 March.
 */
const ISO_TIME =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const digit = (text: string, at: number) => text.charCodeAt(at) - 48;

/** For a string ISO_TIME matched. Reads the digits in place: a store holds thousands of timestamps. */
function dayExists(time: string): boolean {
  const year = digit(time, 0) * 1000 + digit(time, 1) * 100 + digit(time, 2) * 10 + digit(time, 3);
  const month = digit(time, 5) * 10 + digit(time, 6);
  const day = digit(time, 8) * 10 + digit(time, 9);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0));
}

export const IsoTimeSchema = z.string().check(
  z.refine((time) => ISO_TIME.test(time) && dayExists(time), {
    error: "A time must be ISO 8601 with seconds and an offset, e.g. 2026-12-12T17:00:00+01:00.",
  }),
);

export const CodeIdSchema = z
  .string()
  .check(matches(/^[a-z0-9-]{6,64}$/, "A code id is 6–64 lowercase letters, digits or dashes."));
export type CodeId = z.infer<typeof CodeIdSchema>;
