import { describe, expect, it } from "vitest";
import { IsoTimeSchema } from "../../../src/model/primitives";

describe("timestamps", () => {
  it("accepts what Latchkey writes: toISOString() and a browser's local time with its offset", () => {
    for (const time of ["2026-12-12T16:00:00.000Z", "2026-12-12T17:00+01:00", "2026-07-01T08:30:15-04:00", "2026-02-28T23:59:59.123456Z", "2026-12-12T17:00:00+0100"]) {
      expect(IsoTimeSchema.safeParse(time).success, time).toBe(true);
    }
  });

  it("refuses a time without an offset, an impossible one, or another format, and says what it expects", () => {
    for (const time of ["2026-12-12T17:00", "2026-13-01T00:00Z", "2026-12-32T00:00Z", "2026-12-12T24:00Z", "2026-12-12 17:00Z", "12/12/2026", ""]) {
      expect(IsoTimeSchema.safeParse(time).success, time).toBe(false);
    }
    expect(IsoTimeSchema.safeParse("tomorrow").error?.issues[0]?.message).toBe("A time must be ISO 8601 with its offset, e.g. 2026-12-12T17:00:00+01:00.");
  });
});
