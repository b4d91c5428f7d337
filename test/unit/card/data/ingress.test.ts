// @vitest-environment happy-dom
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { SocketFactory } from "../../../../src/card/data/addon-client";
import { ADDON_REPOSITORY_URL, ADDON_SLUG_CANDIDATES } from "../../../../src/card/data/addon-slugs";
import { FIRST_RETRY_MS, SESSION_CHECK_MS } from "../../../../src/card/data/ingress-locator";
import "../../../../src/card/latchkey-card";
import type { LatchkeyCard } from "../../../../src/card/latchkey-card";
import { FakeAddon } from "../fake-addon";
import { fakeHass } from "../fake-hass";
import { FakeSupervisor, type FakeAddonEntry } from "../fake-supervisor";
import { settle, shadow, textOf } from "../mount";

const PUBLISHED: FakeAddonEntry = {
  slug: "1118fc1f_latchkey",
  state: "started",
  ingressUrl: "/api/hassio_ingress/Tok3n/",
};
const FORK: FakeAddonEntry = {
  slug: "a1b2c3d4_latchkey",
  state: "started",
  ingressUrl: "/api/hassio_ingress/F0rk/",
};

interface Setup {
  card: LatchkeyCard;
  supervisor: FakeSupervisor;
  addon: FakeAddon;
  cookies: string[];
  remembered: { slug: string | null };
}

/**
 * Like the Supervisor's ingress proxy: the add-on's socket opens only when the page's
 * `ingress_session` cookie names a session the Supervisor still knows.
 */
function behindProxy(addon: FakeAddon, supervisor: FakeSupervisor, cookies: string[]): SocketFactory {
  return (url, handlers) => {
    const session = /^ingress_session=([^;]*)/.exec(cookies.at(-1) ?? "")?.[1];
    if (session && supervisor.sessions.has(session)) return addon.factory(url, handlers);
    queueMicrotask(() => {
      handlers.close();
    });
    return { send: () => undefined, close: () => undefined };
  };
}

async function mountUnderSupervisor(
  addons: FakeAddonEntry[],
  options: {
    isAdmin?: boolean;
    config?: Record<string, unknown>;
    remembered?: string;
    generation?: "proxy" | "dedicated";
  } = {},
): Promise<Setup> {
  const isAdmin = options.isAdmin ?? true;
  const supervisor = new FakeSupervisor(addons, () => isAdmin, options.generation);
  const addon = new FakeAddon();
  const cookies: string[] = [];
  const remembered = { slug: options.remembered ?? null };
  const card = document.createElement("latchkey-card");
  card.setConfig({ type: "custom:latchkey-card", ...options.config });
  // addon_url goes to the add-on's own port, not through the ingress proxy.
  card.socketFactory = options.config?.["addon_url"]
    ? addon.factory
    : behindProxy(addon, supervisor, cookies);
  card.pageEnvironment = {
    location: { protocol: "https:", host: "ha.example:8123" },
    setCookie: (c) => {
      cookies.push(c);
    },
    rememberedSlug: () => remembered.slug,
    rememberSlug: (slug) => {
      remembered.slug = slug;
    },
  };
  card.hass = {
    ...fakeHass(),
    user: { id: "u1", name: "Ada", is_admin: isAdmin },
    config: { components: ["hassio", "lock"] },
    callWS: supervisor.callWs,
  };
  document.body.append(card);
  await settle(card);
  await settle(card);
  return { card, supervisor, addon, cookies, remembered };
}

function guidance(card: LatchkeyCard): string {
  return textOf(shadow(card).querySelector(".addon-guidance"));
}

afterEach(() => {
  document.body.innerHTML = "";
  vi.useRealTimers();
});

