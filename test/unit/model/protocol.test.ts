import { describe, expect, it } from "vitest";
import { RequestSchema } from "../../../src/model/requests";

describe("card ↔ add-on requests", () => {
  it("an update carries only what was sent: renaming a disabled code leaves it disabled and its rules alone", () => {
    const parsed = RequestSchema.parse({
      id: 7,
      type: "codes/update",
      codeId: "code-mom",
      changes: { name: "  Mum  " },
    });
    expect(parsed).toEqual({ id: 7, type: "codes/update", codeId: "code-mom", changes: { name: "Mum" } });
  });

  it("a create fills in what a new code needs: enabled, always valid, notify on use", () => {
    const parsed = RequestSchema.parse({
      id: 1,
      type: "codes/create",
      draft: { name: "Mom", pin: "4821", lockIds: ["lock.front_door"] },
    });
    expect(parsed).toMatchObject({
      draft: { enabled: true, rules: { weekly: [], burner: false }, notify: { onUse: true, targets: [] } },
    });
  });

  it("says what is wrong in words a person understands", () => {
    const result = RequestSchema.safeParse({
      id: 2,
      type: "codes/create",
      draft: { name: " ", pin: "12a4", lockIds: ["light.kitchen"] },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      "Give the code a name.",
      "A PIN may contain digits only.",
      "A lock must be an entity id such as lock.front_door.",
    ]);
  });
});
