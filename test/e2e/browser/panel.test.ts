import type { FrameLocator } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from "vitest";
import { ADMIN, startWorld, threeLocks, type World } from "../../integration/support/world";
import { openBrowser, screenshot, type BrowserSession } from "./browser-session";
import { startIngressHost, type IngressHost } from "./ingress-host";

/**
 * The add-on's ingress panel in real Chromium: the page the add-on serves, inside an iframe of
 * a same-origin page that stands in for Home Assistant's (a `<home-assistant>` element with a
 * `hass`), reached through an ingress-like proxy; the add-on runs against the HA websocket fake.
 */
let world: World | undefined;
let host: IngressHost | undefined;
let session: BrowserSession | undefined;

const LOCKS = threeLocks().map((lock) => ({ entityId: lock.entityId, name: lock.name, state: "locked" }));
const need = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new Error(`${what} did not start`);
  return value;
};
const page = () => need(session, "the browser").page;
const panel = (): FrameLocator => page().frameLocator("iframe[title=Latchkey]");
const lockRow = (entityId: string) => panel().locator(`latchkey-lock-list li[data-entity="${entityId}"]`);
const problems = () =>
  need(session, "the browser").log.filter((line) =>
    /^\[(console\.error|console\.warning|pageerror|requestfailed|websocket error)\]/.test(line),
  );

beforeAll(async () => {
  world = await startWorld();
  const addonPort = Number(new URL(world.addon.apiUrl).port);
  host = await startIngressHost({ addonPort, locks: LOCKS, accessToken: ADMIN.token, userName: ADMIN.name });
  session = await openBrowser();
  const log = session.log;
  session.page.on("response", (response) => {
    if (response.status() >= 400) log.push(`[http ${response.status()}] ${response.url()}`);
  });
});
afterAll(async () => {
  await session?.close().catch(() => undefined);
  await host?.close();
  await world?.close();
});
beforeEach(() => {
  onTestFailed(() => {
    process.stdout.write(
      `--- page log ---\n${session?.log.join("\n") ?? ""}\n--- add-on output ---\n${world?.addon.output() ?? ""}\n---\n`,
    );
  });
});

describe("the ingress panel in Chromium", () => {
  it("renders the locks from HA's hass and the codes from the add-on, without console errors", async () => {
    await page().goto(need(host, "the ingress host").url);
    for (const lock of LOCKS) {
      await expect
        .poll(() => lockRow(lock.entityId).locator(".name span").first().textContent(), { timeout: 15_000 })
        .toBe(lock.name);
      await expect.poll(() => lockRow(lock.entityId).locator(".state").textContent()).toBe("Locked");
    }
    await panel().locator("latchkey-code-list button.add").waitFor({ timeout: 15_000 });

    const created = await need(world, "the add-on").api.request("codes/create", {
      draft: { name: "Dog walker", pin: "4821", lockIds: ["lock.back_door"] },
    });
    expect(created.ok).toBe(true);
    await panel()
      .locator("latchkey-code-list li.code .name", { hasText: "Dog walker" })
      .waitFor({ timeout: 15_000 });
    await screenshot(page(), "panel-1280x800.png");
    expect(problems()).toEqual([]);
  });

  it("follows HA's state changes, calls services through HA's hass, and hands more-info to HA's page", async () => {
    await page().evaluate(() => {
      window.setLockState("lock.front_door", "unlocked");
    });
    await expect
      .poll(() => lockRow("lock.front_door").locator(".state").textContent(), { timeout: 5_000 })
      .toBe("Unlocked");

    await lockRow("lock.front_door").locator("button.lock").click();
    await expect
      .poll(() => page().evaluate(() => window.serviceCalls.map((c) => `${c.domain}.${c.service}`)))
      .toContain("lock.lock");

    await lockRow("lock.back_door").locator("button.name").click();
    await expect
      .poll(() =>
        page().evaluate(() =>
          window.received.filter((e) => e.type === "hass-more-info").map((e) => e.detail),
        ),
      )
      .toEqual([{ entityId: "lock.back_door" }]);
    expect(problems()).toEqual([]);
  });

  it("takes HA's theme colours", async () => {
    const color = await panel()
      .locator("latchkey-panel")
      .evaluate((element) => getComputedStyle(element).getPropertyValue("--primary-color").trim());
    expect(color).toBe("rgb(3, 169, 244)");
  });

  it("opened on its own (no HA page around it), says where to open Latchkey", async () => {
    await page().goto(need(host, "the ingress host").ingressUrl);
    await expect
      .poll(() => page().locator("latchkey-panel p.message").textContent(), { timeout: 10_000 })
      .toMatch(/^Open Latchkey from Home Assistant's sidebar\./);
    expect(problems()).toEqual([]);
  });
});

declare global {
  interface Window {
    setLockState: (entityId: string, state: string) => void;
    serviceCalls: { domain: string; service: string; data: unknown }[];
    received: { type: string; detail: unknown }[];
  }
}
