import { createServer, request, type IncomingMessage, type Server } from "node:http";
import { connect, type Socket } from "node:net";
import type { Duplex } from "node:stream";

/** The path prefix under which HA's Supervisor proxies an add-on's ingress (token made up). */
export const INGRESS_PREFIX = "/api/hassio_ingress/test-token-42/";

export interface HostLock {
  entityId: string;
  name: string;
  state: string;
}

export interface IngressHost {
  url: string;
  ingressUrl: string;
  close: () => Promise<void>;
}

/**
 * Stands in for the Home Assistant page around an ingress panel, at one origin like the real
 * thing: `/` is a page whose `<home-assistant>` element carries a `hass` (the given locks, an
 * administrator's access token) and shows the ingress URL in an iframe; under INGRESS_PREFIX
 * HTTP and websocket requests are passed to the add-on with the prefix removed, as the
 * Supervisor does. The page records the events it receives in `window.received`.
 */
export async function startIngressHost(options: {
  addonPort: number;
  locks: HostLock[];
  accessToken: string;
  userName: string;
}): Promise<IngressHost> {
  const page = hostPage(options);
  const server = createServer((req, res) => {
    const path = req.url ?? "/";
    if (path === "/") {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(page);
      return;
    }
    if (path === "/favicon.ico") {
      // Home Assistant has one; Chromium asks for it and logs a 404 as a console error.
      res.writeHead(204).end();
      return;
    }
    if (!path.startsWith(INGRESS_PREFIX)) {
      res.writeHead(404).end();
      return;
    }
    const upstream = request(
      {
        host: "127.0.0.1",
        port: options.addonPort,
        path: addonPath(path),
        method: req.method,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      res.writeHead(502).end("502: Bad Gateway");
    });
    req.pipe(upstream);
  });
  server.on("upgrade", (req: IncomingMessage, client: Duplex, head: Buffer) => {
    const path = req.url ?? "/";
    if (!path.startsWith(INGRESS_PREFIX)) {
      client.destroy();
      return;
    }
    const addon: Socket = connect(options.addonPort, "127.0.0.1", () => {
      const headers: string[] = [];
      for (let i = 0; i + 1 < req.rawHeaders.length; i += 2)
        headers.push(`${req.rawHeaders[i] ?? ""}: ${req.rawHeaders[i + 1] ?? ""}`);
      addon.write(`${req.method ?? "GET"} ${addonPath(path)} HTTP/1.1\r\n${headers.join("\r\n")}\r\n\r\n`);
      addon.write(head);
      addon.pipe(client);
      client.pipe(addon);
    });
    const end = () => {
      addon.destroy();
      client.destroy();
    };
    addon.on("error", end);
    client.on("error", end);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const port = portOf(server);
  return {
    url: `http://127.0.0.1:${port}/`,
    ingressUrl: `http://127.0.0.1:${port}${INGRESS_PREFIX}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => {
          done();
        });
      }),
  };
}

function addonPath(path: string): string {
  return `/${path.slice(INGRESS_PREFIX.length)}`;
}

function portOf(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the ingress host has no port");
  return address.port;
}

function hostPage(options: { locks: HostLock[]; accessToken: string; userName: string }): string {
  const at = "2026-01-01T00:00:00.000Z";
  const states = Object.fromEntries(
    options.locks.map((lock) => [
      lock.entityId,
      {
        entity_id: lock.entityId,
        state: lock.state,
        attributes: { friendly_name: lock.name },
        last_changed: at,
        last_updated: at,
      },
    ]),
  );
  const hass = {
    states,
    user: { id: "u-admin", name: options.userName, is_admin: true },
    language: "en",
    auth: { data: { access_token: options.accessToken } },
    services: { lock: { lock: {}, unlock: {} }, notify: { persistent_notification: {} } },
  };
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Home Assistant (test host)</title>
<style>html, body { margin: 0; height: 100%; } iframe { border: 0; width: 100%; height: 100%; display: block; }
html { --primary-color: rgb(3, 169, 244); --primary-background-color: rgb(250, 250, 250); }</style>
</head><body>
<home-assistant></home-assistant>
<script>
  window.received = [];
  window.serviceCalls = [];
  const initial = ${JSON.stringify(hass)};
  customElements.define("home-assistant", class extends HTMLElement {});
  const root = document.querySelector("home-assistant");
  root.hass = { ...initial, callService: async (domain, service, data) => { window.serviceCalls.push({ domain, service, data }); return {}; } };
  for (const type of ["hass-more-info", "hass-notification"]) root.addEventListener(type, (event) => window.received.push({ type, detail: event.detail }));
  /** As HA does on a state change: a new hass object with a new states map. */
  window.setLockState = (entityId, state) => {
    const old = root.hass;
    root.hass = { ...old, states: { ...old.states, [entityId]: { ...old.states[entityId], state, last_changed: new Date().toISOString(), last_updated: new Date().toISOString() } } };
  };
  const frame = document.createElement("iframe");
  frame.title = "Latchkey";
  frame.src = ${JSON.stringify(INGRESS_PREFIX)};
  root.append(frame);
</script>
</body></html>
`;
}
