// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import type { LatchkeyCard } from "../../../src/card/latchkey-card";
import { FakeAddon, snapshotFixture } from "./fake-addon";
import { fakeHass } from "./fake-hass";
import { click, mountCard, part, settle, shadow, textOf, type } from "./mount";

const mountGerman = (addon: FakeAddon) => mountCard(addon, fakeHass({ language: "de" }));

function editorOf(card: LatchkeyCard): ShadowRoot {
  return shadow(part(card, "latchkey-code-list").querySelector("latchkey-code-editor"));
}

function issues(root: ShadowRoot, kind: "error" | "warning"): string[] {
  return [...root.querySelectorAll(`.issue.${kind}`)].map((p) => textOf(p));
}

afterEach(() => {
  document.body.innerHTML = "";
});

describe("the code editor in German", () => {
  it("says what is missing and what is weak in German", async () => {
    const { card } = await mountGerman(new FakeAddon());
    click(part(card, "latchkey-code-list"), "button.add");
    await settle(card);
    click(editorOf(card), "button.save");
    await settle(card);
    expect(issues(editorOf(card), "error")).toEqual(["Gib dem Code einen Namen.", "Gib eine PIN ein oder erzeuge eine."]);
    type(editorOf(card), "#name", "Bob");
    type(editorOf(card), "#pin", "1234");
    await settle(card);
    expect(issues(editorOf(card), "error")).toEqual([]);
    expect(issues(editorOf(card), "warning")).toEqual(["Diese PIN ist leicht zu erraten: Sie ist eine Ziffernfolge."]);
  });

  it("translates the add-on's findings it knows and shows the others as the add-on wrote them", async () => {
    const addon = new FakeAddon();
    addon.respond = () => ({
      ok: false,
      error: {
        code: "validation_failed",
        message: "There is already a code named “Bob”. A problem from a newer add-on.",
        issues: [
          { field: "name", message: "There is already a code named “Bob”.", problem: "validation.name_taken", values: { name: "Bob" } },
          { field: "pin", message: "A problem from a newer add-on.", problem: "validation.from_a_newer_addon" },
        ],
      },
    });
    const { card } = await mountGerman(addon);
    click(part(card, "latchkey-code-list"), "button.add");
    await settle(card);
    type(editorOf(card), "#name", "Bob");
    type(editorOf(card), "#pin", "739164");
    click(editorOf(card), "button.save");
    await settle(card);
    expect(addon.requests("codes/create")).toHaveLength(1);
    expect(issues(editorOf(card), "error")).toEqual(["Es gibt schon einen Code namens „Bob“.", "A problem from a newer add-on."]);
  });

  it("tells the add-on's save warnings in German, or in its English from an add-on that sends no keys", async () => {
    const addon = new FakeAddon();
    const weak = "This PIN is easy to guess: it is one of the most common PINs.";
    let withKeys = true;
    addon.respond = () => ({
      ok: true,
      result: withKeys
        ? { codeId: "code-bob", warnings: [weak], issues: [{ field: "pin", message: weak, problem: "validation.pin_weak_common" }] }
        : { codeId: "code-bob", warnings: [weak] },
    });
    const { card, toasts } = await mountGerman(addon);
    for (const keys of [true, false]) {
      withKeys = keys;
      click(part(card, "latchkey-code-list"), "button.add");
      await settle(card);
      type(editorOf(card), "#name", "Bob");
      type(editorOf(card), "#pin", "2580");
      click(editorOf(card), "button.save");
      await settle(card);
    }
    expect(toasts).toEqual([
      "„Bob“ gespeichert. Diese PIN ist leicht zu erraten: Sie gehört zu den häufigsten PINs.",
      `„Bob“ gespeichert. ${weak}`,
    ]);
  });
});

describe("the add-on's errors in German", () => {
  it("a failed request's toast is German where the card knows the problem", async () => {
    const addon = new FakeAddon();
    addon.respond = () => ({ ok: false, error: { code: "not_found", message: "That code does not exist (any more).", problem: "error.code_gone", values: {} } });
    const { card, toasts } = await mountGerman(addon);
    click(part(card, "latchkey-code-list"), 'li[data-code="code-ada"] button.toggle');
    await settle(card);
    expect(toasts).toEqual(["Diesen Code gibt es nicht (mehr)."]);
  });

  it("a refused connection says why in German", async () => {
    const addon = new FakeAddon();
    const { card } = await mountGerman(addon);
    addon.push({ type: "fatal", error: { code: "unsupported_protocol", message: "This add-on speaks protocol 2; reload the page to get the matching card.", problem: "error.protocol_mismatch", values: { protocol: 2 } } });
    await settle(card);
    expect(textOf(shadow(card).querySelector(".addon-guidance"))).toBe(
      "Das Latchkey-Add-on hat die Verbindung abgelehnt: Dieses Add-on spricht Protokoll 2; lade die Seite neu, um die passende Karte zu bekommen.",
    );
  });
});

describe("sync chips in German", () => {
  it("say why a code waits in German when Latchkey found the reason, and keep HA's own words otherwise", async () => {
    const snapshot = snapshotFixture(true);
    const ada = snapshot.sync["code-ada"];
    if (ada) ada["lock.front_door"] = { state: "waiting", reason: "The lock is offline; the change is sent when it is back.", problem: "sync_reason.lock_offline", values: {} };
    const { card } = await mountGerman(new FakeAddon(snapshot));
    const chips = [...part(card, "latchkey-code-list").querySelectorAll('li[data-code="code-ada"] .chip')].map((c) => c.getAttribute("title"));
    expect(chips).toEqual(["Platz 1 · Das Schloss ist offline; die Änderung wird gesendet, sobald es wieder da ist.", "Platz 1 · Lock did not answer"]);
  });
});
