import { describe, expect, it } from "vitest";
import { cardTranslations } from "../../../../src/card/i18n/card-translations";
import { chipTitle, lockChips, syncKey, type LockChip } from "../../../../src/card/utils/sync-utils";
import { syncReason, type SyncStatus } from "../../../../src/model/slot";
import { snapshotFixture } from "../fake-addon";

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

describe('a chip on a quirky lock says what the lock did, and never "synced"', () => {
  const AT = "2026-12-02T14:00:00.000Z";
  const onFront = (status: SyncStatus) => {
    const snapshot = snapshotFixture();
    snapshot.sync["code-ada"] = { "lock.front_door": status };
    const ada = snapshot.codes.find((c) => c.id === "code-ada");
    if (!ada) throw new Error("no Ada in the fixture");
    const front = lockChips(ada, snapshot).find((c) => c.lockId === "lock.front_door");
    if (!front) throw new Error("no front door chip");
    return { label: en(syncKey(front.state)), title: chipTitle(front, en) };
  };

  it.each([
    [
      "a lock that hides PINs",
      { state: "unverified", at: AT, why: "pin_hidden", ...syncReason("sync_reason.pin_hidden") },
      "set, lock hides PINs",
      /does not show PINs/,
    ],
    [
      "a lock that never answers",
      { state: "unverified", at: AT, why: "no_answer", ...syncReason("sync_reason.no_answer") },
      "set, lock never answered",
      /never reported back/,
    ],
    [
      "a lock that refused a duplicate PIN",
      {
        state: "failed",
        ...syncReason("sync_reason.refused_duplicate"),
        attempts: 1,
        nextRetryAt: null,
      },
      "refused by the lock",
      /this lock refused the PIN: another slot holds the same PIN/i,
    ],
  ] satisfies [string, SyncStatus, string, RegExp][])("%s", (_label, status, label, title) => {
    const shown = onFront(status);
    expect(shown.label).toBe(label);
    expect(shown.title).toMatch(title);
    expect(shown.label).not.toMatch(/synced/);
  });

  it("an unverified write without a known cause keeps its plain chip", () => {
    expect(onFront({ state: "unverified", at: AT }).label).toBe("unverified");
  });
});
