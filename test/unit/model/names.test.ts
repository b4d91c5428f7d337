import { describe, expect, it } from "vitest";
import { CodeDraftSchema } from "../../../src/model/code";
import { limitIssues, MAX_NOTIFY_TARGETS, MAX_WEEKLY_WINDOWS } from "../../../src/model/limits";
import { hasUnseenCharacters, nameKey } from "../../../src/model/names";
import { validateCode } from "../../../src/model/validate-code";

const problems = (name: string, others: string[] = []) =>
  validateCode(
    { name, pin: "739164", lockIds: [] },
    others.map((other, i) => ({ id: `code-${i}`, name: other, pin: "1", lockIds: [] })),
    new Map(),
  ).errors.map((e) => e.problem);

describe("code names", () => {
  it.each([
    ["a zero-width space", "Cleaner\u200B"],
    ["a right-to-left override", "\u202EmoM"],
    ["a bidi isolate", "Mom\u2066x\u2069"],
    ["a tab", "Mom\there"],
    ["a line separator", "Mom\u2028Dad"],
    ["a byte-order mark", "Mo\uFEFFm"],
    ["a soft hyphen", "Clea\u00ADner"],
    ["a zero-width joiner between letters", "Mo\u200Dm"],
  ])("refuses %s, saying why", (_what, name) => {
    expect(problems(name)).toEqual(["validation.name_unseen_characters"]);
  });

  it.each(["Mechanic 👩‍🔧", "Zoë", "Ærøskøbing", "Jürgen-Peter", "山田", "عائشة", "Family 👨‍👩‍👧"])(
    "takes %s",
    (name) => {
      expect(hasUnseenCharacters(name)).toBe(false);
      expect(problems(name)).toEqual([]);
    },
  );

  it.each([
    ["Ｍｏｍ", "Mom"],
    ["MOM", "mom"],
    ["Straße", "STRASSE"],
    ["Ze\u0301", "Zé"],
    ["Mom  Smith", "Mom Smith"],
    ["𝐌𝐨𝐦", "Mom"],
  ])("counts %s as the name %s already taken", (name, taken) => {
    expect(nameKey(name)).toBe(nameKey(taken));
    expect(problems(name, [taken])).toEqual(["validation.name_taken"]);
  });

  it("keeps a name in NFC, so one typed with a combining accent is stored as one character", () => {
    const draft = CodeDraftSchema.parse({ name: " Ze\u0301 ", pin: "739164", lockIds: [] });
    expect(draft.name).toBe("Zé");
    expect(draft.name).toHaveLength(2);
  });
});

describe("limits of one code", () => {
  const window = { days: [1], start: "08:00", end: "17:00" };
  const rules = (weekly: (typeof window)[]) => ({ weekly, burner: false });
  it("refuses more time windows or notify targets than the limits, and a day listed twice", () => {
    const many = Array.from({ length: MAX_WEEKLY_WINDOWS + 1 }, () => window);
    const targets = Array.from({ length: MAX_NOTIFY_TARGETS + 1 }, (_, i) => `notify.phone_${i}`);
    expect(
      limitIssues({ rules: rules(many), notify: { onUse: true, targets } }).map((i) => i.message),
    ).toEqual([
      `A code has at most ${MAX_WEEKLY_WINDOWS} time windows.`,
      `A code notifies at most ${MAX_NOTIFY_TARGETS} targets.`,
    ]);
    expect(
      limitIssues({ rules: rules([{ ...window, days: [1, 1, 1] }]), notify: { onUse: true, targets: [] } }),
    ).toMatchObject([{ field: "rules", problem: "validation.window_days_twice" }]);
    expect(limitIssues({ rules: rules([window]), notify: { onUse: true, targets: [] } })).toEqual([]);
  });
});
