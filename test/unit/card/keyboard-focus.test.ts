// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import type { LatchkeyCard } from "../../../src/card/latchkey-card";
import { FakeAddon, snapshotFixture } from "./fake-addon";
import { click, mountCard, part, settle, shadow, type } from "./mount";

/** What has keyboard focus inside a shadow root (null when it is elsewhere). */
const focused = (root: ShadowRoot): Element | null => root.activeElement;

function pressTab(root: ShadowRoot, shiftKey = false): KeyboardEvent {
  const event = new KeyboardEvent("keydown", {
    key: "Tab",
    shiftKey,
    bubbles: true,
    composed: true,
    cancelable: true,
  });
  (root.activeElement ?? root.querySelector('[role="dialog"]'))?.dispatchEvent(event);
  return event;
}

const codeList = (card: LatchkeyCard) => part(card, "latchkey-code-list");
const editorOf = (card: LatchkeyCard) => shadow(codeList(card).querySelector("latchkey-code-editor"));

afterEach(() => {
  document.body.innerHTML = "";
});

describe("keyboard focus", () => {
  it("keeps Tab inside the code dialog and returns to the button that opened it", async () => {
    const { card } = await mountCard(new FakeAddon());
    click(codeList(card), 'li[data-code="code-ada"] button.edit');
    await settle(card);
    const editor = editorOf(card);
    expect(focused(editor)?.id).toBe("name");

    // Shift+Tab from the first field goes round to Save; Tab from Save comes back to the name.
    expect(pressTab(editor, true).defaultPrevented).toBe(true);
    expect(focused(editor)?.classList.contains("save")).toBe(true);
    expect(pressTab(editor).defaultPrevented).toBe(true);
    expect(focused(editor)?.id).toBe("name");
    // In between, Tab is the browser's own.
    expect(pressTab(editor).defaultPrevented).toBe(false);

    focused(editor)?.dispatchEvent(
      new KeyboardEvent("keydown", { key: "Escape", bubbles: true, composed: true }),
    );
    await settle(card);
    expect(codeList(card).querySelector("latchkey-code-editor")).toBeNull();
    expect(focused(codeList(card))).toBe(
      codeList(card).querySelector('li[data-code="code-ada"] button.edit'),
    );

    click(codeList(card), "button.add");
    await settle(card);
    click(editorOf(card), "button.cancel");
    await settle(card);
    expect(focused(codeList(card))).toBe(codeList(card).querySelector("button.add"));
  });

  it("moves into a delete confirmation and back out of it", async () => {
    const { card } = await mountCard(new FakeAddon());
    click(codeList(card), 'li[data-code="code-ada"] button.delete');
    await settle(card);
    expect(focused(codeList(card))).toBe(
      codeList(card).querySelector('li[data-code="code-ada"] [role="alertdialog"] button.cancel'),
    );
    click(codeList(card), 'li[data-code="code-ada"] [role="alertdialog"] button.cancel');
    await settle(card);
    expect(focused(codeList(card))).toBe(
      codeList(card).querySelector('li[data-code="code-ada"] button.delete'),
    );
  });

  it("puts the share form's first choice and the unlock confirmation's Cancel under the finger", async () => {
    const { card } = await mountCard(new FakeAddon());
    click(codeList(card), 'li[data-code="code-ada"] button.share');
    await settle(card);
    const share = shadow(codeList(card).querySelector("latchkey-share-form"));
    expect(focused(share)).toBe(share.querySelector("select, button"));
    click(share, "button.cancel");
    await settle(card);
    expect(focused(codeList(card))).toBe(
      codeList(card).querySelector('li[data-code="code-ada"] button.share'),
    );

    const locks = part(card, "latchkey-lock-list");
    click(locks, 'li[data-entity="lock.front_door"] button.unlock');
    await settle(card);
    expect(focused(locks)).toBe(
      locks.querySelector('li[data-entity="lock.front_door"] .confirm button.cancel'),
    );
    click(locks, 'li[data-entity="lock.front_door"] .confirm button.cancel');
    await settle(card);
    expect(focused(locks)).toBe(locks.querySelector('li[data-entity="lock.front_door"] button.unlock'));
  });

  it("takes an admin straight to the name when adopting a code found on a lock", async () => {
    const snapshot = snapshotFixture(true);
    snapshot.unmanaged = [{ lockId: "lock.back_door", slot: 3 }];
    const { card } = await mountCard(new FakeAddon(snapshot));
    const unmanaged = part(card, "latchkey-unmanaged");
    click(unmanaged, "button.adopt");
    await settle(card);
    expect(focused(unmanaged)).toBe(unmanaged.querySelector("form input"));
    type(unmanaged, "form input", "Cleaner");
    click(unmanaged, "form button.cancel");
    await settle(card);
    expect(focused(unmanaged)).toBe(unmanaged.querySelector("button.adopt"));
    click(unmanaged, "button.clear");
    await settle(card);
    expect(focused(unmanaged)).toBe(unmanaged.querySelector('[role="alertdialog"] button.cancel'));
  });

  it("after a keypad change is resolved, puts focus on the slot now in its place, then on the activity button", async () => {
    const held = (slot: number) => ({
      lockId: "lock.front_door",
      slot,
      codeId: "code-ada",
      reason: "changed_at_lock" as const,
      since: "2026-01-01T10:00:00Z",
    });
    const snapshot = { ...snapshotFixture(true), held: [held(1), held(2)] };
    const addon = new FakeAddon(snapshot);
    addon.respond = (request) => ({
      ok: true,
      result: request.type === "held/resolve" ? { lockId: request.lockId, slot: request.slot } : {},
    });
    const { card } = await mountCard(addon);
    const list = part(card, "latchkey-held");
    const act = async (selector: string, remaining: ReturnType<typeof held>[]) => {
      const button = list.querySelector<HTMLButtonElement>(selector);
      button?.focus();
      button?.click();
      await settle(card);
      addon.push({ type: "snapshot", snapshot: { ...snapshot, held: remaining } });
      await settle(card);
    };

    await act('li[data-slot="2"] button.restore', [held(1)]);
    expect(focused(list)).toBe(list.querySelector('li[data-slot="1"] button.keep-lock'));
    await act('li[data-slot="1"] button.keep-lock', []);
    expect(list.querySelector("li")).toBeNull();
    expect(focused(shadow(card))).toBe(shadow(card).querySelector("button.activity-toggle"));
  });

  it("after adopting a code found on a lock, focus stays in the list; it is not taken from where the person went", async () => {
    const snapshot = snapshotFixture(true);
    snapshot.unmanaged = [
      { lockId: "lock.back_door", slot: 3 },
      { lockId: "lock.back_door", slot: 4 },
    ];
    const addon = new FakeAddon(snapshot);
    addon.respond = () => ({ ok: true, result: { codeId: "code-cleaner" } });
    const { card } = await mountCard(addon);
    const unmanaged = part(card, "latchkey-unmanaged");
    click(unmanaged, 'li[data-slot="lock.back_door:3"] button.adopt');
    await settle(card);
    type(unmanaged, "form input", "Cleaner");
    const save = unmanaged.querySelector<HTMLButtonElement>("form button.save");
    save?.focus();
    save?.click();
    await settle(card);
    addon.push({
      type: "snapshot",
      snapshot: { ...snapshot, unmanaged: [{ lockId: "lock.back_door", slot: 4 }] },
    });
    await settle(card);
    expect(focused(unmanaged)).toBe(unmanaged.querySelector('li[data-slot="lock.back_door:4"] button.adopt'));

    // The person tabbed on to the code list before the slot went away: focus stays there.
    click(unmanaged, "button.clear");
    await settle(card);
    click(unmanaged, '[role="alertdialog"] button.confirm-clear');
    await settle(card);
    const add = codeList(card).querySelector<HTMLButtonElement>("button.add");
    add?.focus();
    addon.push({ type: "snapshot", snapshot: { ...snapshot, unmanaged: [] } });
    await settle(card);
    expect(focused(codeList(card))).toBe(add);
  });
});
