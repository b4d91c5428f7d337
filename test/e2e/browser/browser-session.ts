import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

/** Debian's Chromium (scripts/setup-chromium.sh); playwright-core never downloads a browser. */
export const CHROMIUM = "/usr/bin/chromium";
export const SCREENSHOTS = resolve(import.meta.dirname, "../../../artifacts/screenshots");

export interface BrowserSession {
  browser: Browser;
  page: Page;
  /** Everything the page said: console messages, uncaught errors, failed requests. */
  log: string[];
  close: () => Promise<void>;
}

export async function openBrowser(): Promise<BrowserSession> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const log: string[] = [];
    page.on("console", (m) => log.push(`[console.${m.type()}] ${m.text()}`));
    // Where an uncaught error came from (HA's frontend or the card): the first frames of its stack.
    page.on("pageerror", (e) => {
      const frames = (e.stack ?? "").split("\n").filter((line) => line.trim().startsWith("at "));
      log.push(`[pageerror] ${e.message}${frames.length ? ` ${frames.slice(0, 3).join(" ").trim()}` : ""}`);
    });
    // Also which resources failed: a console line only says that one did.
    page.on("response", (r) => {
      if (r.status() >= 400) log.push(`[response ${r.status()}] ${r.url()}`);
    });
    page.on("requestfailed", (r) => log.push(`[requestfailed] ${r.url()} ${r.failure()?.errorText ?? ""}`));
    page.on("websocket", (ws) => {
      ws.on("socketerror", (e) => log.push(`[websocket error] ${ws.url()} ${e}`));
    });
    return { browser, page, log, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * Logs in through HA's real login page: opening a dashboard without tokens redirects to
 * /auth/authorize, whose form (ha-auth-flow, open shadow roots) takes username and password.
 * "Keep me logged in" stores the tokens in localStorage ("hassTokens") for later navigations.
 */
export async function loginThroughHa(
  page: Page,
  url: string,
  user: { username: string; password: string },
): Promise<void> {
  await page.goto(url);
  await page.waitForURL((u) => u.pathname.startsWith("/auth/authorize"), { timeout: 30_000 });
  await page.locator("input[name=username]").fill(user.username);
  await page.locator("input[name=password]").fill(user.password);
  await page.getByRole("checkbox", { name: "Keep me logged in" }).check();
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/auth/"), { timeout: 30_000 });
  // Back on the dashboard with ?auth_callback=1: the frontend now trades the code for tokens.
  await page.waitForFunction(() => localStorage.getItem("hassTokens") !== null, undefined, {
    timeout: 30_000,
  });
}

export function screenshot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({ path: resolve(SCREENSHOTS, name), fullPage: true });
}

/** Boxes of elements outside [0, width]: what would overflow horizontally. */
export async function overflowing(page: Page, selector: string, width: number): Promise<string[]> {
  const out: string[] = [];
  for (const el of await page.locator(selector).all()) {
    const box = await el.boundingBox();
    if (!box) continue;
    if (box.x < -0.5 || box.x + box.width > width + 0.5)
      out.push(`${await el.evaluate((e) => e.outerHTML.slice(0, 80))} x=${box.x} w=${box.width}`);
  }
  return out;
}
