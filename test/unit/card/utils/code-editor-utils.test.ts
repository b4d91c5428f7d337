import { describe, expect, it } from "vitest";
import { checkDraft } from "../../../../src/card/utils/code-editor-utils";
import type { PublicCode } from "../../../../src/model/code";
import { code, lock } from "../../fixtures";

const { pin: _pin, ...mom } = code("code-mom", { name: "Mom", lockIds: ["lock.front", "lock.garage"] });
const codes: PublicCode[] = [mom];

describe("the code editor's own checks", () => {
  it("editing a code whose lock is missing from HA right now is not refused for that lock", () => {
    const draft = { name: "Mum", pin: "", lockIds: ["lock.front", "lock.garage"], enabled: true };
    expect(checkDraft(draft, codes, new Map(), [lock("lock.front")], "code-mom").errors).toEqual([]);
  });
  it("a new code on a lock the card does not know is refused", () => {
    const draft = { name: "Dad", pin: "5930", lockIds: ["lock.garage"], enabled: true };
    expect(
      checkDraft(draft, codes, new Map(), [lock("lock.front")], undefined).errors.map((e) => e.problem),
    ).toEqual(["validation.lock_unknown"]);
  });
});
