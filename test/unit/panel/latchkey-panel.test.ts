// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { addonUrlFor } from "../../../src/panel/addon-url";
import type { LatchkeyPanel } from "../../../src/panel/latchkey-panel";
import "../../../src/panel/latchkey-panel";
import { FakeAddon } from "../card/fake-addon";
import { fakeHass, withState } from "../card/fake-hass";
import { settle, shadow, textOf } from "../card/mount";

/** Stands in for HA's `<home-assistant>` element in the page around the panel's iframe. */
function homeAssistantElement(hass: unknown): HTMLElement & { hass: unknown } {
  const element = Object.assign(document.createElement("div"), { hass });
  document.body.append(element);
  return element;
}

async function mount(host: Element | null, addon = new FakeAddon()): Promise<LatchkeyPanel> {
  const panel = document.createElement("latchkey-panel");
  panel.findHomeAssistant = () => host;
  panel.socketFactory = addon.factory;
  document.body.append(panel);
  await settle(panel);
  return panel;
}

function cardOf(panel: LatchkeyPanel) {
  const card = shadow(panel).querySelector("latchkey-card");
  if (!card) throw new Error("the panel shows no card");
  return card;
}

afterEach(() => {
  document.body.innerHTML = "";
  vi.useRealTimers();
});

describe("addonUrlFor", () => {
  it.each([
    [
      "https://ha.example.com/api/hassio_ingress/abc123/",
      "wss://ha.example.com/api/hassio_ingress/abc123/api/ws",
    ],
    [
      "http://homeassistant.local:8123/api/hassio_ingress/abc123/?x=1#top",
      "ws://homeassistant.local:8123/api/hassio_ingress/abc123/api/ws",
    ],
    ["http://127.0.0.1:8099/", "ws://127.0.0.1:8099/api/ws"],
  ])("%s → %s", (page, url) => {
    expect(addonUrlFor(page)).toBe(url);
  });
});

describe("latchkey-panel", () => {
  it("opened on its own, says where to open Latchkey instead of showing a blank page", async () => {
    const addon = new FakeAddon();
    const panel = await mount(null, addon);
    expect(panel.status).toBe("standalone");
    expect(textOf(shadow(panel))).toMatch(/^Open Latchkey from Home Assistant's sidebar\./);
    expect(shadow(panel).querySelector("latchkey-card")).toBeNull();
    expect(addon.urls).toEqual([]);
  });

  it("shows the card with the embedding page's hass, talking to the add-on next to the page", async () => {
    const hass = fakeHass();
    const addon = new FakeAddon();
    const panel = await mount(homeAssistantElement(hass), addon);
    expect(panel.status).toBe("ready");
    const card = cardOf(panel);
    expect(card.hass).toBe(hass);
    await settle(card);
    expect(addon.urls).toEqual([addonUrlFor(location.href)]);
    expect(textOf(shadow(shadow(card).querySelector("latchkey-lock-list")))).toContain("Front door");
    expect(textOf(shadow(shadow(card).querySelector("latchkey-code-list")))).toContain("Ada");
  });

  it("follows HA replacing hass, polling the embedding page", async () => {
    vi.useFakeTimers();
    const hass = fakeHass();
    const host = homeAssistantElement(hass);
    const panel = await mount(host);
    const next = withState(hass, "lock.front_door", "unlocked");
    host.hass = next;
    await vi.advanceTimersByTimeAsync(600);
    expect(cardOf(panel).hass).toBe(next);
  });

  it("waits while HA has no hass yet, and refuses a hass of an unknown shape with a message", async () => {
    const host = homeAssistantElement(undefined);
    const panel = await mount(host);
    expect(panel.status).toBe("waiting");
    expect(textOf(shadow(panel))).toBe("Waiting for Home Assistant…");
    host.hass = { states: "not a map" };
    panel.refresh();
    await settle(panel);
    expect(panel.status).toBe("unsupported");
    expect(textOf(shadow(panel))).toMatch(/did not give Latchkey the data it needs/);
    host.hass = fakeHass();
    panel.refresh();
    await settle(panel);
    expect(panel.status).toBe("ready");
  });

  it("carries the card's more-info and toast events to HA's root element", async () => {
    const host = homeAssistantElement(fakeHass());
    const panel = await mount(host);
    const heard: { type: string; detail: unknown }[] = [];
    for (const type of ["hass-more-info", "hass-notification"]) {
      host.addEventListener(type, (event) => {
        heard.push({ type, detail: event instanceof CustomEvent ? event.detail : null });
      });
    }
    const card = cardOf(panel);
    card.dispatchEvent(
      new CustomEvent("hass-more-info", {
        detail: { entityId: "lock.front_door" },
        bubbles: true,
        composed: true,
      }),
    );
    card.dispatchEvent(
      new CustomEvent("hass-notification", { detail: { message: "Locked." }, bubbles: true, composed: true }),
    );
    expect(heard).toEqual([
      { type: "hass-more-info", detail: { entityId: "lock.front_door" } },
      { type: "hass-notification", detail: { message: "Locked." } },
    ]);
  });

  it("copies HA's theme variables onto itself", async () => {
    const host = homeAssistantElement(fakeHass());
    host.style.setProperty("--primary-color", "rgb(1, 2, 3)");
    const panel = await mount(host);
    expect(panel.style.getPropertyValue("--primary-color")).toBe("rgb(1, 2, 3)");
  });
});
