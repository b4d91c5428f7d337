import type { Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from "vitest";
import { haWs, type HaWs } from "../../stack/ha/index";
import {
  figure,
  LOCK_IDS,
  STACK_LOCKS,
  slotsWith,
  startStackWorld,
  type StackWorld,
} from "../support/stack-world";
import { until } from "../support/watch-ha";
import { loginThroughHa, openBrowser, overflowing, screenshot, type BrowserSession } from "./browser-session";
import { seriousViolationsInCard } from "./accessibility";
import { callLockService, lockStates, waitForLockStates } from "./ha-locks";
import { addSectionsView, gridPlacement, screenshotSize } from "./dashboard-views";

/** The card inside HA's real frontend (Debian Chromium via playwright-core) on the full real stack. */
const PIN = "582913";
const CODE_LOCKS = ["lock.front_door", "lock.back_door"];

let world: StackWorld | undefined;
let session: BrowserSession | undefined;
let ws: HaWs | undefined;

const stack = () => world ?? fail("the stack did not start");
const page = (): Page => session?.page ?? fail("the browser did not start");
function fail(why: string): never {
  throw new Error(why);
}

const lockRow = (entityId: string) => page().locator(`latchkey-lock-list li[data-entity="${entityId}"]`);
const codeRow = (name: string) =>
  page()
    .locator("latchkey-code-list li.code")
    .filter({ has: page().locator(".name", { hasText: name }) });
const holders = async (pin: string) =>
  (
    await Promise.all(LOCK_IDS.map(async (l) => ((await slotsWith(stack(), l, pin)).length > 0 ? [l] : [])))
  ).flat();

/** The element with keyboard focus, through every shadow root: "input#name", "button.primary.save". */
function deepFocus(p: Page): Promise<string | null> {
  return p.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element) return null;
    return (
      element.tagName.toLowerCase() +
      (element.id ? `#${element.id}` : "") +
      [...element.classList].map((c) => `.${c}`).join("")
    );
  });
}

/** Runs `action` and returns the card's language files the page fetched meanwhile (latchkey-card-en-<hash>.js → "en"). */
async function languagesFetchedDuring(p: Page, action: () => Promise<void>): Promise<string[]> {
  const fetched: string[] = [];
  const onRequest = (request: { url(): string }) => {
    // A language's chunk, not the card's main chunk (latchkey-card-main-<hash>.js) or a lazy part.
    const language = /\/latchkey-card-([a-z]{2})-[\w-]{8}\.js$/.exec(new URL(request.url()).pathname)?.[1];
    if (language) fetched.push(language);
  };
  p.on("request", onRequest);
  try {
    await action();
  } finally {
    p.off("request", onRequest);
  }
  return fetched;
}

async function expectLocksShown(state: string): Promise<void> {
  for (const lock of STACK_LOCKS) {
    await expect
      .poll(() => lockRow(lock.entityId).locator(".name span").first().textContent(), { timeout: 15_000 })
      .toBe(lock.name);
    await expect
      .poll(() => lockRow(lock.entityId).locator(".state").textContent(), { timeout: 30_000 })
      .toBe(state);
  }
}

