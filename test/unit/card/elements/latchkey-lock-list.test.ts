// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import type { LatchkeyCard } from "../../../../src/card/latchkey-card";
import type { HassEntity } from "../../../../src/card/ha/types";
import { FakeAddon, snapshotFixture } from "../fake-addon";
import { fakeHass, withState } from "../fake-hass";
import { settle, shadow, textOf } from "../mount";

async function mount(hass = fakeHass(), addon?: FakeAddon): Promise<LatchkeyCard> {
  const card = document.createElement("latchkey-card");
  card.setConfig({ type: "custom:latchkey-card", ...(addon ? { addon_url: "ws://addon.test/api/ws" } : {}) });
  if (addon) card.socketFactory = addon.factory;
  card.hass = hass;
  document.body.append(card);
  await settle(card);
  return card;
}

const lockList = (card: LatchkeyCard) => shadow(shadow(card).querySelector("latchkey-lock-list"));
const lockAll = (card: LatchkeyCard) => shadow(lockList(card).querySelector("latchkey-lock-all"));
const row = (card: LatchkeyCard, id: string) => lockList(card).querySelector(`li[data-entity="${id}"]`);

async function update(card: LatchkeyCard, hass: LatchkeyCard["hass"]): Promise<void> {
  card.hass = hass;
  await settle(card);
  await settle(card);
}

afterEach(() => {
  document.body.innerHTML = "";
  vi.useRealTimers();
});

describe("lock states worded by Home Assistant", () => {
  it("shows HA's wording of each lock's state and battery, in the person's language", async () => {
    // HA's formatEntityState: its own translations and number format ("87 %" in German).
    const words: Record<string, string> = {
      locked: "Verriegelt",
      unlocked: "Entriegelt",
      jammed: "Blockiert",
    };
    const hass = {
      ...fakeHass({ language: "de" }),
      formatEntityState: (entity: HassEntity) => words[entity.state] ?? `${entity.state} %`,
    };
    const card = await mount(hass);
    expect(textOf(row(card, "lock.front_door"))).toBe("Front door Verriegelt Batterie 87 % Entriegeln");
    expect(textOf(row(card, "lock.garage")?.querySelector(".state"))).toBe("Blockiert");
  });

  it("uses its own words where HA offers none (an older frontend, a missing entity)", async () => {
    const card = await mount();
    expect(textOf(row(card, "lock.back_door")?.querySelector(".state"))).toBe("Unlocked");
  });
});

describe("battery", () => {
  it("warns when a lock's battery is at 20 % or below", async () => {
    let hass = fakeHass();
    const card = await mount(hass);
    const battery = () => row(card, "lock.front_door")?.querySelector(".battery");
    expect(battery()?.classList.contains("low")).toBe(false);
    hass = withState(hass, "sensor.front_door_battery", "15");
    await update(card, hass);
    expect(textOf(battery())).toBe("Battery low: 15 %");
    expect(battery()?.classList.contains("low")).toBe(true);
    hass = withState(hass, "sensor.front_door_battery", "21");
    await update(card, hass);
    expect(textOf(battery())).toBe("Battery 21 %");
  });
});

describe("Lock all tells only what is still true", () => {
  it("claims all locked once HA shows them locked, and takes it back when one is unlocked", async () => {
    let hass = fakeHass();
    const card = await mount(hass);
    lockAll(card).querySelector<HTMLButtonElement>("button.lock-all")?.click();
    await settle(card);
    // The calls went out; HA does not show the locks locked yet: nothing claimed.
    expect(lockAll(card).querySelector(".result")).toBeNull();
    hass = withState(withState(hass, "lock.back_door", "locked"), "lock.garage", "locked");
    await update(card, hass);
    expect(textOf(lockAll(card).querySelector(".result"))).toBe("All 3 locks locked.");
    hass = withState(hass, "lock.back_door", "unlocked");
    await update(card, hass);
    expect(lockAll(card).querySelector(".result")).toBeNull();
    // Locked again by hand: the old claim does not come back.
    hass = withState(hass, "lock.back_door", "locked");
    await update(card, hass);
    expect(lockAll(card).querySelector(".result")).toBeNull();
  });

  it("lists a lock that did not lock until it is locked, and goes after a minute", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    let hass = fakeHass({ failLock: { "lock.garage": "Lock is jammed", "lock.back_door": "No answer" } });
    const card = await mount(hass);
    lockAll(card).querySelector<HTMLButtonElement>("button.lock-all")?.click();
    await settle(card);
    const failures = () => [...lockAll(card).querySelectorAll(".result li")].map((li) => textOf(li));
    expect(failures()).toEqual(["Back door did not lock: No answer", "Garage did not lock: Lock is jammed"]);
    hass = withState(hass, "lock.garage", "locked");
    await update(card, hass);
    expect(failures()).toEqual(["Back door did not lock: No answer"]);
    vi.advanceTimersByTime(60_000);
    await settle(card);
    expect(lockAll(card).querySelector(".result")).toBeNull();
  });
});

describe("a lock's last activity keeps up with its state", () => {
  it("follows HA at once when the door moves, until the add-on's entry for it arrives", async () => {
    vi.useFakeTimers({ now: new Date("2026-01-01T10:05:00Z"), toFake: ["Date"] });
    const addon = new FakeAddon();
    let hass = fakeHass();
    const card = await mount(hass, addon);
    const line = () => textOf(row(card, "lock.front_door")?.querySelector(".last"));
    expect(line()).toBe("Ada unlocked Front door with the keypad · 5 min ago");
    // Ada's keypad unlock was entered at 10:00; HA shows the door locked at 10:04:58.
    hass = withState(hass, "lock.front_door", "locked", "2026-01-01T10:04:58Z");
    await update(card, hass);
    expect(line()).toBe("Locked · just now");
    const snapshot = snapshotFixture();
    snapshot.lastActivity["lock.front_door"] = {
      id: "a-2",
      at: "2026-01-01T10:04:59Z",
      kind: "manual_lock",
      lockId: "lock.front_door",
      codeId: null,
      codeName: null,
      slot: null,
      userName: null,
    };
    addon.push({ type: "snapshot", snapshot });
    await settle(card);
    expect(line()).toBe("Front door was locked by hand · just now");
  });
});
