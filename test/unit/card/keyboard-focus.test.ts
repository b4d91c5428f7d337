// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import type { LatchkeyCard } from "../../../src/card/latchkey-card";
import { FakeAddon, snapshotFixture } from "./fake-addon";
import { click, mountCard, part, settle, shadow, type } from "./mount";

/** What has keyboard focus inside a shadow root (null when it is elsewhere). */
const focused = (root: ShadowRoot): Element | null => root.activeElement;

function pressTab(root: ShadowRoot, shiftKey = false): KeyboardEvent {
  const event = new KeyboardEvent("keydown", { key: "Tab", shiftKey, bubbles: true, composed: true, cancelable: true });
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

    focused(editor)?.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true, composed: true }));
    await settle(card);
    expect(codeList(card).querySelector("latchkey-code-editor")).toBeNull();
    expect(focused(codeList(card))).toBe(codeList(card).querySelector('li[data-code="code-ada"] button.edit'));

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
    expect(focused(codeList(card))).toBe(codeList(card).querySelector('li[data-code="code-ada"] [role="alertdialog"] button.cancel'));
    click(codeList(card), 'li[data-code="code-ada"] [role="alertdialog"] button.cancel');
    await settle(card);
    expect(focused(codeList(card))).toBe(codeList(card).querySelector('li[data-code="code-ada"] button.delete'));
  });

  it("puts the share form's first choice and the unlock confirmation's Cancel under the finger", async () => {
    const { card } = await mountCard(new FakeAddon());
    click(codeList(card), 'li[data-code="code-ada"] button.share');
    await settle(card);
    const share = shadow(codeList(card).querySelector("latchkey-share-form"));
    expect(focused(share)).toBe(share.querySelector("select, button"));
    click(share, "button.cancel");
    await settle(card);
    expect(focused(codeList(card))).toBe(codeList(card).querySelector('li[data-code="code-ada"] button.share'));

    const locks = part(card, "latchkey-lock-list");
    click(locks, 'li[data-entity="lock.front_door"] button.unlock');
    await settle(card);
    expect(focused(locks)).toBe(locks.querySelector('li[data-entity="lock.front_door"] .confirm button.cancel'));
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
});
