// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import "../../../../src/card/latchkey-card";
import type { LatchkeyCard } from "../../../../src/card/latchkey-card";
import { FakeAddon, snapshotFixture } from "../fake-addon";
import { fakeHass } from "../fake-hass";
import { settle, shadow, textOf } from "../mount";

const HELD = {
  lockId: "lock.front_door",
  slot: 1,
  codeId: "code-ada",
  reason: "changed_at_lock" as const,
  since: "2026-01-01T10:00:00Z",
};

async function mount(addon: FakeAddon): Promise<LatchkeyCard> {
  const card = document.createElement("latchkey-card");
  card.setConfig({ type: "custom:latchkey-card", addon_url: "ws://127.0.0.1:8099/api/ws" });
  card.socketFactory = addon.factory;
  card.hass = fakeHass();
  document.body.append(card);
  await settle(card);
  return card;
}

afterEach(() => {
  document.body.innerHTML = "";
});

describe("slots changed at a lock's keypad", () => {
  it("tells the admin which code and lock, and sends their choice", async () => {
    const addon = new FakeAddon({ ...snapshotFixture(), held: [HELD] });
    addon.respond = () => ({ ok: true, result: { lockId: HELD.lockId, slot: HELD.slot } });
    const card = await mount(addon);
    const held = shadow(shadow(card).querySelector("latchkey-held"));
    expect(textOf(held.querySelector("li .what"))).toBe(
      "Ada on Front door (slot 1) was changed at the keypad.",
    );
    held.querySelector<HTMLButtonElement>("button.restore")?.click();
    await settle(card);
    expect(addon.requests("held/resolve")).toEqual([
      { type: "held/resolve", id: 2, lockId: "lock.front_door", slot: 1, keep: "latchkey" },
    ]);
    held.querySelector<HTMLButtonElement>("button.keep-lock")?.click();
    await settle(card);
    expect(addon.requests("held/resolve").at(-1)).toMatchObject({ keep: "lock" });
  });

  it("shows nothing to non-admins", async () => {
    const card = await mount(new FakeAddon({ ...snapshotFixture(false), held: [HELD] }));
    expect(shadow(shadow(card).querySelector("latchkey-held")).querySelector("li")).toBeNull();
  });
});
