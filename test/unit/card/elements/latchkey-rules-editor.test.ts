// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import "../../../../src/card/latchkey-card";
import type { LatchkeyCard } from "../../../../src/card/latchkey-card";
import { localToIso } from "../../../../src/card/utils/rules-utils";
import { MAX_CODES, MAX_WEEKLY_WINDOWS } from "../../../../src/model/limits";
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

function el<T extends Element>(root: ShadowRoot, selector: string, kind: new () => T): T {
  const found = root.querySelector(selector);
  if (!(found instanceof kind)) throw new Error(`no ${selector}`);
  return found;
}

function click(root: ShadowRoot, selector: string): void {
  el(root, selector, HTMLElement).click();
}

function type(root: ShadowRoot, selector: string, value: string): void {
  const input = el(root, selector, HTMLInputElement);
  input.value = value;
  input.dispatchEvent(new Event("input"));
}

function toggle(root: ShadowRoot, selector: string): void {
  const input = el(root, selector, HTMLInputElement);
  input.checked = !input.checked;
  input.dispatchEvent(new Event("change"));
}

async function openEditor(
  card: LatchkeyCard,
  selector = "button.add",
): Promise<{ editor: ShadowRoot; rules: ShadowRoot }> {
  click(codeList(card), selector);
  await settle(card);
  const editor = shadow(codeList(card).querySelector("latchkey-code-editor"));
  return { editor, rules: shadow(editor.querySelector("latchkey-rules-editor")) };
}

function created(addon: FakeAddon): unknown {
  return addon.requests("codes/create").at(-1);
}

afterEach(() => {
  document.body.innerHTML = "";
});