beforeAll(async () => {
  const started = Date.now();
  world = await startStackWorld();
  figure(
    "stack start (locks + Z-Wave JS + HA + add-on + dashboard)",
    `${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  ws = await haWs(world.stack.ha.url, world.stack.credentials.admin.token);
  session = await openBrowser();
});
afterAll(async () => {
  const problems =
    session?.log.filter((line) =>
      /^\[(test|console\.error|console\.warning|pageerror|websocket error|response \d+)\]/.test(line),
    ) ?? [];
  const count = problems.filter((line) => !line.startsWith("[test]")).length;
  process.stdout.write(
    `[page] ${count} console error/warning/pageerror line(s)${count ? `, by test:\n${problems.join("\n")}` : ""}\n`,
  );
  await session?.close().catch(() => undefined);
  await ws?.close().catch(() => undefined);
  await world?.close();
});
beforeEach((ctx) => {
  // Which test a page problem came from, in the list printed at the end.
  session?.log.push(`[test] ${ctx.task.name}`);
  onTestFailed(() => {
    process.stdout.write(
      `--- page log (${session?.log.length ?? 0} lines) ---\n${session?.log.join("\n") ?? ""}\n---\n`,
    );
  });
});

describe("the card in Home Assistant's real frontend", () => {
  it("logs in through HA's login page and renders every lock by name, locked, at 1280×800", async () => {
    const { dashboardUrl, credentials } = stack().stack;
    await loginThroughHa(page(), dashboardUrl, credentials.admin);
    // A fresh navigation with the stored tokens: navigation → every lock name visible.
    const t0 = Date.now();
    const fetched = await languagesFetchedDuring(page(), async () => {
      await page().goto(dashboardUrl);
      for (const lock of STACK_LOCKS)
        await page()
          .locator("latchkey-lock-list .name span", { hasText: lock.name })
          .first()
          .waitFor({ timeout: 30_000 });
    });
    figure(
      `dashboard first render (navigation → ${STACK_LOCKS.length} lock names visible), 1280×800`,
      `${Date.now() - t0} ms`,
    );
    // The card's texts come from HA's /local/ next to it, and only the person's language.
    expect(fetched).toEqual(["en"]);
    await expectLocksShown("Locked");
    await page().locator("latchkey-code-list button.add").waitFor({ timeout: 30_000 });
    await screenshot(page(), "card-1280x800.png");
    expect(await seriousViolationsInCard(page()), "axe-core, locks and (empty) codes").toEqual([]);
  });

  it("fits 360×640 with no horizontal overflow; the add/edit dialog's buttons are reachable", async () => {
    const p = page();
    await p.setViewportSize({ width: 360, height: 640 });
    await p.reload();
    await expectLocksShown("Locked");
    await p.locator("latchkey-code-list button.add").waitFor({ timeout: 30_000 });
    await screenshot(p, "card-360x640.png");
    expect(await p.evaluate(() => document.scrollingElement?.scrollWidth ?? 0)).toBeLessThanOrEqual(360);
    expect(
      await overflowing(
        p,
        "latchkey-card, latchkey-card ha-card, latchkey-card button, latchkey-card li",
        360,
      ),
    ).toEqual([]);

    await p.locator("latchkey-code-list button.add").click();
    const dialog = p.locator("latchkey-code-editor [role=dialog]");
    await dialog.waitFor();
    await screenshot(p, "editor-360x640.png");
    expect(await seriousViolationsInCard(p), "axe-core, add/edit dialog open").toEqual([]);
    expect(
      await overflowing(
        p,
        "latchkey-code-editor [role=dialog], latchkey-code-editor button, latchkey-code-editor input",
        360,
      ),
    ).toEqual([]);
    for (const button of ["button.cancel", "button.save"]) {
      const target = dialog.locator(button);
      await target.scrollIntoViewIfNeeded();
      const box = await target.boundingBox();
      expect(box, button).not.toBeNull();
      if (box)
        expect(box.y >= 0 && box.y + box.height <= 640, `${button} inside the viewport (y=${box.y})`).toBe(
          true,
        );
    }
    // Keyboard: focus starts on the name, Tab stays inside the dialog, Escape closes it and
    // focus is back on the button that opened it.
    expect(await deepFocus(p)).toBe("input#name");
    await p.keyboard.press("Shift+Tab");
    expect(await deepFocus(p)).toBe("button.primary.save");
    await p.keyboard.press("Tab");
    expect(await deepFocus(p)).toBe("input#name");
    await p.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(await deepFocus(p)).toBe("button.primary.add");
  });

  it("its visual editor is HA's own form: a lock picker and text fields whose edits reach the config", async () => {
    const p = page();
    await p.evaluate(async () => {
      const card = customElements.get("latchkey-card");
      const open: unknown = card ? Reflect.get(card, "getConfigElement") : undefined;
      if (typeof open !== "function") throw new Error("latchkey-card has no getConfigElement");
      const editor: unknown = await Promise.resolve(Reflect.apply(open, card, []));
      if (!(editor instanceof HTMLElement)) throw new Error("getConfigElement gave no element");
      const changes: unknown[] = [];
      Reflect.set(window, "latchkeyEditorChanges", changes);
      editor.addEventListener("config-changed", (event) => {
        if (event instanceof CustomEvent) changes.push(event.detail);
      });
      editor.id = "latchkey-editor-under-test";
      Reflect.set(editor, "hass", Reflect.get(document.querySelector("home-assistant") ?? {}, "hass"));
      const setConfig: unknown = Reflect.get(editor, "setConfig");
      if (typeof setConfig !== "function") throw new Error("the editor has no setConfig");
      Reflect.apply(setConfig, editor, [{ type: "custom:latchkey-card" }]);
      // Inside HA's app, as HA's own edit dialog is: HA's pickers take their texts from a
      // context the app provides (appended to the page's body, the entity picker throws).
      const app = document.querySelector("home-assistant")?.shadowRoot;
      if (!app) throw new Error("no home-assistant app");
      app.append(editor);
    });
    const editor = p.locator("#latchkey-editor-under-test");
    await editor.locator("ha-form").waitFor({ timeout: 15_000 });
    await expect.poll(() => editor.locator("ha-selector-entity").count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => editor.locator("ha-selector-text").count()).toBe(3);
    await editor.locator("ha-selector-text input").first().fill("Our doors");
    const last = () =>
      p.evaluate(() => {
        const changes: unknown = Reflect.get(window, "latchkeyEditorChanges");
        return JSON.stringify(Array.isArray(changes) ? changes.at(-1) : null);
      });
    await expect
      .poll(last, { timeout: 10_000 })
      .toBe(JSON.stringify({ config: { type: "custom:latchkey-card", title: "Our doors" } }));
    await p.evaluate(() => {
      document.querySelector("#latchkey-editor-under-test")?.remove();
    });
  });

  it("creates Grandma on Front Door and Back Door through the dialog; both locks hold the PIN, chips synced", async () => {
    const p = page();
    await p.setViewportSize({ width: 1280, height: 800 });
    await p.locator("latchkey-code-list button.add").click();
    const dialog = p.locator("latchkey-code-editor [role=dialog]");
    await dialog.locator("#name").fill("Grandma");
    await dialog.locator("#pin").fill(PIN);
    for (const lock of LOCK_IDS)
      await dialog.locator(`input[name=lock][value="${lock}"]`).setChecked(CODE_LOCKS.includes(lock));
    const t0 = Date.now();
    await dialog.locator("button.save").click();
    await dialog.waitFor({ state: "detached", timeout: 30_000 });
    await until(
      async () => (await holders(PIN)).length === 2,
      60_000,
      "Grandma's PIN on Front Door and Back Door",
    );
    figure("Save in the dialog → PIN in both simulated locks' memory", `${Date.now() - t0} ms`);
    expect((await holders(PIN)).sort()).toEqual([...CODE_LOCKS].sort());
    const row = codeRow("Grandma");
    for (const lock of CODE_LOCKS)
      await expect
        .poll(() => row.locator(`.chip[data-lock="${lock}"]`).getAttribute("class"), { timeout: 60_000 })
        .toContain("synced");
    expect(await row.locator(".chip").count()).toBe(2);
    figure("Save in the dialog → both chips synced in the card", `${Date.now() - t0} ms`);
    expect(await seriousViolationsInCard(p), "axe-core, code list with sync chips").toEqual([]);
  });

  it("reveals the PIN to the admin", async () => {
    const row = codeRow("Grandma");
    await row.locator("button.reveal").click();
    await expect.poll(() => row.locator(".pin").textContent(), { timeout: 10_000 }).toBe(PIN);
  });

  it("disable through the card → no lock holds the PIN", async () => {
    const row = codeRow("Grandma");
    await row.locator("button.toggle").click();
    await until(
      async () => (await holders(PIN)).length === 0,
      60_000,
      "Grandma's PIN cleared from every lock",
    );
    await expect.poll(() => row.locator(".badge").textContent(), { timeout: 15_000 }).toBe("Disabled");
  });

  it("delete through the card (with confirmation) → gone from the list", async () => {
    const p = page();
    const row = codeRow("Grandma");
    await row.locator("button.delete").click();
    await row.locator("button.confirm-delete").click();
    await expect.poll(() => p.locator("latchkey-code-list li.code").count(), { timeout: 30_000 }).toBe(0);
    await p.locator("latchkey-code-list .notice", { hasText: "No codes yet." }).waitFor({ timeout: 10_000 });
    expect(await holders(PIN)).toEqual([]);
  });

  it("Lock all: two locks unlocked through HA, one click → all locked in HA", async () => {
    const haWsConn = ws ?? fail("no HA websocket");
    const unlocked = ["lock.front_door", "lock.garage_side_door"];
    await callLockService(haWsConn, "unlock", unlocked);
    await waitForLockStates(haWsConn, unlocked, "unlocked");
    for (const lock of unlocked)
      await expect
        .poll(() => lockRow(lock).locator(".state").textContent(), { timeout: 15_000 })
        .toBe("Unlocked");
    expect(await seriousViolationsInCard(page()), "axe-core, unlocked locks shown").toEqual([]);
    const t0 = Date.now();
    await page().locator("latchkey-lock-list button.lock-all").click();
    await waitForLockStates(haWsConn, LOCK_IDS, "locked");
    figure(`Lock all click → all ${LOCK_IDS.length} locks locked in HA`, `${Date.now() - t0} ms`);
    const states = await lockStates(haWsConn);
    expect(LOCK_IDS.map((id) => states.get(id))).toEqual(LOCK_IDS.map(() => "locked"));
    await expectLocksShown("Locked");
    await page()
      .locator("latchkey-lock-list .result", { hasText: `All ${LOCK_IDS.length} locks locked.` })
      .waitFor({ timeout: 15_000 });
    // HA hands the lock's state change the context of the person's service call: the row names them.
    await expect
      .poll(() => lockRow("lock.front_door").locator(".last").textContent(), { timeout: 15_000 })
      .toMatch(/^Latchkey Admin locked Front Door in Home Assistant · /);
  });

  it("in German at 360×640 (the longest words) the card, a code's actions, its share form, the confirmation and the dialog all fit", async () => {
    const p = page();
    await p.setViewportSize({ width: 360, height: 640 });
    // HA's own language choice for this browser, as its profile page stores it.
    await p.evaluate(() => {
      localStorage.setItem("selectedLanguage", JSON.stringify("de"));
    });
    try {
      const fetched = await languagesFetchedDuring(p, async () => {
        await p.reload();
        await expectLocksShown("Verriegelt");
      });
      expect(fetched).toEqual(["de"]);
      const fits = (selector: string) => overflowing(p, selector, 360);
      await p.locator("latchkey-code-list button.add", { hasText: "Code hinzufügen" }).click();
      const dialog = p.locator("latchkey-code-editor [role=dialog]");
      await dialog.locator("#name").fill("Oma");
      await dialog.locator("#pin").fill(PIN);
      expect(
        await fits(
          "latchkey-code-editor [role=dialog], latchkey-code-editor button, latchkey-code-editor input, latchkey-code-editor label",
        ),
      ).toEqual([]);
      await screenshot(p, "editor-de-360x640.png");
      await dialog.locator("button.save").click();
      await dialog.waitFor({ state: "detached", timeout: 30_000 });
      const row = codeRow("Oma");
      await expect.poll(() => row.locator(".chip").count(), { timeout: 15_000 }).toBe(LOCK_IDS.length);
      await row.locator("button.share").click();
      await row.locator("latchkey-share-form button.phone").waitFor();
      expect(
        await fits(
          "latchkey-card ha-card, latchkey-card button, latchkey-card li, latchkey-share-form button, latchkey-share-form select",
        ),
      ).toEqual([]);
      await screenshot(p, "card-de-360x640.png");
      await row.locator("latchkey-share-form button.cancel").click();
      await row.locator("button.delete").click();
      await row.locator("[role=alertdialog]", { hasText: "„Oma“ von allen Schlössern löschen?" }).waitFor();
      expect(await fits("latchkey-code-list button, latchkey-code-list [role=alertdialog]")).toEqual([]);
      expect(await seriousViolationsInCard(p), "axe-core, German, delete confirmation open").toEqual([]);
      await row.locator("button.confirm-delete").click();
      await expect.poll(() => p.locator("latchkey-code-list li.code").count(), { timeout: 30_000 }).toBe(0);
    } finally {
      await p.evaluate(() => {
        localStorage.removeItem("selectedLanguage");
      });
    }
  });
});

describe("what a family sees: the form, a share on a desktop, states that tell the truth (1280×800 and 360×640)", () => {
  const WALKER_PIN = "730146";
  const front = STACK_LOCKS.find((l) => l.entityId === "lock.front_door")?.name ?? "lock.front_door";
  const dialog = () => page().locator("latchkey-code-editor [role=dialog]");
  const shareForm = () => codeRow("Dog walker").locator("latchkey-share-form");

  it("the form says a name is too long and a PIN is weak while typing, and marks its Access rules", async () => {
    const p = page();
    await p.setViewportSize({ width: 1280, height: 800 });
    await p.reload();
    await expectLocksShown("Locked");
    await p.locator("latchkey-code-list button.add").click();
    const long = "Dog walker from the agency down the road!";
    expect(long).toHaveLength(41);
    await dialog().locator("#name").fill(long);
    expect(await dialog().locator("#name").inputValue()).toBe(long);
    await dialog().locator(".issue.error", { hasText: "A name has at most 40 characters." }).waitFor();
    await dialog().locator("#name").fill("Dog walker");
    await dialog().locator("#pin").fill("123456");
    await dialog().locator(".issue.warning", { hasText: "easy to guess" }).waitFor();
    expect(await dialog().locator("latchkey-rules-editor summary .marker").isVisible()).toBe(true);
    await screenshot(p, "form-while-typing-1280x800.png");
    await dialog().locator("#pin").fill(WALKER_PIN);
    expect(await dialog().locator(".issue.warning").count()).toBe(0);
    for (const lock of LOCK_IDS)
      await dialog()
        .locator(`input[name=lock][value="${lock}"]`)
        .setChecked(lock === "lock.front_door");
    await dialog().locator("button.save").click();
    await dialog().waitFor({ state: "detached", timeout: 30_000 });
    await expect
      .poll(() => codeRow("Dog walker").locator(".chip").getAttribute("class"), { timeout: 60_000 })
      .toContain("synced");
  });

  it("Share on a desktop shows the message with Copy and stays on the page, with a word of what to do", async () => {
    const p = page();
    const before = p.url();
    await codeRow("Dog walker").locator("button.share").click();
    await shareForm().locator("button.phone").click();
    const text = `Hi Dog walker, your door code is ${WALKER_PIN} (${front}).`;
    await expect
      .poll(() => shareForm().locator("textarea.message").inputValue(), { timeout: 15_000 })
      .toBe(text);
    expect(p.url()).toBe(before);
    expect(await shareForm().locator("a.sms").count()).toBe(0);
    expect(await shareForm().locator("[role=status]").textContent()).toBe(
      "Copy the message and send it to Dog walker yourself.",
    );
    await screenshot(p, "share-desktop-1280x800.png");
    await p.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await shareForm().locator("button.copy-message").click();
    await expect
      .poll(() => shareForm().locator("[role=status]").textContent())
      .toBe("Message copied. Paste it into a text or an e-mail.");
    expect(await p.evaluate(() => navigator.clipboard.readText())).toBe(text);
    await shareForm().locator("button.cancel").click();
    // HA lays the dashboard out again for a phone-sized window (the card is made anew): open it again.
    await p.setViewportSize({ width: 360, height: 640 });
    await codeRow("Dog walker").locator("button.share").click({ timeout: 30_000 });
    await shareForm().locator("button.phone").click();
    await expect
      .poll(() => shareForm().locator("textarea.message").inputValue(), { timeout: 15_000 })
      .toBe(text);
    expect(
      await overflowing(
        p,
        "latchkey-share-form textarea, latchkey-share-form button, latchkey-share-form input",
        360,
      ),
    ).toEqual([]);
    await screenshot(p, "share-360x640.png");
    await shareForm().locator("button.cancel").click();
    await p.setViewportSize({ width: 1280, height: 800 });
    await p.setViewportSize({ width: 1280, height: 800 });
  });

  it("Show PIN turns into Hide PIN with a countdown; a disabled code reads off the lock, never synced in green", async () => {
    const row = codeRow("Dog walker");
    await row.locator("button.reveal").click();
    await expect.poll(() => row.locator(".pin").textContent(), { timeout: 10_000 }).toBe(WALKER_PIN);
    expect((await row.locator("button.reveal").textContent())?.trim()).toBe("Hide PIN");
    expect(await row.locator(".countdown").textContent()).toMatch(/^Hides in \d+ s$/);
    await row.locator("button.reveal").click();
    expect(await row.locator(".pin").count()).toBe(0);

    await row.locator("button.toggle").click();
    await until(
      async () => (await holders(WALKER_PIN)).length === 0,
      60_000,
      "the walker's PIN off Front Door",
    );
    await expect
      .poll(() => row.locator(".chip").textContent(), { timeout: 30_000 })
      .toBe(`${front} · off the lock`);
    expect(await row.locator(".chip.synced").count()).toBe(0);
    await screenshot(page(), "disabled-code-1280x800.png");
  });

  it("at 360×640 the edit dialog says under the PIN field that empty keeps it, all of it in view", async () => {
    const p = page();
    await p.setViewportSize({ width: 360, height: 640 });
    await codeRow("Dog walker").locator("button.edit").click();
    await dialog().locator("#pin-keep", { hasText: "Leave empty to keep the current PIN" }).waitFor();
    expect(await dialog().locator("#pin").getAttribute("placeholder")).toBeNull();
    expect(
      await overflowing(
        p,
        "latchkey-code-editor #pin, latchkey-code-editor #pin-keep, latchkey-code-editor summary",
        360,
      ),
    ).toEqual([]);
    await screenshot(p, "editor-edit-360x640.png");
    await dialog().locator("button.cancel").click();
    const row = codeRow("Dog walker");
    await row.locator("button.delete").click();
    await row.locator("button.confirm-delete").click();
    await expect.poll(() => codeRow("Dog walker").count(), { timeout: 30_000 }).toBe(0);
  });

  it("All N locks locked is taken back once a lock is unlocked", async () => {
    const haWsConn = ws ?? fail("no HA websocket");
    const p = page();
    await p.setViewportSize({ width: 1280, height: 800 });
    await p.locator("latchkey-lock-list button.lock-all").click();
    await waitForLockStates(haWsConn, LOCK_IDS, "locked");
    const result = p.locator("latchkey-lock-list .result", {
      hasText: `All ${LOCK_IDS.length} locks locked.`,
    });
    await result.waitFor({ timeout: 15_000 });
    await callLockService(haWsConn, "unlock", ["lock.back_door"]);
    await waitForLockStates(haWsConn, ["lock.back_door"], "unlocked");
    await result.waitFor({ state: "detached", timeout: 15_000 });
    await callLockService(haWsConn, "lock", ["lock.back_door"]);
    await waitForLockStates(haWsConn, ["lock.back_door"], "locked");
  });
});

describe("the card in HA 2026.11's dashboards: a sections view", () => {
  it("in a sections view HA gives the card its section's full width and all the height it needs, at 1280×800 and 360×640", async () => {
    const p = page();
    const sectionsUrl = await addSectionsView(ws ?? fail("no HA websocket"), stack().stack.dashboardUrl);
    for (const [width, height] of [
      [1280, 800],
      [360, 640],
    ] as const) {
      await p.setViewportSize({ width, height });
      await p.goto(sectionsUrl);
      await expectLocksShown("Locked");
      const placement = await gridPlacement(p);
      figure(
        `sections view ${width}×${height}: card cell / section width, cell / card height`,
        JSON.stringify(placement),
      );
      // getGridOptions: 12 columns (the section's full width), rows "auto" (as tall as it is).
      expect(placement.columns).toBe("12");
      expect(placement.fixedRows).toBe(false);
      expect(Math.abs(placement.cellWidth - placement.sectionWidth)).toBeLessThanOrEqual(1);
      expect(placement.cellHeight).toBeGreaterThanOrEqual(placement.cardHeight - 1);
      const name = `sections-${width}x${height}.png`;
      await screenshot(p, name);
      expect((await screenshotSize(name)).width).toBe(width);
      if (width === 360)
        expect(
          await overflowing(p, "latchkey-card ha-card, latchkey-card button, latchkey-card li", 360),
        ).toEqual([]);
    }
  });
});

describe("the card in HA 2026.11's dashboards: the card picker and the edit-card dialog", () => {
  it("HA's card picker lists Latchkey with a live preview; picking it opens HA's edit dialog with the visual editor, whose edits reach the preview, at 1280×800 and 360×640", async () => {
    const p = page();
    const { dashboardUrl } = stack().stack;
    for (const [width, height] of [
      [1280, 800],
      [360, 640],
    ] as const) {
      await p.setViewportSize({ width, height });
      await p.goto(`${dashboardUrl}?edit=1`);
      await p.getByRole("button", { name: "Add card" }).click();
      await p.getByRole("tab", { name: "By card" }).click();
      await p.locator("hui-card-picker input").first().fill("Latchkey");
      const entry = p.locator("hui-card-picker .card", {
        has: p.locator(".card-header", { hasText: "Latchkey" }),
      });
      await expect.poll(() => entry.count(), { timeout: 30_000 }).toBe(1);
      // The picker's preview is the real card, rendering the home's locks.
      await expect
        .poll(() => entry.locator("latchkey-card latchkey-lock-list li[data-entity]").count(), {
          timeout: 30_000,
        })
        .toBe(STACK_LOCKS.length);
      const pickerShot = `card-picker-${width}x${height}.png`;
      await screenshot(p, pickerShot);
      expect((await screenshotSize(pickerShot)).width).toBe(width);

      await entry.click();
      const dialog = p.locator("hui-dialog-edit-card");
      await dialog.locator("latchkey-card-editor ha-form").waitFor({ timeout: 30_000 });
      const title = dialog.locator("latchkey-card-editor ha-selector-text input").first();
      await title.fill("Front of house");
      await expect
        .poll(() => dialog.locator("latchkey-card h1").textContent(), { timeout: 15_000 })
        .toBe("Front of house");
      const editShot = `edit-card-${width}x${height}.png`;
      await screenshot(p, editShot);
      expect((await screenshotSize(editShot)).width).toBe(width);
      if (width === 360)
        expect(await overflowing(p, "hui-dialog-edit-card latchkey-card-editor ha-form", 360)).toEqual([]);
      // Cancel: the dashboard keeps its one card.
      await dialog.getByRole("button", { name: "Cancel" }).click();
      // HA keeps the dialog element on the page, hidden, for the next time.
      await dialog.waitFor({ state: "hidden", timeout: 15_000 });
    }
    await p.setViewportSize({ width: 1280, height: 800 });
    await p.goto(dashboardUrl);
    await expectLocksShown("Locked");
  });
});
