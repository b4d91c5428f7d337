import { describe, expect, it } from "vitest";
import type { SlotClaim } from "../../../src/model/slot-claim";
import { reconcile } from "../../../addon/src/core/reconcile";
import {
  AUTO_REFILL_EVERY_MS,
  holdLost,
  lostSlots,
  markWiped,
  mayAutoRefill,
  refillLost,
  wipedSlots,
  type ListedSlots,
} from "../../../addon/src/core/lost-codes";
import { emptyStore, type StoreDocument } from "../../../addon/src/store/schema";
import { AT, claim, code, setTo } from "../fixtures";

const now = new Date("2026-03-02T10:00:00.000Z");
const MOM = code("code-mom", { name: "Mom", pin: "4821", lockIds: ["lock.front"] });
const DAD = code("code-dad", { name: "Dad", pin: "7350", lockIds: ["lock.front"] });
const OFF = code("code-off", { name: "Off", pin: "9999", lockIds: ["lock.front"], enabled: false });

const doc = (...claims: SlotClaim[]): StoreDocument => ({ ...emptyStore(), codes: [MOM, DAD, OFF], claims });
const listed = (taken: number[], unknown: number[] = []): ListedSlots => ({
  taken: new Set(taken),
  unknown: new Set(unknown),
});
const mom = claim("lock.front", 1, "code-mom", setTo("4821"));
const dad = claim("lock.front", 2, "code-dad", setTo("7350"));
const slotsOf = (claims: SlotClaim[]) => claims.map((c) => c.slot);

describe("a lock that lost its codes", () => {
  const cases: [string, StoreDocument, ListedSlots, number[]][] = [
    ["every confirmed slot listed empty: lost", doc(mom, dad), listed([]), [1, 2]],
    [
      "the lock holds someone else's code elsewhere, and none of Latchkey's: lost",
      doc(mom, dad),
      listed([9]),
      [1, 2],
    ],
    ["all still there: nothing lost", doc(mom, dad), listed([1, 2]), []],
    [
      "one emptied among others still there (a keypad delete): no loss of memory",
      doc(mom, dad),
      listed([2]),
      [],
    ],
    ["a slot the listing cannot tell is not counted", doc(mom, dad), listed([], [2]), [1]],
    ["every slot unknown: nothing to say", doc(mom, dad), listed([], [1, 2]), []],
    [
      "an unconfirmed write is no confirmed code",
      doc(claim("lock.front", 1, "code-mom", setTo("4821", false))),
      listed([]),
      [],
    ],
    [
      "a held slot waits for its admin already",
      doc({ ...mom, held: { reason: "changed_at_lock", since: AT } }),
      listed([]),
      [],
    ],
    ["a slot to be read first was never written", doc({ ...mom, readFirst: true }), listed([]), []],
    [
      "a disabled code's slot is meant to be empty",
      doc(claim("lock.front", 3, "code-off", setTo("9999"))),
      listed([]),
      [],
    ],
    [
      "a PIN being changed is not the PIN confirmed",
      doc(claim("lock.front", 1, "code-mom", setTo("1111"))),
      listed([]),
      [],
    ],
    [
      "another lock's claims are another lock's",
      doc(claim("lock.back", 1, "code-mom", setTo("4821"))),
      listed([]),
      [],
    ],
    ["a lock with no codes of Latchkey's lost nothing", doc(), listed([]), []],
  ];
  it.each(cases)("%s", (_name, document, listing, lost) => {
    expect(slotsOf(lostSlots(document, "lock.front", listing, now, "UTC"))).toEqual(lost);
  });

  it("holds the lost slots — nothing is written there — and names whose codes they were", () => {
    const before = doc(mom, dad);
    const { document, codes } = holdLost(before, lostSlots(before, "lock.front", listed([]), now, "UTC"), AT);
    expect(codes.map((c) => c.name)).toEqual(["Mom", "Dad"]);
    expect(document.claims.map((c) => c.held)).toEqual([
      { reason: "codes_lost", since: AT },
      { reason: "codes_lost", since: AT },
    ]);
    expect(reconcile(document.codes, document.claims, now, "UTC").operations).toEqual([]);
    // Held, the same listing finds nothing more to report: told once.
    expect(lostSlots(document, "lock.front", listed([]), now, "UTC")).toEqual([]);
  });

  it("a refill writes every lost code back, and only those", () => {
    const keypad = claim("lock.front", 5, "code-dad", { status: "unknown" });
    const before = holdLost(doc(mom, dad), [mom, dad], AT).document;
    const withKeypadHold = {
      ...before,
      claims: [...before.claims, { ...keypad, held: { reason: "changed_at_lock" as const, since: AT } }],
    };
    const { document, refilled } = refillLost(withKeypadHold, "lock.front");
    expect(refilled).toEqual([
      { codeId: "code-mom", slot: 1 },
      { codeId: "code-dad", slot: 2 },
    ]);
    expect(reconcile(document.codes, document.claims, now, "UTC").operations).toEqual([
      { kind: "set", lockId: "lock.front", slot: 1, codeId: "code-mom", pin: "4821" },
      { kind: "set", lockId: "lock.front", slot: 2, codeId: "code-dad", pin: "7350" },
    ]);
    expect(document.claims.find((c) => c.slot === 5)?.held?.reason).toBe("changed_at_lock");
  });

  it("a lost code deleted before the refill leaves its slot as it is: empty, nothing to clear", () => {
    const lost = holdLost(doc(mom), [mom], AT).document;
    const deleted = { ...lost, codes: lost.codes.filter((c) => c.id !== "code-mom") };
    const plan = reconcile(deleted.codes, deleted.claims, now, "UTC");
    expect(plan.operations).toEqual([]);
    expect(plan.release.map((c) => c.slot)).toEqual([1]);
  });

  it("refuses a refill where nothing was lost, saying so", () => {
    expect(() => refillLost(doc(mom), "lock.front")).toThrow(
      expect.objectContaining({ code: "not_found", problem: "error.nothing_to_refill" }),
    );
  });

  it.each([
    ["never refilled", undefined, true],
    ["refilled a day ago", new Date(now.getTime() - AUTO_REFILL_EVERY_MS).toISOString(), true],
    ["refilled this morning", "2026-03-02T06:00:00.000Z", false],
  ])("refills on its own at most once a day: %s", (_name, at, may) => {
    expect(mayAutoRefill(at, now)).toBe(may);
  });
});

