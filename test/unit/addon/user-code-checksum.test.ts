import { CRC16_CCITT } from "@zwave-js/core";
import { describe, expect, it } from "vitest";
import { userCodeChecksum } from "../../../addon/src/zwave/user-code-checksum";

/** The bytes the zwave-js mock lock (and the User Code CC spec) sums: slot (2 bytes), status, PIN. */
function specBytes(codes: [number, string][]): Uint8Array<ArrayBuffer> {
  return new Uint8Array(
    codes.flatMap(([slot, pin]) => [slot >> 8, slot & 0xff, 1, ...Buffer.from(pin, "ascii")]),
  );
}

describe("the User Code checksum a lock reports", () => {
  it("is 0 for a lock without codes", () => {
    expect(userCodeChecksum(new Map())).toBe(0);
  });

  const cases: [number, string][][] = [
    [[1, "480213"]],
    [
      [3, "1234"],
      [250, "9876543210"],
    ],
    [
      [2, "602847"],
      [1, "480213"],
      [300, "5555"],
    ],
  ];
  it.each(cases)("matches zwave-js's CRC16_CCITT over the spec's bytes, slots in order: %j", (...codes) => {
    const sorted = [...codes].sort(([a], [b]) => a - b);
    expect(userCodeChecksum(new Map(codes))).toBe(CRC16_CCITT(specBytes(sorted)));
  });

  it("changes when one digit or one slot changes", () => {
    const base = userCodeChecksum(new Map([[1, "480213"]]));
    expect(userCodeChecksum(new Map([[1, "480214"]]))).not.toBe(base);
    expect(userCodeChecksum(new Map([[2, "480213"]]))).not.toBe(base);
  });
});
