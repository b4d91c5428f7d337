import { describe, expect, it } from "vitest";
import { cardTranslations } from "../../../../src/card/i18n/card-translations";
import { chipTitle, type LockChip } from "../../../../src/card/utils/sync-utils";

const en = await cardTranslations.load("en");
const chip = (over: Partial<LockChip>): LockChip => ({
  lockId: "lock.patio_door",
  lockName: "Patio Door",
  state: "synced",
  detail: null,
  slot: 2,
  matter: false,
  ...over,
});

describe("a lock chip's tooltip", () => {
  it("says on a Matter lock what synced means there: a PIN is set, the lock never shows it back", () => {
    expect(chipTitle(chip({ matter: true }), en)).toBe(
      "Slot 2 · the lock confirms a PIN is set here (a Matter lock never shows a PIN back)",
    );
  });

  it("gives only the slot on a Z-Wave lock, and nothing extra on a Matter lock not yet synced", () => {
    expect(chipTitle(chip({}), en)).toBe("Slot 2");
    expect(chipTitle(chip({ matter: true, state: "pending" }), en)).toBe("Slot 2");
  });
});
