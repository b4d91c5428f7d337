/**
 * The add-on's websocket, relative to the page it served. Under ingress the page lives at
 * /api/hassio_ingress/<token>/ and the Supervisor proxies the websocket from there too.
 */
export function addonUrlFor(pageUrl: string): string {
  const url = new URL("api/ws", pageUrl);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  url.search = "";
  url.hash = "";
  return url.href;
}
