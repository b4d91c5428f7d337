import { createServer, request, type Server } from "node:http";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createStaticFiles } from "../../../addon/src/api/static-files";
import { createLogger } from "../../../addon/src/log/logger";

const PANEL_JS = "export const panel = 1;\n";
let server: Server | null = null;
afterEach(async () => {
  const running = server;
  server = null;
  if (running)
    await new Promise<void>((done) => {
      running.close(() => {
        done();
      });
    });
});

/** A real HTTP server on a free port serving the static files; `logged` collects log lines. */
async function serve(options: { withPanel: boolean }): Promise<{ port: number; logged: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), "latchkey-static-"));
  const panelFile = join(dir, "latchkey-panel.js");
  if (options.withPanel) await writeFile(panelFile, PANEL_JS);
  const logged: string[] = [];
  const log = createLogger({ level: "debug", secrets: () => [], write: (line) => logged.push(line) });
  const started = createServer(createStaticFiles({ panelFile, log }));
  server = started;
  await new Promise<void>((done) => started.listen(0, "127.0.0.1", done));
  const address = started.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return { port: address.port, logged };
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Sends `path` verbatim (no client-side normalisation), as a proxy or an attacker could. */
function fetchRaw(port: number, path: string, method = "GET"): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = request({ host: "127.0.0.1", port, path, method }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        body += chunk;
      });
      res.on("end", () => {
        done({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
    });
    req.on("error", fail);
    req.end();
  });
}

describe("the add-on's static files (ingress panel)", () => {
  it("serves the page at / with a relative module script, uncached", async () => {
    const { port } = await serve({ withPanel: true });
    const page = await fetchRaw(port, "/");
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(page.headers["cache-control"]).toBe("no-cache");
    expect(page.body).toContain('<script type="module" src="latchkey-panel.js"></script>');
    expect(page.body).toContain("<latchkey-panel></latchkey-panel>");
    // Ingress serves the page under a prefix the add-on never sees: no absolute URL may appear.
    expect(page.body).not.toMatch(/(?:src|href)="\//);
    expect((await fetchRaw(port, "/?session=1")).status).toBe(200);
  });

  it("serves the panel script as JavaScript", async () => {
    const { port } = await serve({ withPanel: true });
    const script = await fetchRaw(port, "/latchkey-panel.js");
    expect(script.status).toBe(200);
    expect(script.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(script.headers["cache-control"]).toBe("no-cache");
    expect(script.body).toBe(PANEL_JS);
    const head = await fetchRaw(port, "/latchkey-panel.js", "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["content-length"]).toBe(String(Buffer.byteLength(PANEL_JS)));
    expect(head.body).toBe("");
  });

  it.each([
    "/../latchkey-panel.js",
    "/..%2flatchkey-panel.js",
    "/%2e%2e/etc/passwd",
    "/index.html",
    "/latchkey-panel.js/",
    "//latchkey-panel.js",
    "/latchkey-addon.mjs",
    "/options.json",
    "/api/ws",
    "*",
  ])("answers 404 to GET %s", async (path) => {
    const { port } = await serve({ withPanel: true });
    const answer = await fetchRaw(port, path);
    expect(answer.status).toBe(404);
    expect(answer.body).not.toContain(PANEL_JS);
  });

  it("answers 404 to other methods", async () => {
    const { port } = await serve({ withPanel: true });
    expect((await fetchRaw(port, "/", "POST")).status).toBe(404);
    expect((await fetchRaw(port, "/latchkey-panel.js", "DELETE")).status).toBe(404);
  });

  it("without the panel script: 503 with a clear text, logged once; the page itself still loads", async () => {
    const { port, logged } = await serve({ withPanel: false });
    const first = await fetchRaw(port, "/latchkey-panel.js");
    expect(first.status).toBe(503);
    expect(first.body).toMatch(/panel script is missing/);
    expect((await fetchRaw(port, "/latchkey-panel.js")).status).toBe(503);
    expect(logged.filter((line) => line.includes("Cannot read the panel script"))).toHaveLength(1);
    expect((await fetchRaw(port, "/")).status).toBe(200);
  });
});
