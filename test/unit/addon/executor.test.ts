import { afterEach, describe, expect, it } from "vitest";
import type { Lock } from "../../../src/model/lock";
import type { Operation } from "../../../addon/src/core/operations";
import { Executor } from "../../../addon/src/sync/executor";
import { WriteRefused } from "../../../addon/src/sync/write-refused";

const LOCK: Lock = {
  id: "lock.back_door",
  deviceId: "dev-back",
  nodeId: 3,
  name: "Back door",
  area: null,
  available: true,
  nodeStatus: "alive",
  slotCount: 30,
  slotCountSource: "setting",
  pinLength: { min: 4, max: 8 },
};

let executor: Executor | null = null;
afterEach(() => {
  executor?.stop();
  executor = null;
});

describe("sync executor", () => {
  it("a failed write's reason never quotes the PIN it tried to write", async () => {
    const reasons: string[] = [];
    executor = new Executor({
      // Some HA and driver errors echo the value they were given.
      writer: () =>
        Promise.reject(
          new Error("Unable to set lock usercode on lock.back_door code_slot 3: invalid usercode 739164"),
        ),
      lockOf: () => LOCK,
      onObserved: () => Promise.resolve(),
      onChange: () => undefined,
      onFailure: (_op, reason) => {
        reasons.push(reason);
      },
      onRetryDue: () => undefined,
      retry: { baseMs: 60_000, maxMs: 60_000 },
    });
    executor.submit([{ kind: "set", lockId: "lock.back_door", slot: 3, codeId: "code-mom", pin: "739164" }]);
    await executor.idle();
    expect(reasons).toEqual([
      "Unable to set lock usercode on lock.back_door code_slot 3: invalid usercode ****",
    ]);
    expect(executor.statusOf("lock.back_door", 3)).toMatchObject({
      state: "failed",
      reason: reasons[0],
      attempts: 1,
    });
  });

  it("a write the lock refused is never sent again while the plan wants it; another PIN for the slot is", async () => {
    const sent: string[] = [];
    const refused: string[] = [];
    executor = new Executor({
      writer: (op) => {
        if (op.kind === "set") sent.push(op.pin);
        return op.kind === "set" && op.pin === "739164"
          ? Promise.reject(new WriteRefused())
          : Promise.resolve({
              status: "set",
              pin: op.kind === "set" ? op.pin : "",
              confirmed: true,
              verifiedAt: new Date().toISOString(),
              via: "cc_read",
            });
      },
      lockOf: () => LOCK,
      onObserved: () => Promise.resolve(),
      onChange: () => undefined,
      onRefused: (_op, reason) => {
        refused.push(reason);
      },
      onRetryDue: () => undefined,
      retry: { baseMs: 1, maxMs: 1 },
    });
    const set = (pin: string): Operation => ({
      kind: "set",
      lockId: "lock.back_door",
      slot: 3,
      codeId: "code-mom",
      pin,
    });
    executor.submit([set("739164")]);
    await executor.idle();
    for (let replan = 0; replan < 5; replan++) {
      executor.submit([set("739164")]);
      await executor.idle();
    }
    expect(sent).toEqual(["739164"]);
    expect(executor.statusOf("lock.back_door", 3)).toEqual({
      state: "failed",
      reason:
        "This lock refused the PIN: another slot holds the same PIN. Latchkey does not send it again; choose another PIN, or clear the other slot.",
      attempts: 1,
      nextRetryAt: null,
      problem: "sync_reason.refused_duplicate",
    });
    expect(refused).toHaveLength(1);
    executor.submit([set("582047")]);
    await executor.idle();
    expect(sent).toEqual(["739164", "582047"]);
  });
});