describe("access rules in the code editor", () => {
  it("sends the validity, a Mon–Fri 08:00–17:00 window and max uses with a new code", async () => {
    const addon = new FakeAddon();
    addon.respond = () => ({ ok: true, result: { codeId: "code-bob", warnings: [] } });
    const card = await mount(addon);
    const { editor, rules } = await openEditor(card);
    expect(textOf(rules.querySelector("summary"))).toBe("Access rules Always");
    type(editor, "#name", "Cleaner");
    type(editor, "#pin", "739164");
    type(rules, "#until", "2026-12-12T17:00");
    click(rules, "button.add-window");
    await settle(card);
    // The day toggles read in the user's week, Monday first, each named in full.
    const days = [...rules.querySelectorAll<HTMLInputElement>('fieldset.window input[name="day"]')];
    expect(days.map((d) => d.getAttribute("aria-label"))).toEqual([
      "Monday",
      "Tuesday",
      "Wednesday",
      "Thursday",
      "Friday",
      "Saturday",
      "Sunday",
    ]);
    // Start from a clean window: untick the default days, then pick Mon–Fri by hand.
    for (const day of [1, 2, 3, 4, 5]) toggle(rules, `fieldset.window input[name="day"][value="${day}"]`);
    await settle(card);
    for (const day of [5, 4, 3, 2, 1]) toggle(rules, `fieldset.window input[name="day"][value="${day}"]`);
    type(rules, "#w0-start", "08:00");
    type(rules, "#w0-end", "17:00");
    type(rules, "#max-uses", "3");
    await settle(card);
    expect(textOf(rules.querySelector("summary .summary"))).toMatch(
      /^Mon–Fri 08:00–17:00 · until Dec 12(, 2026)? · 3 uses$/,
    );
    click(editor, "button.save");
    await settle(card);
    expect(created(addon)).toMatchObject({
      type: "codes/create",
      draft: {
        name: "Cleaner",
        pin: "739164",
        rules: {
          validUntil: localToIso("2026-12-12T17:00"),
          weekly: [{ days: [1, 2, 3, 4, 5], start: "08:00", end: "17:00" }],
          maxUses: 3,
          burner: false,
        },
        notify: { onUse: true, targets: [] },
      },
    });
    expect(created(addon)).not.toHaveProperty("draft.rules.validFrom");
  });

  it("turns notification off with the checkbox, and on again", async () => {
    const addon = new FakeAddon();
    addon.respond = () => ({ ok: true, result: { codeId: "code-bob", warnings: [] } });
    const card = await mount(addon);
    const { editor } = await openEditor(card);
    expect(el(editor, "#notify", HTMLInputElement).checked).toBe(true);
    expect(textOf(el(editor, "#notify", HTMLInputElement).closest("label"))).toBe(
      "Notify me when it is used",
    );
    type(editor, "#name", "Quiet");
    type(editor, "#pin", "739164");
    toggle(editor, "#notify");
    await settle(card);
    click(editor, "button.save");
    await settle(card);
    expect(created(addon)).toMatchObject({ draft: { notify: { onUse: false } } });

    const second = await openEditor(card);
    type(second.editor, "#name", "Loud");
    type(second.editor, "#pin", "591827");
    toggle(second.editor, "#notify");
    toggle(second.editor, "#notify");
    await settle(card);
    click(second.editor, "button.save");
    await settle(card);
    expect(created(addon)).toMatchObject({ draft: { name: "Loud", notify: { onUse: true } } });
  });

  it("sends use notifications to the ticked targets; a target HA no longer offers stays listed", async () => {
    const snapshot = snapshotFixture();
    snapshot.codes[0] = { ...snapshot.codes[0]!, notify: { onUse: true, targets: ["notify.old_phone"] } };
    const addon = new FakeAddon(snapshot);
    addon.respond = () => ({ ok: true, result: { codeId: "code-ada", warnings: [] } });
    const card = await mount(addon);
    const { editor } = await openEditor(card, 'li[data-code="code-ada"] button.edit');
    const labels = [...editor.querySelectorAll("fieldset.targets label")].map((label) => textOf(label));
    expect(labels).toEqual([
      "Home Assistant notifications",
      "notify.mobile_app_pixel",
      "notify.sms_gateway",
      "notify.old_phone",
    ]);
    expect(textOf(editor.querySelector("fieldset.targets .hint"))).toBe(
      "Tick where the alert goes. With none ticked, it goes to the targets set in the add-on's options.",
    );
    toggle(editor, 'input[name="target"][value="notify.old_phone"]');
    toggle(editor, 'input[name="target"][value="persistent_notification"]');
    toggle(editor, 'input[name="target"][value="notify.mobile_app_pixel"]');
    await settle(card);
    click(editor, "button.save");
    await settle(card);
    expect(addon.requests("codes/update").at(-1)).toMatchObject({
      changes: { notify: { onUse: true, targets: ["persistent_notification", "notify.mobile_app_pixel"] } },
    });

    const again = await openEditor(card, 'li[data-code="code-ada"] button.edit');
    toggle(again.editor, "#notify");
    await settle(card);
    expect(again.editor.querySelector("fieldset.targets")).toBeNull();
  });

  it("shows a code's rules when editing and sends them back with its notify targets", async () => {
    const snapshot = snapshotFixture();
    const ada = snapshot.codes[0]!;
    snapshot.codes[0] = {
      ...ada,
      rules: { weekly: [{ days: [6, 0], start: "22:00", end: "06:00" }], maxUses: 2, burner: true },
      notify: { onUse: true, targets: ["notify.mobile_app_pixel"] },
    };
    const addon = new FakeAddon(snapshot);
    addon.respond = () => ({ ok: true, result: { codeId: "code-ada", warnings: [] } });
    const card = await mount(addon);
    const { editor, rules } = await openEditor(card, 'li[data-code="code-ada"] button.edit');
    expect(rules.querySelector("details")?.open).toBe(true);
    expect(textOf(rules.querySelector("summary .summary"))).toBe("Sat, Sun 22:00–06:00 · 2 uses · burner");
    expect(textOf(rules.querySelector("fieldset.window .note"))).toBe("Ends the next day.");
    expect(el(rules, "#burner", HTMLInputElement).checked).toBe(true);
    expect(textOf(rules.querySelector("#burner-hint"))).toBe("Retired at its first use, and you are told.");
    click(rules, "button.remove-window");
    type(rules, "#max-uses", "");
    await settle(card);
    click(editor, "button.save");
    await settle(card);
    expect(addon.requests("codes/update").at(-1)).toMatchObject({
      codeId: "code-ada",
      changes: {
        rules: { weekly: [], burner: true },
        notify: { onUse: true, targets: ["notify.mobile_app_pixel"] },
      },
    });
    expect(addon.requests("codes/update").at(-1)).not.toHaveProperty("changes.rules.maxUses");
  });

  it("blocks saving while a rule is wrong and says why", async () => {
    const addon = new FakeAddon();
    const card = await mount(addon);
    const { editor, rules } = await openEditor(card);
    type(editor, "#name", "Bob");
    type(editor, "#pin", "739164");
    type(rules, "#from", "2026-12-12T17:00");
    type(rules, "#until", "2026-12-01T17:00");
    type(rules, "#max-uses", "0");
    await settle(card);
    click(editor, "button.save");
    await settle(card);
    expect([...rules.querySelectorAll('[role="alert"]')].map((a) => textOf(a))).toEqual([
      "The end must be after the start.",
      "Enter a whole number from 1 to 10000, or leave it empty.",
    ]);
    expect(addon.requests("codes/create")).toEqual([]);
    click(rules, "button.clear-from");
    type(rules, "#max-uses", "");
    await settle(card);
    expect(rules.querySelector("#from")).toBeInstanceOf(HTMLInputElement);
    expect(el(rules, "#from", HTMLInputElement).value).toBe("");
  });

  it("labels every input", async () => {
    const card = await mount(new FakeAddon());
    const { editor, rules } = await openEditor(card);
    click(rules, "button.add-window");
    await settle(card);
    for (const root of [editor, rules]) {
      for (const input of root.querySelectorAll("input")) {
        const named =
          input.getAttribute("aria-label") ??
          (input.id ? textOf(root.querySelector(`label[for="${input.id}"]`)) : "");
        expect(named || textOf(input.closest("label")), `input ${input.id || input.outerHTML}`).not.toBe("");
      }
    }
  });
});

