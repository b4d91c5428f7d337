import { describe, expect, it } from "vitest";
import { z } from "zod";
import { IsoTimeSchema } from "../../../src/model/primitives";

// What the schema replaced: stored files and older cards judge timestamps by it.
const zodDatetime = z.iso.datetime({ offset: true });

const ACCEPTED = ["2026-12-12T16:00:00.000Z", "2026-12-12T17:00:00+01:00", "2026-07-01T08:30:15-04:00", "2026-02-28T23:59:59.123456Z", "2028-02-29T00:00:00Z", "2026-01-01T00:00:00.1234567890123Z"];
const REFUSED = [
  "2026-12-12T17:00", "2026-12-12T17:00+01:00", "2026-12-12T17:00:00+0100", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z",
  "2026-04-31T00:00:00Z", "2025-02-29T00:00:00Z", "2026-12-12T24:00:00Z", "2026-12-12 17:00:00Z", "12/12/2026", "",
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
    expect(IsoTimeSchema.safeParse("tomorrow").error?.issues[0]?.message).toBe("A time must be ISO 8601 with seconds and an offset, e.g. 2026-12-12T17:00:00+01:00.");
  });
});
