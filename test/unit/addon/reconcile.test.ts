import { describe, expect, it } from "vitest";
import { reconcile } from "../../../addon/src/core/reconcile";
import { claim, code, empty, setTo } from "../fixtures";

const now = new Date("2026-03-02T10:00:00Z");
const plan = (codes: Parameters<typeof reconcile>[0], claims: Parameters<typeof reconcile>[1]) =>
  reconcile(codes, claims, now, "UTC");

describe("reconcile", () => {
  const mom = code("code-mom", { pin: "4821", lockIds: ["lock.front", "lock.back"] });

  it.each([
    [
      "slot unknown → one set",
      [claim("lock.front", 1, "code-mom")],
      [{ kind: "set", lockId: "lock.front", slot: 1, pin: "4821" }],
    ],
    ["slot already holds the PIN → nothing", [claim("lock.front", 1, "code-mom", setTo("4821"))], []],
    [
      "accepted but unconfirmed write of the same PIN → nothing (no write loop)",
      [claim("lock.front", 1, "code-mom", setTo("4821", false))],
      [],
    ],
    [
      "slot holds an old PIN → one set",
      [claim("lock.front", 1, "code-mom", setTo("1111"))],
      [{ kind: "set", slot: 1, pin: "4821" }],
    ],
    ["slot empty → one set", [claim("lock.front", 1, "code-mom", empty)], [{ kind: "set", slot: 1 }]],
  ])("%s", (_name, claims, expected) => {
    const { operations, release } = plan([mom], claims);
    expect(operations).toHaveLength(expected.length);
    expected.forEach((e, i) => {
      expect(operations[i]).toMatchObject(e);
    });
    expect(release).toEqual([]);
  });

  it("a restart in sync sends nothing for any of many slots", () => {
    const codes = Array.from({ length: 50 }, (_, i) =>
      code(`code-${1000 + i}`, { pin: String(100000 + i), lockIds: ["lock.front"] }),
    );
    const claims = codes.map((c, i) => claim("lock.front", i + 1, c.id, setTo(c.pin)));
    expect(plan(codes, claims).operations).toEqual([]);
  });

  it("unticking a lock clears that slot once, then releases it when observed empty", () => {
    const onlyFront = { ...mom, lockIds: ["lock.front"] };
    const before = [
      claim("lock.front", 1, "code-mom", setTo("4821")),
      claim("lock.back", 4, "code-mom", setTo("4821")),
    ];
    expect(plan([onlyFront], before).operations).toEqual([
      { kind: "clear", lockId: "lock.back", slot: 4, codeId: "code-mom" },
    ]);
    const after = [before[0]!, claim("lock.back", 4, "code-mom", empty)];
    const second = plan([onlyFront], after);
    expect(second.operations).toEqual([]);
    expect(second.release).toEqual([after[1]]);
  });

  it("a disabled code is cleared everywhere but keeps its slots for re-enabling", () => {
    const disabled = { ...mom, enabled: false };
    const claims = [
      claim("lock.front", 1, "code-mom", setTo("4821")),
      claim("lock.back", 2, "code-mom", setTo("4821")),
    ];
    expect(plan([disabled], claims).operations.map((o) => o.kind)).toEqual(["clear", "clear"]);
    const cleared = claims.map((c) => ({ ...c, observed: empty }));
    expect(plan([disabled], cleared)).toEqual({ operations: [], release: [] });
  });

  it("a deleted code's slots are cleared and then released", () => {
    const claims = [claim("lock.front", 1, "code-mom", setTo("4821"))];
    expect(plan([], claims).operations).toEqual([
      { kind: "clear", lockId: "lock.front", slot: 1, codeId: "code-mom" },
    ]);
    expect(plan([], [claim("lock.front", 1, "code-mom", empty)]).release).toHaveLength(1);
  });

  it("an expired code is removed from its locks", () => {
    const expired = { ...mom, rules: { weekly: [], burner: false, validUntil: "2026-03-01T00:00:00Z" } };
    expect(plan([expired], [claim("lock.front", 1, "code-mom", setTo("4821"))]).operations).toMatchObject([
      { kind: "clear" },
    ]);
  });
});
