import { describe, expect, it } from "vitest";
import { z } from "zod";
import { z as mini } from "zod/mini";
import { IntSchema, IsoTimeSchema, LockIdSchema, matches } from "../../../src/model/primitives";

// What the schema replaced: stored files and older cards judge timestamps by it.
const zodDatetime = z.iso.datetime({ offset: true });

const ACCEPTED = [
  "2026-12-12T16:00:00.000Z",
  "2026-12-12T17:00:00+01:00",
  "2026-07-01T08:30:15-04:00",
  "2026-02-28T23:59:59.123456Z",
  "2028-02-29T00:00:00Z",
  "2026-01-01T00:00:00.1234567890123Z",
];
const REFUSED = [
  "2026-12-12T17:00",
  "2026-12-12T17:00+01:00",
  "2026-12-12T17:00:00+0100",
  "2026-13-01T00:00:00Z",
  "2026-02-30T00:00:00Z",
  "2026-04-31T00:00:00Z",
  "2025-02-29T00:00:00Z",
  "2026-12-12T24:00:00Z",
  "2026-12-12 17:00:00Z",
  "12/12/2026",
  "",
];

describe("timestamps", () => {
  it("accepts what Latchkey writes (toISOString, a browser's local time with its offset), as zod's datetime does", () => {
    for (const time of ACCEPTED) {
      expect(IsoTimeSchema.safeParse(time).success, time).toBe(true);
      expect(zodDatetime.safeParse(time).success, `zod: ${time}`).toBe(true);
    }
  });

  it("refuses what zod's datetime refuses — no seconds, no offset, a day that does not exist — and says what it expects", () => {
    for (const time of REFUSED) {
      expect(IsoTimeSchema.safeParse(time).success, time).toBe(false);
      expect(zodDatetime.safeParse(time).success, `zod: ${time}`).toBe(false);
    }
    expect(IsoTimeSchema.safeParse("tomorrow").error?.issues[0]?.message).toBe(
      "A time must be ISO 8601 with seconds and an offset, e.g. 2026-12-12T17:00:00+01:00.",
    );
  });
});

describe("whole numbers", () => {
  it("takes what z.int() takes and refuses what it refuses", () => {
    const samples: unknown[] = [
      0,
      1,
      -7,
      65535,
      Number.MAX_SAFE_INTEGER,
      1.5,
      Number.NaN,
      Infinity,
      2 ** 53,
      "3",
      null,
      true,
    ];
    for (const value of samples)
      expect(IntSchema.safeParse(value).success, String(value)).toBe(z.int().safeParse(value).success);
  });

  it("keeps bounds added with check", () => {
    const slot = IntSchema.check(mini.minimum(1), mini.maximum(30));
    expect([0, 1, 30, 31].map((n) => slot.safeParse(n).success)).toEqual([false, true, true, false]);
    expect(IntSchema.safeParse(2.5).error?.issues[0]?.message).toBe("Expected a whole number.");
  });
});

describe("patterns", () => {
  it("test the whole string and fail with the message given", () => {
    expect(LockIdSchema.safeParse("lock.front_door").success).toBe(true);
    expect(LockIdSchema.safeParse("sensor.front_door").error?.issues[0]?.message).toBe(
      "A lock must be an entity id such as lock.front_door.",
    );
    const digits = mini.string().check(matches(/^\d+$/, "Digits only."));
    expect(digits.safeParse("12a").error?.issues[0]?.message).toBe("Digits only.");
    expect(digits.safeParse(12).success).toBe(false);
  });
});
