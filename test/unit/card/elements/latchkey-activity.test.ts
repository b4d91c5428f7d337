// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import "../../../../src/card/latchkey-card";
import "../../../../src/card/elements/latchkey-activity";
import type { LatchkeyCard } from "../../../../src/card/latchkey-card";
import type { LatchkeyActivity } from "../../../../src/card/elements/latchkey-activity";
import { activitySentence, relativeTime } from "../../../../src/card/utils/activity-utils";
import { AddonClient } from "../../../../src/card/data/addon-client";
import { cardTranslations } from "../../../../src/card/i18n/card-translations";

const translator = (language: string) => cardTranslations.load(language);
import type { ActivityEntry } from "../../../../src/model/activity";
import { FakeAddon, snapshotFixture } from "../fake-addon";
import { fakeHass } from "../fake-hass";
import { settle, shadow, textOf } from "../mount";

const NOW = Date.parse("2026-01-01T12:00:00Z");
const entry = (
  id: string,
  at: string,
  kind: ActivityEntry["kind"],
  more: Partial<ActivityEntry> = {},
): ActivityEntry => ({
  id,
  at,
  kind,
  lockId: null,
  codeId: null,
  codeName: null,
  slot: null,
  userName: null,
  ...more,
});
const ENTRIES: ActivityEntry[] = [
  entry("e1", "2026-01-01T11:59:30Z", "code_revealed", {
    codeId: "code-ada",
    codeName: "Mom",
    userName: "Alex",
  }),
  entry("e2", "2026-01-01T11:58:00Z", "keypad_unlock", {
    lockId: "lock.back_door",
    codeId: "code-ada",
    codeName: "Mom",
    slot: 1,
  }),
  entry("e3", "2026-01-01T10:00:00Z", "manual_unlock", { lockId: "lock.back_door" }),
  entry("e4", "2025-12-30T12:00:00Z", "code_added_at_lock", { lockId: "lock.front_door", slot: 4 }),
  entry("e5", "2025-12-29T12:00:00Z", "keypad_lock", { lockId: "lock.gone" }),
];

