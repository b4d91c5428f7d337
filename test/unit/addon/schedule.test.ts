import { describe, expect, it } from "vitest";
import { codeActivity } from "../../../addon/src/core/schedule";
import type { AccessRules } from "../../../src/model/rules";

const workHours: AccessRules = {
  weekly: [{ days: [1, 2, 3, 4, 5], start: "08:00", end: "17:00" }],
  burner: false,
};
const night: AccessRules = { weekly: [{ days: [6], start: "22:00", end: "02:00" }], burner: false };
const active = (rules: AccessRules, at: string, tz = "Europe/Berlin", uses = 0) =>
  codeActivity({ enabled: true, rules, uses }, new Date(at), tz).active;

describe("codeActivity", () => {
  it.each([
    ["Monday 07:59 Berlin", "2026-03-02T06:59:00Z", false],
    ["Monday 08:00 Berlin", "2026-03-02T07:00:00Z", true],
    ["Monday 16:59 Berlin", "2026-03-02T15:59:00Z", true],
    ["Monday 17:00 Berlin", "2026-03-02T16:00:00Z", false],
    ["Saturday noon", "2026-03-07T11:00:00Z", false],
  ])("work hours, %s → %s", (_label, at, expected) => {
    expect(active(workHours, at)).toBe(expected);
  });

  it("keeps wall-clock windows across the spring-forward change (Berlin, 29 Mar 2026)", () => {
    // Before the change 08:00 Berlin is 07:00 UTC; after it, 06:00 UTC.
    expect(active(workHours, "2026-03-27T07:00:00Z")).toBe(true);
    expect(active(workHours, "2026-03-30T06:00:00Z")).toBe(true);
    expect(active(workHours, "2026-03-30T05:59:00Z")).toBe(false);
  });

  it("keeps wall-clock windows across the fall-back change (New York, 1 Nov 2026)", () => {
    expect(active(workHours, "2026-10-30T12:00:00Z", "America/New_York")).toBe(true); // 08:00 EDT
    expect(active(workHours, "2026-11-02T13:00:00Z", "America/New_York")).toBe(true); // 08:00 EST
    expect(active(workHours, "2026-11-02T12:59:00Z", "America/New_York")).toBe(false);
  });

  it("a window past midnight covers the small hours of the next day", () => {
    expect(active(night, "2026-03-07T21:30:00Z")).toBe(true); // Sat 22:30 Berlin
    expect(active(night, "2026-03-08T00:30:00Z")).toBe(true); // Sun 01:30 Berlin
    expect(active(night, "2026-03-08T01:00:00Z")).toBe(false); // Sun 02:00 Berlin
  });

  it("validity period and use limit", () => {
    const rules: AccessRules = {
      weekly: [],
      burner: false,
      validFrom: "2026-05-01T00:00:00Z",
      validUntil: "2026-05-03T00:00:00Z",
      maxUses: 3,
    };
    expect(codeActivity({ enabled: true, rules, uses: 0 }, new Date("2026-04-30T23:59:59Z"), "UTC")).toEqual({
      active: false,
      reason: "not_yet_valid",
    });
    expect(codeActivity({ enabled: true, rules, uses: 2 }, new Date("2026-05-02T00:00:00Z"), "UTC")).toEqual({
      active: true,
    });
    expect(codeActivity({ enabled: true, rules, uses: 3 }, new Date("2026-05-02T00:00:00Z"), "UTC")).toEqual({
      active: false,
      reason: "uses_exhausted",
    });
    expect(codeActivity({ enabled: true, rules, uses: 0 }, new Date("2026-05-03T00:00:00Z"), "UTC")).toEqual({
      active: false,
      reason: "expired",
    });
    expect(codeActivity({ enabled: false, rules, uses: 0 }, new Date("2026-05-02T00:00:00Z"), "UTC")).toEqual(
      { active: false, reason: "disabled" },
    );
  });
});
