import { afterEach, describe, expect, it } from "vitest";
import { allSynced, draft, startLatchkey, type Harness } from "./support/harness";

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

describe("slots changed at the keypad", () => {
  it("a slot is held even when its claim changes while the keypad report is handled", async () => {
    h = await startLatchkey({ ownEchoMs: 0 });
    const { codeId } = await h.service.createCode(draft("Mom", "4821", ["lock.front_door"]));
    await h.until(allSynced);
    // A write's outcome for that slot is being saved at the moment the lock reports a change.
    const at = new Date().toISOString();
    const saving = h.service.book.observe("lock.front_door", 1, {
      status: "set",
      pin: "4821",
      confirmed: true,
      verifiedAt: at,
      via: "lock_report",
    });
    const { held } = await h.service.holdChangedSlots("lock.front_door", 1, "changed_at_lock");
    await saving;
    expect(held.map((c) => c.id)).toEqual([codeId]);
    expect(h.snapshot().held).toMatchObject([{ lockId: "lock.front_door", slot: 1, codeId }]);
  });
});
