// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { LatchkeyCard } from "../../../src/card/latchkey-card";
import { LatchkeyCodeList } from "../../../src/card/elements/latchkey-code-list";
import { LatchkeyLockList } from "../../../src/card/elements/latchkey-lock-list";
import { KEEP_CONNECTION_OFF_PAGE_MS } from "../../../src/card/data/addon-controller";
import { FakeAddon } from "./fake-addon";
import { fakeHass, withState } from "./fake-hass";
import { mountCard, settle, shadow, textOf } from "./mount";

async function mount(config: Record<string, unknown>, hass = fakeHass()): Promise<LatchkeyCard> {
  const card = document.createElement("latchkey-card");
  card.setConfig({ type: "custom:latchkey-card", ...config });
  card.hass = hass;
  document.body.append(card);
  await settle(card);
  return card;
}

/** A card talking to a fake add-on (its snapshot: codes, sync states, a last activity). */
async function mountWithAddon(hass = fakeHass()): Promise<LatchkeyCard> {
  const card = document.createElement("latchkey-card");
  card.setConfig({ type: "custom:latchkey-card", addon_url: "ws://addon.test/api/ws" });
  card.socketFactory = new FakeAddon().factory;
  card.hass = hass;
  document.body.append(card);
  await settle(card);
  return card;
}

function lockList(card: LatchkeyCard): ShadowRoot {
  return shadow(shadow(card).querySelector("latchkey-lock-list"));
}

afterEach(() => {
  document.body.innerHTML = "";
  vi.restoreAllMocks();
});

describe("latchkey-card config", () => {
  it("rejects a lock list with a non-lock entity, naming the field", () => {
    const card = new LatchkeyCard();
    expect(() => {
      card.setConfig({ type: "custom:latchkey-card", locks: ["light.kitchen"] });
    }).toThrow(/locks\.0: must be a lock entity id/);
  });

  it("rejects an addon_url that is not a websocket URL and a config that is not an object", () => {
    const card = new LatchkeyCard();
    expect(() => {
      card.setConfig({ type: "custom:latchkey-card", addon_url: "http://x" });
    }).toThrow(/addon_url: must be a ws:\/\/ or wss:\/\/ URL/);
    expect(() => {
      card.setConfig("nope");
    }).toThrow(/configuration is not valid — the configuration must be a mapping of options/);
  });

  it('words every mistake for a person, never zod\'s bare "Invalid input"', () => {
    const card = new LatchkeyCard();
    const mistakes: unknown[] = [
      { type: "custom:latchkey-card", locks: "lock.front_door" },
      { type: "custom:latchkey-card", locks: [] },
      { type: "custom:latchkey-card", title: 42 },
      { type: "custom:latchkey-card", addon_url: 8099 },
      { title: "no type" },
    ];
    for (const config of mistakes) {
      expect(() => {
        card.setConfig(config);
      }).toThrow(/configuration is not valid — \w+: [a-z]/);
      expect(() => {
        card.setConfig(config);
      }).not.toThrow(/Invalid input/);
    }
  });

  it("registers itself for the card picker and sizes itself", async () => {
    expect(window.customCards?.some((c) => c.type === "latchkey-card")).toBe(true);
    expect(LatchkeyCard.getStubConfig()).toEqual({});
    const card = await mount({});
    expect(card.getCardSize()).toBe(5);
    expect(card.getGridOptions().columns).toBe(12);
  });
});

describe("latchkey-card locks view", () => {
  it("shows every lock with its state and the battery from the same device", async () => {
    const card = await mount({});
    const rows = [...lockList(card).querySelectorAll("li[data-entity]")].map((li) => textOf(li));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^Back door Unlocked Lock$/);
    expect(rows[1]).toMatch(/^Front door Locked Battery 87 % Unlock$/);
    expect(rows[2]).toMatch(/^Garage Jammed Lock$/);
  });

  it("shows only the configured locks, with unavailable for a missing entity, in German", async () => {
    const card = await mount(
      { locks: ["lock.front_door", "lock.cellar"], title: "Türen" },
      fakeHass({ language: "de" }),
    );
    expect(textOf(shadow(card).querySelector("h1"))).toBe("Türen");
    const rows = [...lockList(card).querySelectorAll("li[data-entity]")].map((li) => textOf(li));
    expect(rows).toEqual([
      "Front door Verriegelt Batterie 87 % Entriegeln",
      "lock.cellar Nicht verfügbar Verriegeln",
    ]);
  });

  it("opens HA's more-info dialog when a lock is tapped", async () => {
    const card = await mount({});
    const seen: string[] = [];
    card.addEventListener("hass-more-info", (event) => {
      seen.push(event.detail.entityId);
    });
    lockList(card).querySelector<HTMLButtonElement>('li[data-entity="lock.garage"] button.name')?.click();
    expect(seen).toEqual(["lock.garage"]);
  });

  it("asks before unlocking and then calls lock.unlock", async () => {
    const hass = fakeHass();
    const card = await mount({}, hass);
    lockList(card)
      .querySelector<HTMLButtonElement>('li[data-entity="lock.front_door"] button.unlock')
      ?.click();
    await settle(card);
    expect(hass.calls).toEqual([]);
    expect(textOf(lockList(card).querySelector('[role="alertdialog"]'))).toContain("Unlock Front door?");
    lockList(card).querySelector<HTMLButtonElement>("button.confirm-unlock")?.click();
    await settle(card);
    expect(hass.calls).toEqual([
      { domain: "lock", service: "unlock", data: { entity_id: "lock.front_door" } },
    ]);
  });

  it("lock all locks the others and reports the one that did not lock", async () => {
    const hass = fakeHass({ failLock: { "lock.garage": "Lock is jammed" } });
    const card = await mount({}, hass);
    const toasts: string[] = [];
    card.addEventListener("hass-notification", (event) => {
      toasts.push(event.detail.message);
    });
    shadow(lockList(card).querySelector("latchkey-lock-all"))
      .querySelector<HTMLButtonElement>("button.lock-all")
      ?.click();
    await settle(card);
    expect(hass.calls.map((c) => `${c.service} ${String(c.data?.["entity_id"])}`)).toEqual([
      "lock lock.back_door",
      "lock lock.garage",
    ]);
    expect(textOf(shadow(lockList(card).querySelector("latchkey-lock-all")).querySelector(".result"))).toBe(
      "Garage did not lock: Lock is jammed",
    );
    expect(toasts).toEqual(["1 of 3 locks did not lock: Garage."]);
  });
});