describe("finding the add-on under the Supervisor", () => {
  it("the published slugs are the Supervisor's hash of the repository URL people add", () => {
    const repositoryYaml = readFileSync("repository.yaml", "utf8");
    expect(repositoryYaml).toContain(`url: ${ADDON_REPOSITORY_URL}`);
    const slug = (url: string) =>
      `${createHash("sha1").update(url.toLowerCase()).digest("hex").slice(0, 8)}_latchkey`;
    expect(ADDON_SLUG_CANDIDATES).toEqual([
      slug(ADDON_REPOSITORY_URL),
      slug(`${ADDON_REPOSITORY_URL}/`),
      slug(`${ADDON_REPOSITORY_URL}.git`),
      "local_latchkey",
    ]);
  });

  it("with no configuration an admin's card reads the add-on list, opens an ingress session and shows the codes", async () => {
    const { card, supervisor, addon, cookies, remembered } = await mountUnderSupervisor([PUBLISHED]);
    // This HA has no dedicated ingress commands: one "unknown command", then the Supervisor API only.
    expect(supervisor.endpoints()).toEqual([
      "/addons",
      "supervisor/ingress/info",
      "/addons/1118fc1f_latchkey/info",
      "/ingress/session",
    ]);
    expect(addon.urls).toEqual(["wss://ha.example:8123/api/hassio_ingress/Tok3n/api/ws"]);
    // Written when the session opened and again just before connecting (other pages share the cookie).
    expect(new Set(cookies)).toEqual(
      new Set(["ingress_session=session-1;path=/api/hassio_ingress/;SameSite=Strict;Secure"]),
    );
    expect(remembered.slug).toBe("1118fc1f_latchkey");
    expect(textOf(shadow(shadow(card).querySelector("latchkey-code-list")))).toContain("Ada");
  });

  it("a non-admin tries the slug that worked last time first, so no wrong guess lands in HA's log", async () => {
    const { supervisor, addon } = await mountUnderSupervisor([FORK], {
      isAdmin: false,
      remembered: "a1b2c3d4_latchkey",
    });
    expect(supervisor.endpoints()).toEqual([
      "supervisor/ingress/info",
      "/addons/a1b2c3d4_latchkey/info",
      "/ingress/session",
    ]);
    expect(addon.urls).toEqual(["wss://ha.example:8123/api/hassio_ingress/F0rk/api/ws"]);
  });

  it("on an HA with the dedicated ingress commands a non-admin finds the add-on and keeps a session bound to it", async () => {
    vi.useFakeTimers();
    const { card, supervisor, addon } = await mountUnderSupervisor([PUBLISHED], {
      isAdmin: false,
      generation: "dedicated",
    });
    expect(supervisor.calls).toEqual([
      { type: "supervisor/ingress/info", slug: "1118fc1f_latchkey" },
      { type: "supervisor/ingress/session", slug: "1118fc1f_latchkey" },
    ]);
    expect(addon.urls).toEqual(["wss://ha.example:8123/api/hassio_ingress/Tok3n/api/ws"]);
    await vi.advanceTimersByTimeAsync(SESSION_CHECK_MS);
    expect(supervisor.calls.at(-1)).toEqual({
      type: "supervisor/ingress/validate_session",
      session: "session-1",
    });
    await settle(card);
    expect(textOf(shadow(shadow(card).querySelector("latchkey-code-list")))).toContain("Ada");
  });

  it("a non-admin never asks for the add-on list and is told the add-on is missing", async () => {
    const { card, supervisor } = await mountUnderSupervisor([FORK], { isAdmin: false });
    expect(supervisor.endpoints()).not.toContain("/addons");
    expect(guidance(card)).toContain("The Latchkey add-on is not installed");
  });

  it("keeps the session alive every minute, re-writes its cookie when another page replaced it, and opens a new one when it lapsed", async () => {
    vi.useFakeTimers();
    const { supervisor, cookies } = await mountUnderSupervisor([PUBLISHED]);
    cookies.push("ingress_session=someone-elses;path=/api/hassio_ingress/"); // another add-on's page
    await vi.advanceTimersByTimeAsync(SESSION_CHECK_MS);
    expect(supervisor.calls.at(-1)).toMatchObject({
      endpoint: "/ingress/validate_session",
      data: { session: "session-1" },
    });
    expect(cookies.at(-1)).toMatch(/^ingress_session=session-1;/);
    supervisor.expireSessions();
    await vi.advanceTimersByTimeAsync(SESSION_CHECK_MS);
    expect(supervisor.endpoints().slice(-2)).toEqual(["/ingress/validate_session", "/ingress/session"]);
    expect(cookies.at(-1)).toMatch(/^ingress_session=session-2;/);
  });

  it("checks the session before reconnecting a dropped socket, and the proxy lets it through", async () => {
    vi.useFakeTimers();
    const { card, supervisor, addon, cookies } = await mountUnderSupervisor([PUBLISHED]);
    await vi.advanceTimersByTimeAsync(10_000); // well after the session was opened
    supervisor.expireSessions();
    cookies.push("ingress_session=someone-elses;path=/api/hassio_ingress/");
    const before = supervisor.calls.length;
    addon.closeCurrent(); // the add-on restarts
    await vi.advanceTimersByTimeAsync(1_500); // the card's first backoff step is 1 s
    expect(supervisor.endpoints().slice(before)).toEqual(["/ingress/validate_session", "/ingress/session"]);
    expect(addon.urls).toHaveLength(2);
    await settle(card);
    expect(textOf(shadow(shadow(card).querySelector("latchkey-code-list")))).toContain("Ada");
  });

  it("notices by itself when the person installs and starts the add-on", async () => {
    vi.useFakeTimers();
    const { card, supervisor, addon } = await mountUnderSupervisor([]);
    expect(guidance(card)).toContain("not installed");
    supervisor.addons = [{ ...PUBLISHED, state: "stopped" }];
    await vi.advanceTimersByTimeAsync(FIRST_RETRY_MS);
    await settle(card);
    expect(guidance(card)).toContain("installed but not running");
    supervisor.addons = [PUBLISHED];
    await vi.advanceTimersByTimeAsync(2 * FIRST_RETRY_MS);
    await settle(card);
    expect(addon.urls).toEqual(["wss://ha.example:8123/api/hassio_ingress/Tok3n/api/ws"]);
  });

  it("follows the add-on to its new ingress URL after a reinstall", async () => {
    vi.useFakeTimers();
    const { supervisor, addon } = await mountUnderSupervisor([PUBLISHED]);
    supervisor.addons = [{ ...PUBLISHED, ingressUrl: "/api/hassio_ingress/N3w/" }];
    addon.reachable = false; // the old URL answers nothing any more
    addon.closeCurrent();
    await vi.advanceTimersByTimeAsync(20_000); // backoff 1 + 2 + 4 + 8 s: the 4th reconnect looks again
    addon.reachable = true;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(addon.urls.at(-1)).toBe("wss://ha.example:8123/api/hassio_ingress/N3w/api/ws");
  });

  it("addon_slug in the config reaches a fork for everyone; addon_url skips the Supervisor", async () => {
    const viaSlug = await mountUnderSupervisor([FORK], {
      isAdmin: false,
      config: { addon_slug: "a1b2c3d4_latchkey" },
    });
    expect(viaSlug.addon.urls).toEqual(["wss://ha.example:8123/api/hassio_ingress/F0rk/api/ws"]);
    document.body.innerHTML = "";
    const viaUrl = await mountUnderSupervisor([FORK], { config: { addon_url: "ws://10.0.0.2:8099/api/ws" } });
    expect(viaUrl.supervisor.calls).toEqual([]);
    expect(viaUrl.addon.urls).toEqual(["ws://10.0.0.2:8099/api/ws"]);
  });

  it("an admin's add-on list finds a fork; a stopped add-on is named as such", async () => {
    const { card, supervisor, addon } = await mountUnderSupervisor([{ ...FORK, state: "stopped" }]);
    expect(supervisor.endpoints()).toEqual([
      "/addons",
      "supervisor/ingress/info",
      "/addons/a1b2c3d4_latchkey/info",
    ]);
    expect(addon.urls).toEqual([]);
    expect(guidance(card)).toContain("installed but not running");
  });
});
