/**
 * Finding the Latchkey add-on through Home Assistant's `supervisor/api` websocket command, the
 * way HA's own add-on panels do. Non-admins may call only `/addons/<slug>/info` and
 * `/ingress/session|validate_session`, so the slug is guessed first and the add-on list (admins
 * only) is the fallback. Every answer is parsed: a Supervisor update must not crash the card.
 */
import { z } from "zod/mini";
import { ADDON_SLUG, ADDON_SLUG_CANDIDATES } from "./addon-slugs";

/** `hass.callWS`: sends one websocket command, resolves with its result. */
export type CallWs = (message: Record<string, unknown>) => Promise<unknown>;

const AddonInfoSchema = z.object({
  slug: z.string(),
  state: z.string(),
  ingress: z.boolean(),
  ingress_url: z.nullable(z.string()),
});
const AddonListSchema = z.object({ addons: z.array(z.object({ slug: z.string() })) });
const SessionSchema = z.object({ session: z.string().check(z.minLength(1)) });

export type AddonLocation =
  | { found: true; slug: string; ingressUrl: string }
  | { found: false; reason: "not_installed" | "not_started" | "no_ingress" };

function supervisorApi(callWs: CallWs, endpoint: string, method: "get" | "post", data?: Record<string, unknown>): Promise<unknown> {
  return callWs(data ? { type: "supervisor/api", endpoint, method, data } : { type: "supervisor/api", endpoint, method });
}

async function addonInfo(callWs: CallWs, slug: string): Promise<z.infer<typeof AddonInfoSchema> | null> {
  try {
    const parsed = AddonInfoSchema.safeParse(await supervisorApi(callWs, `/addons/${slug}/info`, "get"));
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // "Addon does not exist" for a wrong guess
  }
}

/** Latchkey slugs in an admin's add-on list (a fork's hash too); null when the list was refused. */
async function listedSlugs(callWs: CallWs): Promise<string[] | null> {
  try {
    const parsed = AddonListSchema.safeParse(await supervisorApi(callWs, "/addons", "get"));
    if (!parsed.success) return null;
    return parsed.data.addons.map((a) => a.slug).filter((slug) => slug === ADDON_SLUG || slug.endsWith(`_${ADDON_SLUG}`));
  } catch {
    return null;
  }
}

/**
 * Every failed `supervisor/api` call is an error line in HA's log, so guessing is the last
 * resort: a configured slug, else an admin's add-on list (one call), else the slug that worked
 * last time on this browser, then the published ones.
 */
async function slugsToTry(callWs: CallWs, options: { slug?: string; isAdmin: boolean; remembered?: string | null }): Promise<string[]> {
  if (options.slug) return [options.slug];
  const listed = options.isAdmin ? await listedSlugs(callWs) : null;
  if (listed) return listed;
  return [...new Set([...(options.remembered ? [options.remembered] : []), ...ADDON_SLUG_CANDIDATES])];
}

export async function locateAddon(callWs: CallWs, options: { slug?: string; isAdmin: boolean; remembered?: string | null }): Promise<AddonLocation> {
  let info = null;
  for (const slug of await slugsToTry(callWs, options)) {
    info = await addonInfo(callWs, slug);
    if (info) break;
  }
  if (!info) return { found: false, reason: "not_installed" };
  if (!info.ingress || !info.ingress_url) return { found: false, reason: "no_ingress" };
  if (info.state !== "started") return { found: false, reason: "not_started" };
  return { found: true, slug: info.slug, ingressUrl: info.ingress_url };
}

/** Opens an ingress session (valid for any add-on's ingress on this HA). */
export async function openIngressSession(callWs: CallWs): Promise<string> {
  const parsed = SessionSchema.safeParse(await supervisorApi(callWs, "/ingress/session", "post"));
  if (!parsed.success) throw new Error("The Supervisor answered without an ingress session.");
  return parsed.data.session;
}

/** The cookie the Supervisor's proxy checks; one per page, shared with HA's own add-on pages. */
export function ingressCookie(session: string, secure: boolean): string {
  return `ingress_session=${session};path=/api/hassio_ingress/;SameSite=Strict${secure ? ";Secure" : ""}`;
}

/** True while the Supervisor still honours the session (they lapse after 15 minutes unused). */
export async function ingressSessionValid(callWs: CallWs, session: string): Promise<boolean> {
  try {
    await supervisorApi(callWs, "/ingress/validate_session", "post", { session });
    return true;
  } catch {
    return false;
  }
}

/** The add-on's websocket behind the ingress proxy, on the page's own origin. */
export function ingressSocketUrl(location: { protocol: string; host: string }, ingressUrl: string): string {
  const base = ingressUrl.endsWith("/") ? ingressUrl : `${ingressUrl}/`;
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}${base}api/ws`;
}