describe("latchkey-card updates", () => {
  it("re-renders only when one of its own entities changed", async () => {
    const render = vi.spyOn(LatchkeyCard.prototype, "render");
    let hass = fakeHass();
    const card = await mount({ locks: ["lock.front_door"] }, hass);
    const initial = render.mock.calls.length;
    expect(initial).toBe(1);

    hass = withState(hass, "light.kitchen", "off");
    card.hass = hass;
    await settle(card);
    hass = withState(hass, "lock.back_door", "locked");
    card.hass = hass;
    await settle(card);
    expect(render.mock.calls.length).toBe(initial);

    hass = withState(hass, "sensor.front_door_battery", "86");
    card.hass = hass;
    await settle(card);
    expect(render.mock.calls.length).toBe(initial + 1);
    expect(textOf(lockList(card))).toContain("Battery 86 %");

    hass = withState(hass, "lock.front_door", "unlocked");
    card.hass = hass;
    await settle(card);
    expect(render.mock.calls.length).toBe(initial + 2);
    expect(textOf(lockList(card))).toContain("Unlocked");
  });

  it("shows each lock's last activity and the codes it has not taken, from the add-on", async () => {
    const card = await mountWithAddon();
    const front = textOf(lockList(card).querySelector('li[data-entity="lock.front_door"]'));
    expect(front).toMatch(/Ada unlocked Front door with the keypad · /);
    expect(front).not.toContain("not on this lock");
    expect(textOf(lockList(card).querySelector('li[data-entity="lock.back_door"] .trouble'))).toBe(
      "1 code(s) not on this lock yet",
    );
  });

  it('the last activity\'s "… ago" keeps counting while nothing else changes', async () => {
    vi.useFakeTimers({
      now: new Date("2026-01-01T10:00:30Z"),
      toFake: ["Date", "setInterval", "clearInterval"],
    });
    const card = await mountWithAddon();
    const line = () => textOf(lockList(card).querySelector('li[data-entity="lock.front_door"] .last'));
    expect(line()).toBe("Ada unlocked Front door with the keypad · just now");
    vi.advanceTimersByTime(2 * 60_000);
    await settle(card);
    expect(line()).toBe("Ada unlocked Front door with the keypad · 2 min ago");
    vi.useRealTimers();
  });

  it("a lock changing state re-renders the lock list, not the code list", async () => {
    let hass = fakeHass();
    const card = await mountWithAddon(hass);
    expect(textOf(shadow(shadow(card).querySelector("latchkey-code-list")))).toContain("Guest");
    const codeRenders = vi.spyOn(LatchkeyCodeList.prototype, "render");
    const lockRenders = vi.spyOn(LatchkeyLockList.prototype, "render");
    hass = withState(hass, "lock.back_door", "locked");
    card.hass = hass;
    await settle(card);
    expect(lockRenders).toHaveBeenCalledTimes(1);
    expect(codeRenders).not.toHaveBeenCalled();
  });

  it("moved to another column by HA (off the page and back), it keeps its connection and an open code editor", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const addon = new FakeAddon();
    const { card } = await mountCard(addon);
    const codeList = () => shadow(shadow(card).querySelector("latchkey-code-list"));
    codeList().querySelector<HTMLButtonElement>("button.add")?.click();
    await settle(card);
    const name = () => shadow(codeList().querySelector("latchkey-code-editor")).querySelector("input#name");
    const typed = name();
    if (!(typed instanceof HTMLInputElement)) throw new Error("the code editor did not open");
    typed.value = "Grandma";
    // What HA's masonry view does when the window is resized: the card is appended elsewhere.
    const column = document.createElement("div");
    document.body.append(column);
    column.append(card);
    await settle(card);
    expect(addon.urls).toHaveLength(1);
    expect(name()).toBe(typed);
    expect(typed.value).toBe("Grandma");

    // Gone for good (the dashboard closed): the connection closes after the grace time.
    card.remove();
    vi.advanceTimersByTime(KEEP_CONNECTION_OFF_PAGE_MS);
    column.append(card);
    await settle(card);
    expect(addon.urls).toHaveLength(2);
    expect(codeList().querySelector("latchkey-code-editor")).toBeNull();
    vi.useRealTimers();
  });

  it("without addon_url tells the person how to connect the add-on", async () => {
    const card = await mount({});
    expect(textOf(shadow(card).querySelector(".addon-guidance"))).toMatch(
      /^Set addon_url in the card configuration/,
    );
  });
});
