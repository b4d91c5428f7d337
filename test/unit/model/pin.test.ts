import { describe, expect, it } from "vitest";
import { generatePin, pinWeakness } from "../../../src/model/pin";

describe("pinWeakness", () => {
  it.each([
    ["0000", "repeated"],
    ["7777777", "repeated"],
    ["1234", "sequence"],
    ["9876", "sequence"],
    ["7890", "sequence"],
    ["3210", "sequence"],
    ["123456", "sequence"],
    ["2580", "common"],
    ["4821", null],
    ["583920", null],
    ["1243", null],
  ])("%s → %s", (pin, expected) => {
    expect(pinWeakness(pin)).toBe(expected);
  });
});

describe("generatePin", () => {
  it("makes PINs of the asked length that are never weak", () => {
    for (let i = 0; i < 200; i++) {
      const pin = generatePin(6);
      expect(pin).toMatch(/^\d{6}$/);
      expect(pinWeakness(pin)).toBeNull();
    }
  });

  it("draws again when the random digits form a weak PIN", () => {
    const digits = [1, 1, 1, 1, 4, 8, 2, 1];
    expect(generatePin(4, () => digits.shift() ?? 0)).toBe("4821");
  });
});
