/** PIN helpers shared by the card (generate, warn) and the add-on (validate). Pure. */

export type PinWeakness = "repeated" | "sequence" | "common";

const COMMON_PINS = new Set([
  "1212",
  "6969",
  "1004",
  "2000",
  "2580",
  "0852",
  "1122",
  "4321",
  "1010",
  "123123",
  "112233",
  "121212",
]);

/** Returns why a PIN is easy to guess, or null. Weak PINs are allowed but flagged. */
export function pinWeakness(pin: string): PinWeakness | null {
  if (/^(\d)\1+$/.test(pin)) return "repeated";
  if (isStraightRun(pin)) return "sequence";
  if (COMMON_PINS.has(pin)) return "common";
  return null;
}

function isStraightRun(pin: string): boolean {
  if (pin.length < 3) return false;
  const digits = Array.from(pin, Number);
  const step = (digits[1] ?? 0) - (digits[0] ?? 0);
  if (step !== 1 && step !== -1) return false;
  // 7890 and 3210 wrap around on a keypad row; treat them as runs too.
  return digits.every(
    (d, i) => i === 0 || (((d - (digits[i - 1] ?? 0)) % 10) + 10) % 10 === (step + 10) % 10,
  );
}

/** A random PIN that is not weak. `random` is injectable for tests; defaults to Web Crypto. */
export function generatePin(length: number, random: (max: number) => number = cryptoRandom): string {
  for (;;) {
    let pin = "";
    for (let i = 0; i < length; i++) pin += String(random(10));
    if (pinWeakness(pin) === null) return pin;
  }
}

function cryptoRandom(max: number): number {
  const buffer = new Uint32Array(1);
  crypto.getRandomValues(buffer);
  return (buffer[0] ?? 0) % max;
}
