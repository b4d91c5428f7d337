import { afterEach, describe, expect, it } from "vitest";
import { allSynced, draft, startLatchkey, type Harness } from "./support/harness";

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

describe("door events", () => {
  it("a burner code's first use retires it like a disable: an activity entry and latchkey_code_changed", async () => {
    h = await startLatchkey();
    const { codeId } = await h.service.createCode(
      draft("Emergency", "9146", ["lock.front_door"], { rules: { weekly: [], burner: true } }),
    );
    await h.until(allSynced);
    h.ha.pressKeypad("lock.front_door", 1, "unlock");
    await h.until((s) => s.codes.some((c) => c.id === codeId && !c.enabled));
    const changed = () =>
      h?.ha.firedEvents.filter(
        (e) => e.event_type === "latchkey_code_changed" && e.data.code_id === codeId,
      ) ?? [];
    const deadline = Date.now() + 3_000;
    while (changed().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(changed().map((e) => e.data.action)).toEqual(["disabled"]);
    expect(h.activity.list({ codeId, limit: 10 }).map((e) => [e.kind, e.userName])).toEqual([
      ["code_disabled", "Latchkey"],
      ["keypad_unlock", null],
    ]);
  });
});
