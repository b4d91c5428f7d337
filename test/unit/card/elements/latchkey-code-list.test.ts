// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import "../../../../src/card/latchkey-card";
import type { LatchkeyCard } from "../../../../src/card/latchkey-card";
import { FakeAddon, snapshotFixture } from "../fake-addon";
import { fakeHass } from "../fake-hass";
import { mountCard, settle, shadow, textOf } from "../mount";

const AT = "2026-01-01T10:00:00Z";

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
      features: ["state_activity", "ha_code_changes", "alert_activity", "lost_codes"],
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
    // Guest is disabled: its slot is on its way off the lock, not "pending" as if it were coming.
    expect(textOf(rows[1])).toMatch(/^Guest Disabled Front door · removing/);
  });

  it("says a code that is off its locks is off the lock, never synced in green", async () => {
    const snapshot = snapshotFixture();
    snapshot.sync["code-guest"] = { "lock.front_door": { state: "synced", via: "cc_read", at: AT } };
    // Ada is outside her weekly hours: her slots are emptied too; Back door is being cleared still.
    snapshot.offLocks["code-ada"] = "outside_window";
    snapshot.sync["code-ada"] = {
      "lock.front_door": { state: "synced", via: "cc_read", at: AT },
      "lock.back_door": { state: "syncing" },
    };
    const card = await mount(new FakeAddon(snapshot));
    const chips = (code: string) =>
      [...codeList(card).querySelectorAll(`li[data-code="${code}"] .chip`)].map((c) => ({
        text: textOf(c),
        green: c.classList.contains("synced"),
      }));
    expect(chips("code-guest")).toEqual([{ text: "Front door · off the lock", green: false }]);
    expect(chips("code-ada")).toEqual([
      { text: "Front door · off the lock", green: false },
      { text: "Back door · removing", green: false },
    ]);
    expect(textOf(codeList(card).querySelector('li[data-code="code-ada"] .badge'))).toBe("Outside its hours");
  });

  it("shows a lock just taken off a code as removing until its slot is empty", async () => {
    const snapshot = snapshotFixture();
    const ada = snapshot.codes[0];
    if (ada) ada.lockIds = ["lock.front_door"];
    snapshot.clearing = [
      { lockId: "lock.back_door", slot: 1, codeId: "code-ada", status: { state: "syncing" } },
    ];
    const card = await mount(new FakeAddon(snapshot));
    const chips = [...codeList(card).querySelectorAll('li[data-code="code-ada"] .chip')].map((c) =>
      textOf(c),
    );
    expect(chips).toEqual(["Front door · synced", "Back door · removing"]);
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

  it("reveals a PIN for ten seconds with a countdown, or until Hide PIN", async () => {
    vi.useFakeTimers();
    const addon = new FakeAddon();
    addon.respond = () => ({ ok: true, result: { codeId: "code-ada", pin: "482913" } });
    const card = await mount(addon);
    const row = () => codeList(card).querySelector('li[data-code="code-ada"]');
    click(codeList(card), 'li[data-code="code-ada"] button.reveal');
    await settle(card);
    expect(textOf(row()?.querySelector(".pin"))).toBe("482913");
    expect(textOf(row()?.querySelector(".countdown"))).toBe("Hides in 10 s");
    expect(textOf(row()?.querySelector("button.reveal"))).toBe("Hide PIN");
    vi.advanceTimersByTime(3_000);
    await settle(card);
    expect(textOf(row()?.querySelector(".countdown"))).toBe("Hides in 7 s");
    vi.advanceTimersByTime(7_000);
    await settle(card);
    expect(row()?.querySelector(".pin")).toBeNull();
    expect(textOf(row()?.querySelector("button.reveal"))).toBe("Show PIN");

    click(codeList(card), 'li[data-code="code-ada"] button.reveal');
    await settle(card);
    expect(textOf(row()?.querySelector(".pin"))).toBe("482913");
    click(codeList(card), 'li[data-code="code-ada"] button.reveal');
    await settle(card);
    expect(row()?.querySelector(".pin")).toBeNull();
    expect(addon.requests("codes/reveal")).toHaveLength(2);
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

  it("shows a deleted code leaving each of its locks, then says it is off every lock", async () => {
    const addon = new FakeAddon();
    addon.respond = () => ({ ok: true, result: { codeId: "code-ada" } });
    const { card, toasts } = await mountCard(addon);
    click(codeList(card), 'li[data-code="code-ada"] button.delete');
    await settle(card);
    click(codeList(card), 'li[data-code="code-ada"] button.confirm-delete');
    await settle(card);
    const progress = () => shadow(codeList(card).querySelector("latchkey-deletions"));
    const chips = () => [...progress().querySelectorAll(".chip")].map((c) => textOf(c));
    // The add-on's next snapshot: Ada is gone, her two slots are being emptied, one clear failed.
    const snapshot = snapshotFixture();
    snapshot.codes = snapshot.codes.filter((c) => c.id !== "code-ada");
    snapshot.clearing = [
      { lockId: "lock.front_door", slot: 1, codeId: "code-ada", status: { state: "syncing" } },
      {
        lockId: "lock.back_door",
        slot: 1,
        codeId: "code-ada",
        status: { state: "failed", reason: "Lock did not answer", attempts: 1, nextRetryAt: null },
      },
    ];
    addon.push({ type: "snapshot", snapshot });
    await settle(card);
    expect(textOf(progress().querySelector("li"))).toMatch(/^Removing “Ada” from its locks/);
    expect(chips()).toEqual(["Front door · removing", "Back door · failed"]);
    snapshot.clearing = snapshot.clearing.slice(1);
    addon.push({ type: "snapshot", snapshot });
    await settle(card);
    expect(chips()).toEqual(["Front door · removed", "Back door · failed"]);
    snapshot.clearing = [];
    addon.push({ type: "snapshot", snapshot });
    await settle(card);
    expect(progress().querySelector("li")).toBeNull();
    expect(toasts).toEqual(["“Ada” deleted.", "“Ada” is off every lock."]);
  });
});

function type(root: ShadowRoot, selector: string, value: string): void {
  const input = root.querySelector<HTMLInputElement>(selector);
  if (!input) throw new Error(`no ${selector}`);
  input.value = value;
  input.dispatchEvent(new Event("input"));
}
