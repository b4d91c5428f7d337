// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import "../../../src/card/latchkey-card";
import { FakeAddon, snapshotFixture } from "./fake-addon";
import { fakeHass } from "./fake-hass";
import { settle, shadow, textOf } from "./mount";

afterEach(() => {
  document.body.innerHTML = "";
});

describe("the code list's rule line", () => {
  it("summarises a limited code and shows nothing for an always-on one", async () => {
    const snapshot = snapshotFixture();
    const [ada, guest] = snapshot.codes;
    if (!ada || !guest) throw new Error("fixture changed");
    snapshot.codes = [
      {
        ...ada,
        rules: {
          weekly: [{ days: [1, 2, 3, 4, 5], start: "08:00", end: "17:00" }],
          burner: false,
          maxUses: 3,
        },
        uses: 1,
      },
      guest,
    ];
    const addon = new FakeAddon(snapshot);
    const card = document.createElement("latchkey-card");
    card.setConfig({ type: "custom:latchkey-card", addon_url: "ws://127.0.0.1:8099/api/ws" });
    card.socketFactory = addon.factory;
    card.hass = fakeHass();
    document.body.append(card);
    await settle(card);
    const list = shadow(shadow(card).querySelector("latchkey-code-list"));
    expect(textOf(list.querySelector('li[data-code="code-ada"] .rules'))).toBe(
      "Mon–Fri 08:00–17:00 · 2 uses left",
    );
    expect(list.querySelector('li[data-code="code-guest"] .rules')).toBeNull();
  });
});
