import { describe, expect, it } from "vitest";
import { writeVerdict, type SlotReadBack } from "../../../addon/src/zwave/write-verdict";

const occupied = (userCode: string): SlotReadBack => ({ userIdStatus: 1, userCode });
const available: SlotReadBack = { userIdStatus: 0, userCode: "" };
const set = (pin: string) => ({ status: "set", pin }) as const;

describe("the verdict on a write, by what the lock said afterwards", () => {
  it.each([
    ["the PIN read back", set("2468"), occupied("2468"), { kind: "confirmed" }],
    ["a cleared slot read back empty", { status: "empty" } as const, available, { kind: "confirmed" }],
    ["stars for a slot just set", set("2468"), occupied("****"), { kind: "unverified", why: "pin_hidden" }],
    ["zeros for a slot just set", set("2468"), occupied("0000"), { kind: "unverified", why: "pin_hidden" }],
    [
      "more stars than digits",
      set("246813"),
      occupied("********"),
      { kind: "unverified", why: "pin_hidden" },
    ],
    ["no report at all", set("2468"), null, { kind: "unverified", why: "no_answer" }],
    [
      "a report without values",
      set("2468"),
      { userIdStatus: undefined, userCode: undefined },
      { kind: "unverified", why: "no_answer" },
    ],
    ["another PIN", set("2468"), occupied("1357"), { kind: "mismatch" }],
    ["a slot still empty after a set (a refusal)", set("2468"), available, { kind: "mismatch" }],
    ["stars on an empty slot", set("2468"), { userIdStatus: 0, userCode: "****" }, { kind: "mismatch" }],
    ["a slot still held after a clear", { status: "empty" } as const, occupied("****"), { kind: "mismatch" }],
  ])("%s", (_label, written, readBack, verdict) => {
    expect(writeVerdict(written, readBack)).toEqual(verdict);
  });

  it("a hidden PIN is never taken for a mismatch, so nothing is rewritten", () => {
    for (const mask of ["*", "0"])
      for (let length = 4; length <= 10; length++)
        expect(writeVerdict(set("5791"), occupied(mask.repeat(length))).kind).toBe("unverified");
  });
});