function activityAddon(): FakeAddon {
  const addon = new FakeAddon();
  addon.respond = (request) => ({
    ok: true,
    result: request.type === "activity/list" ? { entries: ENTRIES } : {},
  });
  return addon;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function mountActivity(addon: FakeAddon, language = "en"): Promise<LatchkeyActivity> {
  const client = new AddonClient(
    "ws://addon",
    () => ({}),
    () => undefined,
    addon.factory,
  );
  for (let i = 0; i < 20 && !client.snapshot; i++) await Promise.resolve();
  const element = document.createElement("latchkey-activity");
  element.now = () => NOW;
  element.t = await translator(language);
  element.snapshot = addon.snapshot;
  element.client = client;
  document.body.append(element);
  await settle(element);
  await settle(element);
  return element;
}

afterEach(() => {
  document.body.innerHTML = "";
});

describe("latchkey-activity", () => {
  it("shows sentences with lock names and relative times, never entity ids", async () => {
    const addon = activityAddon();
    const element = await mountActivity(addon);
    expect(addon.requests("activity/list")).toEqual([{ type: "activity/list", id: 2, limit: 50 }]);
    const rows = [...shadow(element).querySelectorAll("li")].map((li) => textOf(li));
    expect(rows).toEqual([
      "just now Alex revealed Mom's code",
      "2 min ago Mom unlocked Back door with the keypad",
      "2 h ago Back door was unlocked by hand",
      "2 d ago A code was added at the Front door keypad (slot 4)",
      "3 d ago Someone locked a lock with the keypad",
    ]);
    expect(textOf(shadow(element))).not.toMatch(/lock\.\w/);
    const time = shadow(element).querySelector("time");
    expect(time?.getAttribute("datetime")).toBe("2026-01-01T11:59:30Z");
    expect(time?.getAttribute("title")).toBe(new Date("2026-01-01T11:59:30Z").toLocaleString("en"));
  });

  it("speaks German", async () => {
    const element = await mountActivity(activityAddon(), "de");
    const rows = [...shadow(element).querySelectorAll("li")].map((li) => textOf(li));
    expect(rows[1]).toBe("vor 2 Min. Mom hat Back door am Tastenfeld entriegelt");
    expect(rows[3]).toBe("vor 2 Tg. Front door: Am Tastenfeld wurde ein Code hinzugefügt (Platz 4)");
  });

  it("filtering by lock and by code asks the add-on with lockId and codeId", async () => {
    const addon = activityAddon();
    const element = await mountActivity(addon);
    const pick = (selector: string, value: string) => {
      const select = shadow(element).querySelector<HTMLSelectElement>(selector);
      if (!select) throw new Error(`no ${selector}`);
      select.value = value;
      select.dispatchEvent(new Event("change"));
    };
    pick("select.lock-filter", "lock.back_door");
    await settle(element);
    pick("select.code-filter", "code-ada");
    await settle(element);
    expect(addon.requests("activity/list").slice(1)).toEqual([
      { type: "activity/list", id: 3, limit: 50, lockId: "lock.back_door" },
      { type: "activity/list", id: 4, limit: 50, lockId: "lock.back_door", codeId: "code-ada" },
    ]);
  });

  it("shows a failure inline", async () => {
    const addon = new FakeAddon();
    addon.respond = () => ({ ok: false, error: { code: "internal", message: "journal unreadable" } });
    const element = await mountActivity(addon);
    expect(textOf(shadow(element).querySelector(".error"))).toBe(
      "Could not load the activity: journal unreadable",
    );
  });
});

describe("activity in the card", () => {
  async function mountCard(addon: FakeAddon): Promise<LatchkeyCard> {
    const card = document.createElement("latchkey-card");
    card.setConfig({ type: "custom:latchkey-card", addon_url: "ws://127.0.0.1:8099/api/ws" });
    card.socketFactory = addon.factory;
    card.hass = fakeHass();
    document.body.append(card);
    await settle(card);
    return card;
  }

  it("stays folded until asked for, then loads once, and once more per burst of snapshots", async () => {
    const addon = activityAddon();
    const card = await mountCard(addon);
    const toggle = shadow(card).querySelector<HTMLButtonElement>("button.activity-toggle");
    expect(toggle?.getAttribute("aria-expanded")).toBe("false");
    expect(shadow(card).querySelector("latchkey-activity")).toBeNull();
    expect(addon.requests("activity/list")).toEqual([]);

    toggle?.click();
    await settle(card);
    await settle(card);
    expect(toggle?.getAttribute("aria-expanded")).toBe("true");
    expect(addon.requests("activity/list")).toHaveLength(1);
    expect(textOf(shadow(shadow(card).querySelector("latchkey-activity")))).toContain(
      "Mom unlocked Back door with the keypad",
    );

    addon.push({ type: "snapshot", snapshot: snapshotFixture() });
    await settle(card);
    addon.push({ type: "snapshot", snapshot: snapshotFixture() });
    await settle(card);
    await pause(400);
    await settle(card);
    expect(addon.requests("activity/list")).toHaveLength(2);

    card.hass = { ...fakeHass() };
    await settle(card);
    await pause(400);
    expect(addon.requests("activity/list")).toHaveLength(2);
  });
});

const t = await translator("en");
const de = await translator("de");

describe("activity helpers", () => {
  it("names a slot no code owns, but keeps a hidden name hidden", () => {
    const { locks } = snapshotFixture();
    const unknown = entry("x", "2026-01-01T12:00:00Z", "keypad_unlock", {
      lockId: "lock.back_door",
      slot: 7,
    });
    expect(activitySentence(unknown, locks, t)).toBe(
      "An unknown code (slot 7) unlocked Back door with the keypad",
    );
    expect(activitySentence(unknown, locks, de)).toBe(
      "Ein unbekannter Code (Platz 7) hat Back door am Tastenfeld entriegelt",
    );
    const hidden = { ...unknown, codeId: "code-ada" };
    expect(activitySentence(hidden, locks, t)).toBe("Someone unlocked Back door with the keypad");
  });

  it("tells a move the lock only reported as its new state", () => {
    const moved = entry("x", "2026-01-01T12:00:00Z", "unlocked", { lockId: "lock.back_door" });
    const { locks } = snapshotFixture();
    expect(activitySentence(moved, locks, t)).toBe("Back door was unlocked");
    expect(activitySentence(moved, locks, de)).toBe("Back door wurde entriegelt");
  });

  it("names the person who moved a door in Home Assistant, however the lock reported it", () => {
    const { locks } = snapshotFixture();
    const at = "2026-01-01T12:00:00Z";
    const byAlex = (kind: "rf_unlock" | "unlocked" | "rf_lock" | "locked") => ({
      ...entry("x", at, kind, { lockId: "lock.back_door" }),
      userName: "Alex",
    });
    expect(activitySentence(byAlex("rf_unlock"), locks, t)).toBe("Alex unlocked Back door in Home Assistant");
    expect(activitySentence(byAlex("unlocked"), locks, t)).toBe("Alex unlocked Back door in Home Assistant");
    expect(activitySentence(byAlex("locked"), locks, de)).toBe(
      "Alex hat Back door in Home Assistant verriegelt",
    );
    // From an automation, a remote or the lock's own report: nobody to name.
    expect(activitySentence(entry("x", at, "rf_lock", { lockId: "lock.back_door" }), locks, t)).toBe(
      "Back door was locked remotely",
    );
  });

  it("falls back to 'someone' and 'a code' where the add-on hid names", () => {
    expect(activitySentence(entry("x", "2026-01-01T12:00:00Z", "code_shared"), [], t)).toBe(
      "Someone shared a code",
    );
  });
  it("switches to the date after a week", async () => {
    expect(relativeTime("2025-12-01T12:00:00Z", NOW, t)).toBe("12/1/2025");
    expect(relativeTime("2025-12-01T12:00:00Z", NOW, await translator("de-AT"))).toBe("1.12.2025");
  });
});