describe("the limits of one code", () => {
  it("offers no more time windows than the add-on takes, and says so", async () => {
    const card = await mount(new FakeAddon());
    const { rules } = await openEditor(card);
    for (let i = 0; i < MAX_WEEKLY_WINDOWS; i++) {
      click(rules, "button.add-window");
      await settle(card);
    }
    expect(rules.querySelectorAll("fieldset.window")).toHaveLength(MAX_WEEKLY_WINDOWS);
    expect(rules.querySelector("button.add-window")).toBeNull();
    expect(textOf(rules.querySelector(".windows-limit"))).toBe(
      `At most ${MAX_WEEKLY_WINDOWS} time windows per code.`,
    );
  });

  it("offers no “Add code” once the add-on holds as many codes as it takes", async () => {
    const snapshot = snapshotFixture();
    const first = snapshot.codes[0];
    if (!first) throw new Error("fixture has codes");
    snapshot.codes = Array.from({ length: MAX_CODES }, (_, i) => ({
      ...first,
      id: `code-${i}`,
      name: `Person ${i}`,
    }));
    const card = await mount(new FakeAddon(snapshot));
    expect(codeList(card).querySelector("button.add")).toBeNull();
    expect(textOf(codeList(card).querySelector(".codes-limit"))).toBe(
      `Latchkey holds at most ${MAX_CODES} codes; delete one to add another.`,
    );
    // 250 rows rendered in happy-dom take several seconds on a loaded 2-core machine.
  }, 30_000);
});

describe("the code form says what it needs while the admin types", () => {
  it("keeps a name past the limit as typed and says why it is too long, before Save", async () => {
    const addon = new FakeAddon();
    const card = await mount(addon);
    const { editor } = await openEditor(card);
    const long = "Grandma and Grandpa from the lake house 2"; // 41 characters
    type(editor, "#name", long);
    await settle(card);
    expect(el(editor, "#name", HTMLInputElement).value).toBe(long);
    expect(el(editor, "#name", HTMLInputElement).maxLength).toBeLessThan(0);
    expect([...editor.querySelectorAll(".issue.error")].map((i) => textOf(i))).toEqual([
      "A name has at most 40 characters.",
    ]);
    expect(addon.requests("codes/create")).toEqual([]);
  });

  it("warns about a weak PIN while it is typed, and the warning goes with a better one", async () => {
    const card = await mount(new FakeAddon());
    const { editor } = await openEditor(card);
    type(editor, "#name", "Walker");
    type(editor, "#pin", "123456");
    await settle(card);
    expect(textOf(editor.querySelector(".issue.warning"))).toBe(
      "This PIN is easy to guess: it is a straight run of digits.",
    );
    type(editor, "#pin", "582913");
    await settle(card);
    expect(editor.querySelector(".issue.warning")).toBeNull();
  });

  it("says under the PIN field (not inside it) that an empty PIN keeps the current one", async () => {
    const card = await mount(new FakeAddon());
    const { editor } = await openEditor(card, 'li[data-code="code-ada"] button.edit');
    const pin = el(editor, "#pin", HTMLInputElement);
    expect(pin.placeholder).toBe("");
    expect(pin.getAttribute("aria-describedby")).toBe("pin-keep");
    expect(textOf(editor.querySelector("#pin-keep"))).toBe("Leave empty to keep the current PIN");
    const fresh = await openEditor(card);
    expect(fresh.editor.querySelector("#pin-keep")).toBeNull();
  });

  it("marks the Access rules disclosure with a chevron that turns when it opens", async () => {
    const card = await mount(new FakeAddon());
    const { rules } = await openEditor(card);
    const summary = rules.querySelector("summary");
    expect(summary?.querySelector(".marker[aria-hidden=true]")).not.toBeNull();
    expect(textOf(summary)).toBe("Access rules Always");
  });
});
