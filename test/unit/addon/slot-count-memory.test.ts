import { describe, expect, it } from "vitest";
import { rememberSlotCounts } from "../../../addon/src/zwave/lock-routes";
import { lock } from "../fixtures";

describe("slot counts are asked once per lock and add-on run", () => {
  it("asks each device once, however often the locks are read again (every reconnect reads them)", async () => {
    const asked: string[] = [];
    const counts = new Map([
      ["dev-lock.front", 30],
      ["dev-lock.garage", 250],
    ]);
    const read = rememberSlotCounts((l) => {
      asked.push(l.deviceId);
      return Promise.resolve(counts.get(l.deviceId) ?? null);
    });
    if (!read) throw new Error("a reader was given");
    for (let reconnect = 0; reconnect < 3; reconnect++) {
      expect(await read(lock("lock.front"))).toBe(30);
      expect(await read(lock("lock.garage"))).toBe(250);
    }
    expect(asked).toEqual(["dev-lock.front", "dev-lock.garage"]);
  });

  it("asks again a lock that could not say (asleep, busy), until it answers", async () => {
    const answers = [null, null, 20];
    let asked = 0;
    const read = rememberSlotCounts(() => Promise.resolve(answers[asked++] ?? null));
    if (!read) throw new Error("a reader was given");
    expect(await read(lock("lock.shed"))).toBeNull();
    expect(await read(lock("lock.shed"))).toBeNull();
    expect(await read(lock("lock.shed"))).toBe(20);
    expect(await read(lock("lock.shed"))).toBe(20);
    expect(asked).toBe(3);
  });

  it("has nothing to remember where HA cannot tell slot counts", () => {
    expect(rememberSlotCounts(null)).toBeNull();
  });
});
