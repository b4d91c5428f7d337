import { describe, expect, it } from "vitest";
import type { Lock } from "../../../src/model/lock";
import { validateCode } from "../../../src/model/validate-code";
import { lock } from "../fixtures";

const locks = new Map<string, Lock>([
  ["lock.front", lock("lock.front", { name: "Front Door" })],
  ["lock.back", lock("lock.back", { name: "Back Door" })],
  ["lock.shed", lock("lock.shed", { name: "Shed", pinLength: { min: 6, max: 6 } })],
]);
const others = [{ id: "code-dad", name: "Dad", pin: "583920", lockIds: ["lock.front"] }];
const errorsOf = (draft: { name: string; pin: string; lockIds: string[] }, editingId?: string) =>
  validateCode(draft, others, locks, editingId).errors.map((e) => e.message);

describe("validateCode", () => {
  it.each([
    [{ name: "  ", pin: "4821", lockIds: [] }, "Give the code a name."],
    [{ name: "x".repeat(41), pin: "4821", lockIds: [] }, "A name has at most 40 characters."],
    [{ name: "dad ", pin: "4821", lockIds: [] }, "There is already a code named “Dad”."],
    [{ name: "Mom", pin: "48a1", lockIds: [] }, "A PIN may contain digits only."],
    [
      { name: "Mom", pin: "482", lockIds: ["lock.front"] },
      "The PIN must have 4–8 digits for the chosen locks.",
    ],
    [
      { name: "Mom", pin: "4821", lockIds: ["lock.shed"] },
      "The PIN must have 6 digits for the chosen locks.",
    ],
    [{ name: "Mom", pin: "4821", lockIds: ["lock.nowhere"] }, "Unknown lock: lock.nowhere."],
    [
      { name: "Mom", pin: "583920", lockIds: ["lock.back", "lock.front"] },
      "“Dad” already uses this PIN on Front Door. Each person needs their own PIN so you know who opened the door.",
    ],
  ])("rejects %j", (draft, message) => {
    expect(errorsOf(draft)).toContain(message);
  });

  it("allows the same PIN on locks the two codes do not share", () => {
    expect(errorsOf({ name: "Mom", pin: "583920", lockIds: ["lock.back"] })).toEqual([]);
  });

  it("does not compare a code with itself when editing", () => {
    expect(errorsOf({ name: "Dad", pin: "583920", lockIds: ["lock.front"] }, "code-dad")).toEqual([]);
  });

  it("flags weak PINs without blocking them", () => {
    const result = validateCode({ name: "Mom", pin: "1234", lockIds: ["lock.front"] }, others, locks);
    expect(result.errors).toEqual([]);
    expect(result.warnings[0]?.message).toMatch(/easy to guess/);
  });

  it("names each problem with a key and the values a translation needs, never the PIN", () => {
    const result = validateCode({ name: "Dad", pin: "583920", lockIds: ["lock.front"] }, others, locks);
    expect(result.errors.map(({ field, problem, values }) => ({ field, problem, values }))).toEqual([
      { field: "name", problem: "validation.name_taken", values: { name: "Dad" } },
      { field: "pin", problem: "validation.pin_taken", values: { name: "Dad", locks: "Front Door" } },
    ]);
    for (const issue of [...result.errors, ...result.warnings])
      expect(JSON.stringify(issue)).not.toContain("583920");
    expect(
      validateCode({ name: "Mom", pin: "1111", lockIds: [] }, others, locks).warnings.map((w) => w.problem),
    ).toEqual(["validation.pin_weak_repeated"]);
  });
});

describe("validateCode while a lock is missing from HA", () => {
  const draft = { name: "Mom", pin: "4821", lockIds: ["lock.front", "lock.garage"] };
  it("a lock the code is already on is still accepted (the edit waits for it)", () => {
    expect(validateCode(draft, others, locks, "code-mom", ["lock.garage"]).errors).toEqual([]);
  });
  it("a lock newly ticked that HA does not know is refused", () => {
    expect(
      validateCode(draft, others, locks, "code-mom", ["lock.front"]).errors.map((e) => e.message),
    ).toEqual(["Unknown lock: lock.garage."]);
  });
});
