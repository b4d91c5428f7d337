// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import "../../../../src/card/latchkey-card";
import type { LatchkeyCard } from "../../../../src/card/latchkey-card";
import { FakeAddon, snapshotFixture } from "../fake-addon";
import { fakeHass } from "../fake-hass";
import { settle, shadow, textOf } from "../mount";

const URL = "ws://127.0.0.1:8099/api/ws";

async function mount(addon: FakeAddon): Promise<LatchkeyCard> {
  const card = document.createElement("latchkey-card");
  card.setConfig({ type: "custom:latchkey-card", addon_url: URL });
  card.socketFactory = addon.factory;
  card.hass = fakeHass();
  document.body.append(card);
  await settle(card);
  return card;
}

function codeList(card: LatchkeyCard): ShadowRoot {
  return shadow(shadow(card).querySelector("latchkey-code-list"));
}

function click(root: ShadowRoot, selector: string): void {
  const button = root.querySelector<HTMLButtonElement>(selector);
  if (!button) throw new Error(`no ${selector}`);
  button.click();
}

afterEach(() => {
  document.body.innerHTML = "";
  vi.useRealTimers();
});

describe("codes view", () => {
  it("says hello with the protocol version, the user's token and language, then subscribes", async () => {
    const addon = new FakeAddon();
    await mount(addon);
    expect(addon.urls).toEqual([URL]);
    expect(addon.received[0]).toEqual({
      type: "hello",
      protocol: 1,
      features: ["state_activity", "ha_code_changes"],
      accessToken: "token-abc",
      language: "en",
    });
    expect(addon.received[1]).toEqual({ type: "state/subscribe", id: 1 });
  });

  it("lists codes with a sync chip per lock and marks disabled codes", async () => {
    const card = await mount(new FakeAddon());
    const rows = codeList(card).querySelectorAll("li.code");
    expect(rows).toHaveLength(2);
    const chips = [...(rows[0]?.querySelectorAll(".chip") ?? [])];
    expect(chips.map((c) => textOf(c))).toEqual(["Front door · synced", "Back door · failed"]);
    // The slot (to try the code at the keypad) and, when not synced, why.
    expect(chips.map((c) => c.getAttribute("title"))).toEqual(["Slot 1", "Slot 1 · Lock did not answer"]);
    expect(textOf(rows[1])).toMatch(/^Guest Disabled Front door · pending/);
  });

  it("gives non-admins the list without any edit controls", async () => {
    const card = await mount(new FakeAddon(snapshotFixture(false)));
    const root = codeList(card);
    expect(root.querySelectorAll("li.code")).toHaveLength(2);
    expect(root.querySelectorAll("button")).toHaveLength(0);
  });

  it("blocks a PIN another code already uses on the same lock before sending", async () => {
    const addon = new FakeAddon();
    addon.respond = (request) =>
      request.type === "codes/reveal"
        ? { ok: true, result: { codeId: "code-ada", pin: "482913" } }
        : { ok: true, result: { codeId: "code-bob", warnings: [] } };
    const card = await mount(addon);
    click(codeList(card), 'li[data-code="code-ada"] button.reveal');
    await settle(card);
    click(codeList(card), "button.add");
    await settle(card);
    const editor = shadow(codeList(card).querySelector("latchkey-code-editor"));
    type(editor, "#name", "Bob");
    type(editor, "#pin", "482913");
    await settle(card);
    click(editor, "button.save");
    await settle(card);
    expect(textOf(editor.querySelector('[role="alert"]'))).toMatch(
      /“Ada” already uses this PIN on Front door, Back door/,
    );
    expect(addon.requests("codes/create")).toEqual([]);

    type(editor, "#pin", "739164");
    await settle(card);
    click(editor, "button.save");
    await settle(card);
    expect(addon.requests("codes/create")).toMatchObject([
      {
        type: "codes/create",
        id: 3,
        draft: { name: "Bob", pin: "739164", lockIds: ["lock.front_door", "lock.back_door"], enabled: true },
      },
    ]);
    expect(codeList(card).querySelector("latchkey-code-editor")).toBeNull();
  });

  it("warns about a weak PIN, generates a strong one and closes on Escape", async () => {
    const card = await mount(new FakeAddon());
    click(codeList(card), "button.add");
    await settle(card);
    const editor = shadow(codeList(card).querySelector("latchkey-code-editor"));
    expect(editor.querySelector('[role="dialog"]')?.getAttribute("aria-labelledby")).toBe("title");
    expect(editor.querySelector('label[for="pin"]')).not.toBeNull();
    type(editor, "#pin", "1234");
    await settle(card);
    expect(textOf(editor.querySelector(".issue.warning"))).toBe(
      "This PIN is easy to guess: it is a straight run of digits.",
    );
    click(editor, "button.generate");
    await settle(card);
    expect(editor.querySelector<HTMLInputElement>("#pin")?.value).toMatch(/^\d{6}$/);
    expect(editor.querySelector(".issue.warning")).toBeNull();
    click(editor, "button.none");
    await settle(card);
    expect(editor.querySelectorAll<HTMLInputElement>('input[name="lock"]:checked')).toHaveLength(0);
    editor
      .querySelector('[role="dialog"]')
      ?.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    await settle(card);
    expect(codeList(card).querySelector("latchkey-code-editor")).toBeNull();
  });

  it("reveals a PIN for ten seconds", async () => {
    vi.useFakeTimers();
    const addon = new FakeAddon();
    addon.respond = () => ({ ok: true, result: { codeId: "code-ada", pin: "482913" } });
    const card = await mount(addon);
    click(codeList(card), 'li[data-code="code-ada"] button.reveal');
    await settle(card);
    expect(textOf(codeList(card).querySelector(".pin"))).toBe("482913");
    vi.advanceTimersByTime(10_000);
    await settle(card);
    expect(codeList(card).querySelector(".pin")).toBeNull();
  });

  it("copies a revealed PIN to the clipboard and says so; without a clipboard it says what to do", async () => {
    const addon = new FakeAddon();
    addon.respond = () => ({ ok: true, result: { codeId: "code-ada", pin: "482913" } });
    const card = await mount(addon);
    const toasts: string[] = [];
    card.addEventListener("hass-notification", (event) => {
      toasts.push(event.detail.message);
    });
    const copied: string[] = [];
    const writeText = vi.spyOn(navigator.clipboard, "writeText").mockImplementation((text) => {
      copied.push(text);
      return Promise.resolve();
    });
    click(codeList(card), 'li[data-code="code-ada"] button.reveal');
    await settle(card);
    click(codeList(card), 'li[data-code="code-ada"] button.copy');
    await settle(card);
    expect(copied).toEqual(["482913"]);
    writeText.mockRejectedValueOnce(new Error("NotAllowedError"));
    click(codeList(card), 'li[data-code="code-ada"] button.copy');
    await settle(card);
    expect(toasts).toEqual([
      "PIN copied.",
      "This browser did not allow copying (it needs https); select the PIN instead.",
    ]);
  });

  it("disables a code and deletes one only after confirmation", async () => {
    const addon = new FakeAddon();
    addon.respond = () => ({ ok: true, result: { codeId: "code-ada" } });
    const card = await mount(addon);
    click(codeList(card), 'li[data-code="code-ada"] button.toggle');
    click(codeList(card), 'li[data-code="code-guest"] button.delete');
    await settle(card);
    expect(addon.requests("codes/delete")).toEqual([]);
    click(codeList(card), 'li[data-code="code-guest"] button.confirm-delete');
    await settle(card);
    expect(addon.requests().slice(1)).toEqual([
      { type: "codes/set_enabled", id: 2, codeId: "code-ada", enabled: false },
      { type: "codes/delete", id: 3, codeId: "code-guest" },
    ]);
  });
});

function type(root: ShadowRoot, selector: string, value: string): void {
  const input = root.querySelector<HTMLInputElement>(selector);
  if (!input) throw new Error(`no ${selector}`);
  input.value = value;
  input.dispatchEvent(new Event("input"));
}