describe("a lock that says it deleted all its codes (a factory reset)", () => {
  const cases: [string, StoreDocument, number[]][] = [
    ["every slot of an active code with its PIN there: lost", doc(mom, dad), [1, 2]],
    [
      "a lock that hides PINs never confirmed them: lost all the same",
      doc(claim("lock.front", 1, "code-mom", setTo("4821", false))),
      [1],
    ],
    [
      "a PIN still being written is written as planned",
      doc(claim("lock.front", 1, "code-mom", setTo("1111"))),
      [],
    ],
    ["a slot never written", doc(claim("lock.front", 1, "code-mom")), []],
    [
      "a held slot waits for its admin already",
      doc({ ...mom, held: { reason: "codes_lost", since: AT } }),
      [],
    ],
    ["a slot to be read first was never written", doc({ ...mom, readFirst: true }), []],
    ["a disabled code's slot", doc(claim("lock.front", 3, "code-off", setTo("9999"))), []],
    ["another lock's claims", doc(claim("lock.back", 1, "code-mom", setTo("4821"))), []],
  ];
  it.each(cases)("%s", (_name, document, lost) => {
    expect(slotsOf(wipedSlots(document, "lock.front", now, "UTC"))).toEqual(lost);
  });

  it("held as lost, the rest of the lock known empty: nothing is written or cleared until a refill", () => {
    const disabled = claim("lock.front", 3, "code-off", setTo("9999"));
    const clearOnly: SlotClaim = {
      lockId: "lock.front",
      slot: 7,
      owner: { kind: "clear" },
      observed: setTo(""),
    };
    const back = claim("lock.back", 1, "code-mom", setTo("4821"));
    const before = doc(mom, dad, disabled, clearOnly, back);
    const held = holdLost(before, wipedSlots(before, "lock.front", now, "UTC"), AT).document;
    const after = markWiped(held, "lock.front", AT);
    const plan = reconcile(after.codes, after.claims, now, "UTC");
    const front = <T extends { lockId: string }>(items: T[]) =>
      items.filter((o) => o.lockId === "lock.front");
    expect(front(plan.operations)).toEqual([]);
    expect(front(plan.release).map((c) => c.slot)).toEqual([7]);
    expect(after.claims.find((c) => c.lockId === "lock.back")).toEqual(back);
    expect(wipedSlots(after, "lock.front", now, "UTC")).toEqual([]);
    expect(refillLost(after, "lock.front").refilled.map((r) => r.slot)).toEqual([1, 2]);
  });
});
