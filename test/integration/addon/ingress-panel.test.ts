import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorld, type World } from "../support/world";

const PANEL_BUNDLE = resolve(import.meta.dirname, "../../../addon/dist/latchkey-panel.js");

let world: World | undefined;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.close();
});

/** The add-on's HTTP root, where the Supervisor's ingress proxy points. */
function httpRoot(): string {
  if (!world) throw new Error("the add-on did not start");
  return world.addon.apiUrl.replace(/^ws:/, "http:").replace(/api\/ws$/, "");
}

describe("the add-on process serves the ingress panel", () => {
  it("GET / is the page, loading the panel script by a relative URL", async () => {
    const page = await fetch(httpRoot());
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await page.text()).toContain('<script type="module" src="latchkey-panel.js"></script>');
  });

  it("GET /latchkey-panel.js is the built panel bundle next to the add-on bundle", async () => {
    const script = await fetch(new URL("latchkey-panel.js", httpRoot()));
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(await script.text()).toBe(await readFile(PANEL_BUNDLE, "utf8"));
  });

  it("anything else is 404, and the websocket still works on the same port", async () => {
    expect((await fetch(new URL("latchkey-addon.mjs", httpRoot()))).status).toBe(404);
    expect((await fetch(new URL("api/ws", httpRoot()))).status).toBe(404);
    const snapshot = await world?.api.request("state/subscribe", {});
    expect(snapshot?.ok).toBe(true);
    expect(world?.addon.output()).not.toMatch(/Cannot read the panel script/);
  });
});
