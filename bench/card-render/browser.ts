// Real Chromium for the card render benchmark: Debian's package (scripts/setup-chromium.sh, as
// the e2e tier uses), driven by playwright-core, on a page that loads the built card bundle.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { CHROMIUM } from "../../test/e2e/browser/browser-session";

const ROOT = resolve(import.meta.dirname, "../..");
const BUNDLE = join(ROOT, "dist/latchkey-card.js");
/** Served through page.route: no port to pick, and the bundle loads as HA loads a resource. */
const ORIGIN = "http://latchkey.bench";

export interface BenchPage {
  page: Page;
  chromiumVersion: string;
  /** "built now" or "up to date". */
  bundle: string;
  /** Page errors and console errors: any of them voids the figures. */
  problems: string[];
  close(): Promise<void>;
}

/** Idempotent: prints the version when Chromium is there, installs it as root otherwise. */
function ensureChromium(): string {
  const out = execFileSync("bash", [join(ROOT, "scripts/setup-chromium.sh")], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return out.trim().replace(/^\[setup-chromium\]\s*/, "");
}

function newestSourceMtime(): number {
  const src = join(ROOT, "src");
  let newest = 0;
  for (const name of readdirSync(src, { recursive: true, encoding: "utf8" })) {
    const stat = statSync(join(src, name));
    if (stat.isFile()) newest = Math.max(newest, stat.mtimeMs);
  }
  return newest;
}

/** Builds the bundles when the card's is missing or older than any file under src/. */
function ensureCardBuilt(): string {
  if (existsSync(BUNDLE) && statSync(BUNDLE).mtimeMs >= newestSourceMtime()) return "up to date";
  execFileSync("npx", ["rollup", "-c", "--silent"], { cwd: ROOT, stdio: "inherit" });
  return "built now";
}

export async function openBenchPage(): Promise<BenchPage> {
  const chromiumVersion = ensureChromium();
  const bundle = ensureCardBuilt();
  const script = readFileSync(BUNDLE, "utf8");
  // --expose-gc: the harness collects garbage between runs so a collection rarely lands inside one.
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--js-flags=--expose-gc"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(`[pageerror] ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`[console.error] ${m.text()}`);
    });
    // tsx compiles with esbuild's keepNames, which wraps functions in __name(); functions that
    // Playwright serializes into the page need that helper there.
    await page.addInitScript({ content: "globalThis.__name = (fn) => fn;" });
    await page.route(`${ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === "/latchkey-card.js")
        return route.fulfill({ contentType: "text/javascript", body: script });
      // The card's language chunks, loaded from next to it.
      if (/^\/latchkey-card-[\w-]+\.js$/.test(path))
        return route.fulfill({
          contentType: "text/javascript",
          body: readFileSync(join(ROOT, "dist", path.slice(1)), "utf8"),
        });
      return route.fulfill({
        contentType: "text/html",
        body: `<!doctype html><html><body><script type="module" src="/latchkey-card.js"></script></body></html>`,
      });
    });
    await page.goto(`${ORIGIN}/`);
    await page.evaluate(() => customElements.whenDefined("latchkey-card"));
    return { page, chromiumVersion, bundle, problems, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
