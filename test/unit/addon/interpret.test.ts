import { describe, expect, it } from "vitest";
import {
  describeActivity,
  interpretNotification,
  type InterpretContext,
} from "../../../addon/src/core/interpret";
import { messages } from "../../../addon/src/i18n/messages";
import { code, lock } from "../fixtures";

const ctx: InterpretContext = {
  locks: [lock("lock.back_door", { deviceId: "dev-back", name: "Back Door" })],
  codes: [code("code-mom", { name: "Mom", lockIds: ["lock.back_door"] })],
  codeAt: (lockId, slot) => (lockId === "lock.back_door" && slot === 3 ? "code-mom" : undefined),
};
const event = (ev: number, parameters?: unknown) => ({
  device_id: "dev-back",
  command_class: 113,
  type: 6,
  event: ev,
  parameters,
});

describe("Access Control events (Notification CC type 6)", () => {
  it.each([
    [1, undefined, "manual_lock", "Back Door was locked by hand."],
    [2, undefined, "manual_unlock", "Back Door was unlocked by hand."],
    [3, undefined, "rf_lock", "Back Door was locked from an app or remote."],
    [4, undefined, "rf_unlock", "Back Door was unlocked from an app or remote."],
    [5, { userId: 3 }, "keypad_lock", "Mom locked Back Door with the keypad."],
    [6, { userId: 3 }, "keypad_unlock", "Mom unlocked Back Door with the keypad."],
    [6, { userId: 9 }, "keypad_unlock", "An unknown code (slot 9) unlocked Back Door with the keypad."],
    [9, undefined, "auto_lock", "Back Door locked itself."],
    [11, undefined, "jammed", "Back Door is jammed."],
    [12, undefined, "all_codes_deleted_at_lock", "All codes were removed at the Back Door keypad."],
    [13, { userId: 4 }, "code_deleted_at_lock", "A code was removed at the Back Door keypad (slot 4)."],
    [14, { userId: 4 }, "code_added_at_lock", "A code was added at the Back Door keypad (slot 4)."],
    [15, undefined, "duplicate_code_rejected", "Back Door rejected a code because it already has it."],
    [16, undefined, "keypad_disabled", "Back Door disabled its keypad after too many wrong codes."],
    [33, { userId: 3 }, "keypad_lock", "Mom locked Back Door with the keypad."],
    [34, { userId: 3 }, "keypad_unlock", "Mom unlocked Back Door with the keypad."],
  ])("event %i %j → %s", (ev, parameters, kind, sentence) => {
    const seen = interpretNotification(event(ev, parameters), ctx);
    expect(seen?.kind).toBe(kind);
    expect(seen && describeActivity(seen, "Back Door")).toBe(sentence);
  });

  it("tells the household in German when HA is set to German", () => {
    const de = messages("de");
    expect(describeActivity({ kind: "keypad_unlock", slot: 3, codeName: "Mom" }, "Back Door", de)).toBe(
      "Mom hat Back Door mit dem Tastenfeld entriegelt.",
    );
    expect(describeActivity({ kind: "keypad_unlock", slot: 9, codeName: null }, "Back Door", de)).toBe(
      "Ein unbekannter Code (Platz 9) hat Back Door mit dem Tastenfeld entriegelt.",
    );
    expect(describeActivity({ kind: "code_added_at_lock", slot: 4, codeName: null }, "Back Door", de)).toBe(
      "Am Tastenfeld von Back Door wurde ein Code hinzugefügt (Platz 4).",
    );
    expect(
      describeActivity({ kind: "manual_unlock", slot: null, codeName: null }, "Back Door", messages("fr")),
    ).toBe("Back Door was unlocked by hand.");
    expect(
      describeActivity({ kind: "rf_unlock", slot: null, codeName: null, userName: "Alex" }, "Back Door", de),
    ).toBe("Alex hat Back Door in Home Assistant entriegelt.");
  });

  it("names the HA user behind a remote move or a bare state change, and nobody for other kinds", () => {
    const alex = { slot: null, codeName: null, userName: "Alex" };
    expect(describeActivity({ kind: "rf_lock", ...alex }, "Back Door")).toBe(
      "Alex locked Back Door in Home Assistant.",
    );
    expect(describeActivity({ kind: "unlocked", ...alex }, "Back Door")).toBe(
      "Alex unlocked Back Door in Home Assistant.",
    );
    expect(describeActivity({ kind: "manual_unlock", ...alex }, "Back Door")).toBe(
      "Back Door was unlocked by hand.",
    );
    expect(
      describeActivity({ kind: "rf_unlock", slot: null, codeName: null, userName: null }, "Back Door"),
    ).toBe("Back Door was unlocked from an app or remote.");
  });

  it("names the code that owns the slot, and only that", () => {
    expect(interpretNotification(event(6, { userId: 3 }), ctx)).toEqual({
      kind: "keypad_unlock",
      lockId: "lock.back_door",
      slot: 3,
      codeId: "code-mom",
      codeName: "Mom",
    });
    expect(interpretNotification(event(6, { userId: 9 }), ctx)).toMatchObject({
      codeId: null,
      codeName: null,
      slot: 9,
    });
  });

  it.each([
    [23, "4821", "keypad_unlock", "Mom unlocked Back Door with the keypad."],
    [22, "4821", "keypad_lock", "Mom locked Back Door with the keypad."],
    [23, "9999", "keypad_unlock", "Someone unlocked Back Door with the keypad."],
  ])(
    "Entry Control event type %i with typed digits → %s, never keeping the digits",
    (eventType, typed, kind, sentence) => {
      const seen = interpretNotification(
        { device_id: "dev-back", command_class: 111, event_type: eventType, event_data: typed },
        ctx,
      );
      expect(seen?.kind).toBe(kind);
      expect(seen && describeActivity(seen, "Back Door")).toBe(sentence);
      expect(JSON.stringify(seen)).not.toContain(typed);
    },
  );

  it.each([
    ["another lock's device", { ...event(6, { userId: 3 }), device_id: "dev-other" }],
    ["another notification type (smoke)", { ...event(6), type: 1 }],
    [
      "an Entry Control event that is not lock/unlock (Arm away)",
      { device_id: "dev-back", command_class: 111, event_type: 5, event_data: "4821" },
    ],
    ["an event Latchkey does not know", event(200)],
  ])("ignores %s", (_label, raw) => {
    expect(interpretNotification(raw, ctx)).toBeNull();
  });
});
