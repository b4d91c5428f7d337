/**
 * Whether `text` shows `pin` as a value of its own. A bare substring test would also hit
 * random hex ids and ULIDs that happen to contain those digits; a PIN that leaks stands
 * between quotes, spaces or punctuation.
 */
export function showsPin(text: string, pin: string): boolean {
  return new RegExp(`(?<![0-9A-Za-z])${pin}(?![0-9A-Za-z])`).test(text);
}

/** The PINs of `pins` that `text` shows. */
export function pinsShown(text: string, pins: readonly string[]): string[] {
  return pins.filter((pin) => showsPin(text, pin));
}
