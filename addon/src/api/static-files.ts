import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../log/logger";

/** The panel's script, served next to the page; the page names it relatively (see INDEX_HTML). */
export const PANEL_SCRIPT_NAME = "latchkey-panel.js";

/**
 * The ingress page. Every URL in it is relative: the Supervisor serves it under
 * /api/hassio_ingress/<token>/, a prefix this add-on never sees.
 */
export const INDEX_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Latchkey</title>
<style>html, body { margin: 0; min-height: 100%; }</style>
<script type="module" src="${PANEL_SCRIPT_NAME}"></script>
</head>
<body>
<latchkey-panel></latchkey-panel>
<noscript>Latchkey needs JavaScript.</noscript>
</body>
</html>
`;

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * Serves the ingress panel: `/` (the page) and `/latchkey-panel.js` (read from `panelFile`).
 * Only these two fixed names are answered, so no request path ever reaches the file system.
 */
export function createStaticFiles(options: { panelFile: string; log: Logger }): RequestHandler {
  let reportedMissing = false;
  return (request, response) => {
    const method = request.method ?? "GET";
    const path = pathOf(request.url);
    if ((method !== "GET" && method !== "HEAD") || (path !== "/" && path !== `/${PANEL_SCRIPT_NAME}`)) {
      send(response, method, 404, "text/plain; charset=utf-8", "Not found.\n");
      return;
    }
    if (path === "/") {
      send(response, method, 200, "text/html; charset=utf-8", INDEX_HTML);
      return;
    }
    readFile(options.panelFile).then(
      (script) => {
        send(response, method, 200, "text/javascript; charset=utf-8", script);
      },
      (error: unknown) => {
        if (!reportedMissing) {
          reportedMissing = true;
          options.log.error(
            `Cannot read the panel script ${options.panelFile}; the sidebar panel will not load.`,
            error instanceof Error ? error.message : error,
          );
        }
        send(
          response,
          method,
          503,
          "text/plain; charset=utf-8",
          "The Latchkey panel script is missing from this add-on build; see the add-on log.\n",
        );
      },
    );
  };
}

/** The path without query string; `null` for anything that is not an origin-form path. */
function pathOf(url: string | undefined): string | null {
  if (!url?.startsWith("/")) return null;
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

function send(
  response: ServerResponse,
  method: string,
  status: number,
  contentType: string,
  body: string | Buffer,
): void {
  response.writeHead(status, {
    "Content-Type": contentType,
    "Content-Length": Buffer.byteLength(body),
    // A rebuilt add-on must never be shadowed by a cached page or script.
    "Cache-Control": "no-cache",
    "X-Content-Type-Options": "nosniff",
  });
  response.end(method === "HEAD" ? undefined : body);
}
