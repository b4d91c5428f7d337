// @vitest-environment happy-dom
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ADDON_REPOSITORY_URL, ADDON_SLUG_CANDIDATES } from "../../../src/card/data/addon-slugs";
import { SESSION_CHECK_MS } from "../../../src/card/data/ingress-locator";
import "../../../src/card/latchkey-card";
import type { LatchkeyCard } from "../../../src/card/latchkey-card";
import { FakeAddon } from "./fake-addon";
import { fakeHass } from "./fake-hass";
import { FakeSupervisor, type FakeAddonEntry } from "./fake-supervisor";
import { settle, shadow, textOf } from "./mount";

const PUBLISHED: FakeAddonEntry = { slug: "1118fc1f_latchkey", state: "started", ingressUrl: "/api/hassio_ingress/Tok3n/" };

interface Setup {
  card: LatchkeyCard;
  supervisor: FakeSupervisor;
  addon: FakeAddon;
  cookies: string[];
}

async function mountUnderSupervisor(addons: FakeAddonEntry[], options: { isAdmin?: boolean; config?: Record<string, unknown> } = {}): Promise<Setup> {
  const isAdmin = options.isAdmin ?? true;
  const supervisor = new FakeSupervisor(addons, () => isAdmin);
  const addon = new FakeAddon();
  const cookies: string[] = [];
  const base = fakeHass();
  const card = document.createElement("latchkey-card");
  card.setConfig({ type: "custom:latchkey-card", ...options.config });
  card.socketFactory = addon.factory;
  card.pageEnvironment = { location: { protocol: "https:", host: "ha.example:8123" }, setCookie: (c) => { cookies.push(c); } };
  card.hass = { ...base, user: { id: "u1", name: "Ada", is_admin: isAdmin }, config: { components: ["hassio", "lock"] }, callWS: supervisor.callWs };
  document.body.append(card);
  await settle(card);
  await settle(card);
  return { card, supervisor, addon, cookies };
}

afterEach(() => {
  document.body.innerHTML = "";
  vi.useRealTimers();
});

describe("finding the add-on under the Supervisor", () => {
  it("the published slugs are the Supervisor's hash of the repository URL people add", () => {
    const repositoryYaml = readFileSync("repository.yaml", "utf8");
    expect(repositoryYaml).toContain(`url: ${ADDON_REPOSITORY_URL}`);
    const slug = (url: string) => `${createHash("sha1").update(url.toLowerCase()).digest("hex").slice(0, 8)}_latchkey`;
    expect(ADDON_SLUG_CANDIDATES).toEqual([slug(ADDON_REPOSITORY_URL), slug(`${ADDON_REPOSITORY_URL}/`), slug(`${ADDON_REPOSITORY_URL}.git`), "local_latchkey"]);
  });

  it("with no configuration it opens an ingress session and shows the codes", async () => {
    const { card, supervisor, addon, cookies } = await mountUnderSupervisor([PUBLISHED]);
    expect(addon.urls).toEqual(["wss://ha.example:8123/api/hassio_ingress/Tok3n/api/ws"]);
    expect(cookies).toEqual(["ingress_session=session-1;path=/api/hassio_ingress/;SameSite=Strict;Secure"]);
    expect(supervisor.endpoints()).toEqual(["/addons/1118fc1f_latchkey/info", "/ingress/session"]);
    expect(textOf(shadow(shadow(card).querySelector("latchkey-code-list")))).toContain("Ada");
  });

  it("keeps the session alive every minute and opens a new one when the Supervisor dropped it", async () => {
    vi.useFakeTimers();
    const { supervisor, cookies } = await mountUnderSupervisor([PUBLISHED]);
    await vi.advanceTimersByTimeAsync(SESSION_CHECK_MS);
    expect(supervisor.calls.at(-1)).toMatchObject({ endpoint: "/ingress/validate_session", data: { session: "session-1" } });
    expect(cookies).toHaveLength(1);
    supervisor.expireSessions();
    await vi.advanceTimersByTimeAsync(SESSION_CHECK_MS);
    expect(supervisor.endpoints().slice(-2)).toEqual(["/ingress/validate_session", "/ingress/session"]);
    expect(cookies.at(-1)).toMatch(/^ingress_session=session-2;/);
  });

  it("checks the session again before reconnecting a dropped socket", async () => {
    vi.useFakeTimers();
    const { supervisor, addon } = await mountUnderSupervisor([PUBLISHED]);
    await vi.advanceTimersByTimeAsync(10_000); // well after the session was opened
    supervisor.expireSessions();
    const before = supervisor.calls.length;
    addon.closeCurrent(); // the add-on restarts
    await vi.advanceTimersByTimeAsync(1_500); // the card's first backoff step is 1 s
    expect(supervisor.endpoints().slice(before)).toEqual(["/ingress/validate_session", "/ingress/session"]);
    expect(addon.urls).toHaveLength(2);
  });

  it("an admin's add-on list finds a fork's slug; the stopped add-on is named as such", async () => {
    const fork: FakeAddonEntry = { slug: "a1b2c3d4_latchkey", state: "stopped", ingressUrl: "/api/hassio_ingress/F0rk/" };
    const { card, supervisor, addon } = await mountUnderSupervisor([fork]);
    expect(supervisor.endpoints()).toContain("/addons");
    expect(addon.urls).toEqual([]);
    expect(textOf(shadow(card).querySelector(".addon-guidance"))).toContain("installed but not running");
  });

  it("a non-admin never asks for the add-on list and is told the add-on is missing", async () => {
    const fork: FakeAddonEntry = { slug: "a1b2c3d4_latchkey", state: "started", ingressUrl: "/api/hassio_ingress/F0rk/" };
    const { card, supervisor } = await mountUnderSupervisor([fork], { isAdmin: false });
    expect(supervisor.endpoints()).not.toContain("/addons");
    expect(textOf(shadow(card).querySelector(".addon-guidance"))).toContain("The Latchkey add-on is not installed");
  });

  it("addon_slug in the config reaches a fork for everyone; addon_url skips the Supervisor", async () => {
    const fork: FakeAddonEntry = { slug: "a1b2c3d4_latchkey", state: "started", ingressUrl: "/api/hassio_ingress/F0rk/" };
    const viaSlug = await mountUnderSupervisor([fork], { isAdmin: false, config: { addon_slug: "a1b2c3d4_latchkey" } });
    expect(viaSlug.addon.urls).toEqual(["wss://ha.example:8123/api/hassio_ingress/F0rk/api/ws"]);
    document.body.innerHTML = "";
    const viaUrl = await mountUnderSupervisor([fork], { config: { addon_url: "ws://10.0.0.2:8099/api/ws" } });
    expect(viaUrl.supervisor.calls).toEqual([]);
    expect(viaUrl.addon.urls).toEqual(["ws://10.0.0.2:8099/api/ws"]);
  });
});
