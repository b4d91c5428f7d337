/**
 * Every problem a code's draft can have, in English. The card translates the same keys, so a problem
 * found by either side reads in the person's language.
 */
export const VALIDATION_TEXTS = {
  "validation.name_missing": "Give the code a name.",
  "validation.name_too_long": "A name has at most {max} characters.",
  "validation.name_taken": "There is already a code named “{name}”.",
  "validation.lock_unknown": "Unknown lock: {locks}.",
  "validation.lock_twice": "A lock is listed twice.",
  "validation.pin_missing": "Enter a PIN or generate one.",
  "validation.pin_not_digits": "A PIN may contain digits only.",
  "validation.pin_no_common_length": "The chosen locks accept no common PIN length; put this code on fewer locks.",
  "validation.pin_length": "The PIN must have {range} digits for the chosen locks.",
  "validation.pin_taken": "“{name}” already uses this PIN on {locks}. Each person needs their own PIN so you know who opened the door.",
  "validation.pin_weak_repeated": "This PIN is easy to guess: it repeats one digit.",
  "validation.pin_weak_sequence": "This PIN is easy to guess: it is a straight run of digits.",
  "validation.pin_weak_common": "This PIN is easy to guess: it is one of the most common PINs.",
} as const;

export type ValidationProblem = keyof typeof VALIDATION_TEXTS;

export function isValidationProblem(key: string): key is ValidationProblem {
  return Object.hasOwn(VALIDATION_TEXTS, key);
}
