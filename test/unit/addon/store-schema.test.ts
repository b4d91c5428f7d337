import { describe, expect, it } from "vitest";
import { SlotClaimSchema } from "../../../src/model/slot-claim";
import { StoredClaimSchema } from "../../../addon/src/store/schema";

const AT = "2026-01-01T00:00:00.000Z";
const claim = (change: Record<string, unknown> = {}) => ({
  lockId: "lock.back_door",
  slot: 3,
  owner: { kind: "code", codeId: "code-mom-1" },
  observed: { status: "set", pin: "4821", confirmed: true, verifiedAt: AT, via: "lock_report" },
  ...change,
});

/** The store's compiled claim schema must answer exactly as the model's: same data, same problems. */
const CASES: [string, unknown][] = [
  ["a synced claim", claim()],
  ["an empty slot", claim({ observed: { status: "empty", confirmed: false, verifiedAt: AT, via: "none" } })],
  ["nothing known yet", claim({ observed: { status: "unknown" } })],
  ["held at the keypad", claim({ held: { reason: "changed_at_lock", since: AT } })],
  ["a slot to clear", claim({ owner: { kind: "clear" }, observed: { status: "unknown" } })],
  ["a slot to read first", claim({ readFirst: true, observed: { status: "unknown" } })],
  ["readFirst false", claim({ readFirst: false })],
  ["an owner of an unknown kind", claim({ owner: { kind: "neighbour" } })],
  ["a code owner without its id", claim({ owner: { kind: "code" } })],
  ["the version 1 code id instead of an owner", claim({ owner: undefined, codeId: "code-mom-1" })],
  ["an extra key (dropped)", claim({ note: "hand edit" })],
  ["an extra key inside observed (dropped)", claim({ observed: { status: "unknown", pin: "9999" } })],
  ["a lock id that is no entity", claim({ lockId: "front door" })],
  ["slot 0", claim({ slot: 0 })],
  ["a slot as text", claim({ slot: "3" })],
  ["an unknown status", claim({ observed: { status: "maybe" } })],
  [
    "a set slot without its PIN",
    claim({ observed: { status: "set", confirmed: true, verifiedAt: AT, via: "lock_report" } }),
  ],
  [
    "a time that is no time",
    claim({ observed: { status: "empty", confirmed: true, verifiedAt: "yesterday", via: "none" } }),
  ],
  ["an unknown hold reason", claim({ held: { reason: "gremlins", since: AT } })],
  ["not an object", "lock.back_door#3"],
];

describe("the store's compiled claim schema", () => {
  it("accepts a valid claim (the cases below are not all refusals)", () => {
    expect(StoredClaimSchema.safeParse(claim()).success).toBe(true);
  });

  it.each(CASES)("answers as the model does for %s", (_what, input) => {
    const model = SlotClaimSchema.safeParse(input);
    const stored = StoredClaimSchema.safeParse(input);
    expect(stored.success).toBe(model.success);
    if (model.success && stored.success) expect(stored.data).toEqual(model.data);
    expect(stored.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual(
      model.error?.issues.map((i) => [i.path.join("."), i.message]),
    );
  });
});
