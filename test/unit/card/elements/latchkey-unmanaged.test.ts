// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import "../../../../src/card/latchkey-card";
import type { LatchkeyCard } from "../../../../src/card/latchkey-card";
import { FakeAddon, snapshotFixture } from "../fake-addon";
import { fakeHass } from "../fake-hass";
import { settle, shadow, textOf } from "../mount";

function addonWithUnmanaged(isAdmin = true): FakeAddon {
  const snapshot = snapshotFixture(isAdmin);
  snapshot.unmanaged = [
    { lockId: "lock.back_door", slot: 3 },
    { lockId: "lock.front_door", slot: 7 },
  ];
  const addon = new FakeAddon(snapshot);
  addon.respond = (request) => {
    if (request.type === "unmanaged/adopt") return { ok: true, result: { codeId: "code-new" } };
    if (request.type === "unmanaged/clear")
      return { ok: true, result: { lockId: request.lockId, slot: request.slot } };
    return { ok: true, result: { entries: [] } };
  };
  return addon;
}

async function mount(addon: FakeAddon): Promise<{ card: LatchkeyCard; root: ShadowRoot; toasts: string[] }> {
  const card = document.createElement("latchkey-card");
  card.setConfig({ type: "custom:latchkey-card", addon_url: "ws://127.0.0.1:8099/api/ws" });
  card.socketFactory = addon.factory;
  card.hass = fakeHass();
  const toasts: string[] = [];
  card.addEventListener("hass-notification", (event) => {
    toasts.push(event.detail.message);
  });
  document.body.append(card);
  await settle(card);
  return { card, root: shadow(shadow(card).querySelector("latchkey-unmanaged")), toasts };
}

function click(root: ShadowRoot, selector: string): void {
  const button = root.querySelector<HTMLButtonElement>(selector);
  if (!button) throw new Error(`no ${selector}`);
  button.click();
}

afterEach(() => {
  document.body.innerHTML = "";
});

describe("latchkey-unmanaged", () => {
  it("lists the slots Latchkey did not set, by lock name, for admins", async () => {
    const { root } = await mount(addonWithUnmanaged());
    expect(textOf(root.querySelector("h2"))).toBe("Codes Latchkey did not set");
    expect([...root.querySelectorAll("li .where")].map((el) => textOf(el))).toEqual([
      "Back door · slot 3",
      "Front door · slot 7",
    ]);
  });

  it("shows nothing to non-admins", async () => {
    const { root } = await mount(addonWithUnmanaged(false));
    expect(textOf(root)).toBe("");
    expect(root.querySelector("button")).toBeNull();
  });

  it("adopting asks for a name inline and sends it", async () => {
    const addon = addonWithUnmanaged();
    const { card, root, toasts } = await mount(addon);
    click(root, 'li[data-slot="lock.back_door:3"] button.adopt');
    await settle(card);
    const input = root.querySelector<HTMLInputElement>('li[data-slot="lock.back_door:3"] input[name=name]');
    if (!input) throw new Error("no name field");
    input.value = "  Cleaner ";
    click(root, "button.save");
    await settle(card);
    await settle(card);
    expect(addon.requests("unmanaged/adopt")).toEqual([
      { type: "unmanaged/adopt", id: 2, lockId: "lock.back_door", slot: 3, name: "Cleaner" },
    ]);
    expect(toasts).toEqual(["“Cleaner” is now managed by Latchkey."]);
    expect(root.querySelector("form")).toBeNull();
  });

  it("adopting without a name sends nothing", async () => {
    const addon = addonWithUnmanaged();
    const { card, root } = await mount(addon);
    click(root, 'li[data-slot="lock.front_door:7"] button.adopt');
    await settle(card);
    click(root, "button.save");
    await settle(card);
    expect(addon.requests("unmanaged/adopt")).toEqual([]);
  });

  it("clearing needs a confirmation", async () => {
    const addon = addonWithUnmanaged();
    const { card, root, toasts } = await mount(addon);
    click(root, 'li[data-slot="lock.back_door:3"] button.clear');
    await settle(card);
    expect(addon.requests("unmanaged/clear")).toEqual([]);
    expect(textOf(root.querySelector('[role="alertdialog"]'))).toContain("Clear slot 3 on Back door?");
    click(root, "button.confirm-clear");
    await settle(card);
    await settle(card);
    expect(addon.requests("unmanaged/clear")).toEqual([
      { type: "unmanaged/clear", id: 2, lockId: "lock.back_door", slot: 3 },
    ]);
    expect(toasts).toEqual(["Slot 3 on Back door cleared."]);
    expect(root.querySelector('[role="alertdialog"]')).toBeNull();
  });

  it("a cancelled clear sends nothing", async () => {
    const addon = addonWithUnmanaged();
    const { card, root } = await mount(addon);
    click(root, 'li[data-slot="lock.front_door:7"] button.clear');
    await settle(card);
    click(root, '[role="alertdialog"] button.cancel');
    await settle(card);
    expect(root.querySelector('[role="alertdialog"]')).toBeNull();
    expect(addon.requests("unmanaged/clear")).toEqual([]);
  });
});
