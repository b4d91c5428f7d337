import { afterEach, describe, expect, it } from "vitest";
import { lockWrites, slotsHolding } from "../integration/support/world";
import { allSynced, draft, startLatchkey, type Harness } from "./support/harness";

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

describe("the service in-process", () => {
  it("puts a new code on every lock it is ticked onto, one write each", async () => {
    h = await startLatchkey();
    const { codeId } = await h.service.createCode(
      draft("Mom", "4821", ["lock.front_door", "lock.back_door"]),
    );
    await h.until((s) => allSynced(s));
    expect(slotsHolding(h.ha, "lock.front_door", "4821")).toEqual([1]);
    expect(slotsHolding(h.ha, "lock.back_door", "4821")).toEqual([1]);
    expect(lockWrites(h.ha)).toHaveLength(2);
    expect(Object.keys(h.snapshot().sync[codeId] ?? {})).toEqual(["lock.front_door", "lock.back_door"]);
  });
});
