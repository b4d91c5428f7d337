import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardTranslations } from "../../../../src/card/i18n/card-translations";

const translator = (language: string) => cardTranslations.load(language);
import {
  daysText,
  firstWeekdayOf,
  formToRules,
  isoToLocal,
  localToIso,
  rulesFormIssues,
  rulesToForm,
  summarizeRules,
  weekdayOrder,
} from "../../../../src/card/utils/rules-utils";

const en = await translator("en");
const de = await translator("de");
const NOW = new Date("2026-06-01T12:00:00Z");
let savedTz: string | undefined;

beforeAll(() => {
  savedTz = process.env["TZ"];
  process.env["TZ"] = "Europe/Berlin";
});
afterAll(() => {
  if (savedTz === undefined) delete process.env["TZ"];
  else process.env["TZ"] = savedTz;
});

describe("local ↔ ISO", () => {
  it("adds the local offset, winter and summer", () => {
    expect(localToIso("2026-12-12T17:00")).toBe("2026-12-12T17:00:00+01:00");
    expect(localToIso("2026-07-01T08:30")).toBe("2026-07-01T08:30:00+02:00");
    expect(localToIso("2026-07-01T08:30:15")).toBe("2026-07-01T08:30:15+02:00");
  });

  it("reads any offset back into local time", () => {
    expect(isoToLocal("2026-12-12T16:00:00Z")).toBe("2026-12-12T17:00");
    expect(isoToLocal("2026-07-01T08:30:00-04:00")).toBe("2026-07-01T14:30");
    expect(isoToLocal(undefined)).toBe("");
    expect(isoToLocal("not a date")).toBe("");
  });

  it("round-trips", () => {
    for (const local of ["2026-01-01T00:00", "2026-03-29T03:30", "2026-10-25T23:59", "2027-02-28T12:05"]) {
      const iso = localToIso(local);
      expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
      expect(isoToLocal(iso)).toBe(local);
    }
    const iso = "2026-12-12T17:00:00+01:00";
    expect(localToIso(isoToLocal(iso))).toBe(iso);
  });

  it("rejects what is not a date", () => {
    expect(localToIso("")).toBeUndefined();
    expect(localToIso("2026-02-30T10:00")).toBeUndefined();
    expect(localToIso("12/12/2026 17:00")).toBeUndefined();
  });
});

describe("form ↔ rules", () => {
  it("leaves empty fields out and parses max uses", () => {
    expect(
      formToRules({
        from: "",
        until: "2026-12-12T17:00",
        weekly: [{ days: [5, 1], start: "08:00", end: "17:00" }],
        maxUses: "3",
        burner: false,
      }),
    ).toEqual({
      validUntil: "2026-12-12T17:00:00+01:00",
      weekly: [{ days: [1, 5], start: "08:00", end: "17:00" }],
      maxUses: 3,
      burner: false,
    });
    expect(formToRules(rulesToForm(undefined))).toEqual({ weekly: [], burner: false });
  });

  it("turns stored rules into the inputs' values", () => {
    expect(
      rulesToForm({ validFrom: "2026-12-01T09:00:00+01:00", weekly: [], maxUses: 5, burner: true }),
    ).toEqual({
      from: "2026-12-01T09:00",
      until: "",
      weekly: [],
      maxUses: "5",
      burner: true,
    });
  });

  it("reports what keeps the form from saving", () => {
    const issues = rulesFormIssues(
      {
        from: "2026-12-12T17:00",
        until: "2026-12-01T17:00",
        weekly: [{ days: [], start: "08:00", end: "08:00" }],
        maxUses: "0",
        burner: false,
      },
      en,
    );
    expect(issues.map((i) => i.field)).toEqual(["until", "window.0", "window.0", "maxUses"]);
    expect(rulesFormIssues(rulesToForm(undefined), en)).toEqual([]);
    expect(rulesFormIssues({ ...rulesToForm(undefined), maxUses: "2.5" }, en)).toHaveLength(1);
  });
});

describe("summaries", () => {
  it("collapses runs of days in the user's week", () => {
    expect(weekdayOrder(1)).toEqual([1, 2, 3, 4, 5, 6, 0]);
    expect(weekdayOrder(0)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(firstWeekdayOf("sunday")).toBe(0);
    expect(firstWeekdayOf("language")).toBe(1);
    expect(daysText([1, 2, 3, 4, 5], en)).toBe("Mon–Fri");
    expect(daysText([1, 3, 5], en)).toBe("Mon, Wed, Fri");
    expect(daysText([6, 0], en)).toBe("Sat, Sun");
    expect(daysText([5, 6, 0], en)).toBe("Fri–Sun");
    expect(daysText([6, 0, 1], en, 0)).toBe("Sun, Mon, Sat");
    expect(daysText([0, 1, 2, 3, 4, 5, 6], en)).toBe("Every day");
  });

  it("says when, until when and how often", () => {
    const rules = {
      validUntil: "2026-12-12T17:00:00+01:00",
      weekly: [{ days: [1, 2, 3, 4, 5], start: "08:00", end: "17:00" }],
      maxUses: 3,
      burner: false,
    };
    expect(summarizeRules(rules, en, { now: NOW })).toBe("Mon–Fri 08:00–17:00 · until Dec 12 · 3 uses");
    expect(summarizeRules(rules, en, { now: NOW, uses: 2 })).toBe(
      "Mon–Fri 08:00–17:00 · until Dec 12 · 1 use left",
    );
    expect(summarizeRules({ ...rules, maxUses: 5 }, en, { now: NOW, uses: 2 })).toBe(
      "Mon–Fri 08:00–17:00 · until Dec 12 · 3 uses left",
    );
    expect(
      summarizeRules({ validFrom: "2027-01-03T00:00:00+01:00", weekly: [], burner: true }, en, { now: NOW }),
    ).toBe("from Jan 3, 2027 · burner");
    expect(summarizeRules({ weekly: [], burner: false }, en)).toBe("");
    expect(summarizeRules(rules, de, { now: NOW })).toBe("Mo–Fr 08:00–17:00 · bis 12. Dez. · 3 Benutzungen");
  });

  it("writes dates the way the person's locale does, in a language we have texts for", async () => {
    const rules = { validFrom: "2027-01-03T00:00:00+01:00", weekly: [], burner: false };
    expect(summarizeRules(rules, await translator("en-GB"), { now: NOW })).toBe("from 3 Jan 2027");
    expect(summarizeRules(rules, await translator("de-AT"), { now: NOW })).toBe("ab 3. Jän. 2027");
    // No French texts: the whole line stays English rather than mixing languages.
    expect(summarizeRules(rules, await translator("fr"), { now: NOW })).toBe("from Jan 3, 2027");
    expect((await translator("fr")).language).toBe("en");
    expect((await translator("not a tag")).language).toBe("en");
  });
});
