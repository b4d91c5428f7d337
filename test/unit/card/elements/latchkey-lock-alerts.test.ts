// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import "../../../../src/card/latchkey-card";
import type { LatchkeyCard } from "../../../../src/card/latchkey-card";
import { FakeAddon, snapshotFixture } from "../fake-addon";
import { mountCard, part, settle, shadow, textOf } from "../mount";

afterEach(() => {
  document.body.innerHTML = "";
});

const row = (card: LatchkeyCard, id: string) =>
  part(card, "latchkey-lock-list").querySelector(`li[data-entity="${id}"]`);

/** Opens a lock's Alerts (its chunk loads on first use) and returns the form's shadow root. */
async function openAlerts(card: LatchkeyCard, id: string): Promise<ShadowRoot> {
  row(card, id)?.querySelector<HTMLButtonElement>("button.alerts")?.click();
  for (let i = 0; i < 20 && !row(card, id)?.querySelector("latchkey-lock-alerts"); i++) {
    await new Promise((r) => setTimeout(r, 10));
    await settle(card);
  }
  await settle(card);
  return shadow(row(card, id)?.querySelector("latchkey-lock-alerts"));
}

const ticked = (form: ShadowRoot) =>
  [...form.querySelectorAll<HTMLInputElement>("input[type=checkbox]")].map((box) => [box.name, box.checked]);

describe("a lock's alert choices", () => {
  it("shows the choices in effect at that lock, and saves what the admin ticks", async () => {
    const addon = new FakeAddon();
    addon.respond = () => ({
      ok: true,
      result: {
        lockId: "lock.back_door",
        alerts: { keypad: false, manual: false, remote: true, auto_lock: false, jam: true },
      },
    });
    const { card, toasts } = await mountCard(addon);
    const form = await openAlerts(card, "lock.back_door");
    expect(textOf(form.querySelector("legend"))).toBe("Notify me when Back door…");
    expect(ticked(form)).toEqual([
      ["keypad", true],
      ["manual", false],
      ["remote", true],
      ["auto_lock", false],
      ["jam", true],
    ]);
    const keypad = form.querySelector<HTMLInputElement>("input[name=keypad]");
    if (!keypad) throw new Error("no keypad choice");
    keypad.checked = false;
    keypad.dispatchEvent(new Event("change"));
    await settle(card);
    form.querySelector<HTMLButtonElement>("button.save")?.click();
    await settle(card);
    expect(addon.requests("locks/set_alerts")).toEqual([
      {
        type: "locks/set_alerts",
        id: 2,
        lockId: "lock.back_door",
        alerts: { keypad: false, manual: false, remote: true, auto_lock: false, jam: true },
      },
    ]);
    expect(toasts).toContain("Alerts for Back door saved.");
    expect(row(card, "lock.back_door")?.querySelector("latchkey-lock-alerts")).toBeNull();
  });

  it("says why a save failed and keeps the form open", async () => {
    const addon = new FakeAddon();
    addon.respond = () => ({
      ok: false,
      error: {
        code: "forbidden",
        problem: "error.admins_only",
        message: "Only Home Assistant administrators can change, reveal or share codes.",
      },
    });
    const { card, toasts } = await mountCard(addon);
    const form = await openAlerts(card, "lock.front_door");
    form.querySelector<HTMLButtonElement>("button.save")?.click();
    await settle(card);
    expect(toasts.at(-1)).toMatch(/administrators/);
    expect(row(card, "lock.front_door")?.querySelector("latchkey-lock-alerts")).not.toBeNull();
  });

  it("is not offered to people who are not administrators", async () => {
    const { card } = await mountCard(new FakeAddon(snapshotFixture(false)));
    expect(row(card, "lock.front_door")?.querySelector("button.alerts")).toBeNull();
  });
});

describe("a lock that lost its codes", () => {
  it("offers one tap to refill that lock, and sends it", async () => {
    const addon = new FakeAddon({
      ...snapshotFixture(),
      held: [
        {
          lockId: "lock.front_door",
          slot: 1,
          codeId: "code-ada",
          reason: "codes_lost",
          since: "2026-01-01T10:00:00Z",
        },
      ],
    });
    addon.respond = () => ({ ok: true, result: { lockId: "lock.front_door", slots: [1] } });
    const { card, toasts } = await mountCard(addon);
    const held = part(card, "latchkey-held");
    expect(textOf(held.querySelector("li .what"))).toBe(
      "Front door lost Ada (slot 1): a battery swap or a reset?",
    );
    expect(held.querySelector("button.restore")).toBeNull();
    held.querySelector<HTMLButtonElement>("button.refill")?.click();
    await settle(card);
    expect(addon.requests("held/refill")).toEqual([
      { type: "held/refill", id: 2, lockId: "lock.front_door" },
    ]);
    expect(toasts).toContain("Putting the codes back on Front door.");
  });
});
