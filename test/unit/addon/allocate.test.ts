import { describe, expect, it } from "vitest";
import { allocateSlots } from "../../../addon/src/core/allocate";
import type { Lock } from "../../../src/model/lock";
import { claim, code, lock } from "../fixtures";

const locks = new Map<string, Lock>([
  ["lock.front", lock("lock.front")],
  ["lock.back", lock("lock.back", { slotCount: 3 })],
]);
const allRange = { first: 1, last: null };

describe("allocateSlots", () => {
  it("gives each (code, lock) pair the lowest free slot", () => {
    const codes = [
      code("code-aaa", { lockIds: ["lock.front", "lock.back"] }),
      code("code-bbb", { lockIds: ["lock.front"], createdAt: "2026-01-02T00:00:00.000Z" }),
    ];
    const { claims } = allocateSlots(codes, [], locks, allRange, new Map());
    expect(claims.map((c) => [c.owner.kind === "code" ? c.owner.codeId : null, c.lockId, c.slot])).toEqual([
      ["code-aaa", "lock.front", 1],
      ["code-aaa", "lock.back", 1],
      ["code-bbb", "lock.front", 2],
    ]);
  });

  it("never moves an existing claim (slots stay stable across edits)", () => {
    const existing = [claim("lock.front", 7, "code-aaa")];
    const { claims } = allocateSlots(
      [code("code-aaa", { lockIds: ["lock.front"] })],
      existing,
      locks,
      allRange,
      new Map(),
    );
    expect(claims).toEqual(existing);
  });

  it("skips slots holding codes Latchkey did not write, and respects the managed range", () => {
    const { claims } = allocateSlots(
      [code("code-aaa", { lockIds: ["lock.front"] })],
      [],
      locks,
      { first: 5, last: 10 },
      new Map([["lock.front", new Set([5, 6])]]),
    );
    expect(claims[0]?.slot).toBe(7);
  });

  it("reports a full lock instead of overwriting anything", () => {
    const others = new Map([["lock.back", new Set([1, 2, 3])]]);
    const result = allocateSlots([code("code-aaa", { lockIds: ["lock.back"] })], [], locks, allRange, others);
    expect(result.claims).toEqual([]);
    expect(result.full).toEqual([{ codeId: "code-aaa", lockId: "lock.back" }]);
  });

  it("marks a slot whose content is not known to be read before it is written", () => {
    const unknown = (lockId: string, slot: number) => lockId === "lock.front" && slot === 1;
    const { claims } = allocateSlots(
      [code("code-aaa", { lockIds: ["lock.front", "lock.back"] })],
      [],
      locks,
      allRange,
      new Map(),
      unknown,
    );
    expect(claims.map((c) => [c.lockId, c.slot, c.readFirst])).toEqual([
      ["lock.front", 1, true],
      ["lock.back", 1, undefined],
    ]);
  });

  it("waits for locks that are not discovered yet", () => {
    const result = allocateSlots(
      [code("code-aaa", { lockIds: ["lock.gone"] })],
      [],
      locks,
      allRange,
      new Map(),
    );
    expect(result).toEqual({ claims: [], full: [] });
  });
});
