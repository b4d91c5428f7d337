import { afterEach, describe, expect, it } from "vitest";
import type { Lock } from "../../../src/model/lock";
import { Executor } from "../../../addon/src/sync/executor";

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
});
