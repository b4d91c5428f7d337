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
    expect(issues(editorOf(card), "error")).toEqual([
      "Gib dem Code einen Namen.",
      "Gib eine PIN ein oder erzeuge eine.",
    ]);
    type(editorOf(card), "#name", "Bob");
    type(editorOf(card), "#pin", "1234");
    await settle(card);
    expect(issues(editorOf(card), "error")).toEqual([]);
    expect(issues(editorOf(card), "warning")).toEqual([
      "Diese PIN ist leicht zu erraten: Sie ist eine Ziffernfolge.",
    ]);
  });

  it("translates the add-on's findings it knows and shows the others as the add-on wrote them", async () => {
    const addon = new FakeAddon();
    addon.respond = () => ({
      ok: false,
      error: {
        code: "validation_failed",
        message: "There is already a code named “Bob”. A problem from a newer add-on.",
        issues: [
          {
            field: "name",
            message: "There is already a code named “Bob”.",
            problem: "validation.name_taken",
            values: { name: "Bob" },
          },
          {
            field: "pin",
            message: "A problem from a newer add-on.",
            problem: "validation.from_a_newer_addon",
          },
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
    expect(issues(editorOf(card), "error")).toEqual([
      "Es gibt schon einen Code namens „Bob“.",
      "A problem from a newer add-on.",
    ]);
  });

  it("tells the add-on's save warnings in German, or in its English from an add-on that sends no keys", async () => {
    const addon = new FakeAddon();
    const weak = "This PIN is easy to guess: it is one of the most common PINs.";
    let withKeys = true;
    addon.respond = () => ({
      ok: true,
      result: withKeys
        ? {
            codeId: "code-bob",
            warnings: [weak],
            issues: [{ field: "pin", message: weak, problem: "validation.pin_weak_common" }],
          }
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

// The add-on words what it reports in the language the hello names (its integration test,
// resilience.test.ts, holds it to that); the fake here answers as it would for "de".
describe("what the add-on reports, on a German card", () => {
  it("the hello names the person's language, and a failed request's toast shows the add-on's words", async () => {
    const addon = new FakeAddon();
    addon.respond = () => ({
      ok: false,
      error: {
        code: "not_found",
        message: "Diesen Code gibt es nicht (mehr).",
        problem: "error.code_gone",
        values: {},
      },
    });
    const { card, toasts } = await mountGerman(addon);
    expect(addon.received[0]).toMatchObject({ type: "hello", language: "de" });
    click(part(card, "latchkey-code-list"), 'li[data-code="code-ada"] button.toggle');
    await settle(card);
    expect(toasts).toEqual(["Diesen Code gibt es nicht (mehr)."]);
  });

  it("a refused connection says why in the add-on's words", async () => {
    const addon = new FakeAddon();
    const { card } = await mountGerman(addon);
    addon.push({
      type: "fatal",
      error: {
        code: "unsupported_protocol",
        message: "Dieses Add-on spricht Protokoll 2; lade die Seite neu, um die passende Karte zu bekommen.",
        problem: "error.protocol_mismatch",
        values: { protocol: 2 },
      },
    });
    await settle(card);
    expect(textOf(shadow(card).querySelector(".addon-guidance"))).toBe(
      "Das Latchkey-Add-on hat die Verbindung abgelehnt: Dieses Add-on spricht Protokoll 2; lade die Seite neu, um die passende Karte zu bekommen.",
    );
  });

  it("a sync chip says why a code waits as the add-on wrote it", async () => {
    const snapshot = snapshotFixture(true);
    const ada = snapshot.sync["code-ada"];
    if (ada)
      ada["lock.front_door"] = {
        state: "waiting",
        reason: "Das Schloss ist offline; die Änderung wird gesendet, sobald es wieder da ist.",
        problem: "sync_reason.lock_offline",
        values: {},
      };
    const { card } = await mountGerman(new FakeAddon(snapshot));
    const chips = [
      ...part(card, "latchkey-code-list").querySelectorAll('li[data-code="code-ada"] .chip'),
    ].map((c) => c.getAttribute("title"));
    expect(chips).toEqual([
      "Platz 1 · Das Schloss ist offline; die Änderung wird gesendet, sobald es wieder da ist.",
      "Platz 1 · Lock did not answer",
    ]);
  });

  it("says hello again in the new language when the person switches it", async () => {
    const addon = new FakeAddon();
    const { card } = await mountGerman(addon);
    card.hass = fakeHass({ language: "en" });
    await settle(card);
    expect(addon.received.flatMap((m) => (m.type === "hello" ? [m.language] : []))).toEqual(["de", "en"]);
  });
});
