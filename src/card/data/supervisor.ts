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

/** Slugs an admin's add-on list offers, e.g. a fork's repository hash. */
async function listedSlugs(callWs: CallWs): Promise<string[]> {
  try {
    const parsed = AddonListSchema.safeParse(await supervisorApi(callWs, "/addons", "get"));
    if (!parsed.success) return [];
    return parsed.data.addons.map((a) => a.slug).filter((slug) => slug === ADDON_SLUG || slug.endsWith(`_${ADDON_SLUG}`));
  } catch {
    return [];
  }
}

export async function locateAddon(callWs: CallWs, options: { slug?: string; isAdmin: boolean }): Promise<AddonLocation> {
  const guesses = options.slug ? [options.slug] : [...ADDON_SLUG_CANDIDATES];
  let info = null;
  for (const slug of guesses) {
    info = await addonInfo(callWs, slug);
    if (info) break;
  }
  if (!info && !options.slug && options.isAdmin) {
    for (const slug of await listedSlugs(callWs)) {
      info = await addonInfo(callWs, slug);
      if (info) break;
    }
  }
  if (!info) return { found: false, reason: "not_installed" };
  if (!info.ingress || !info.ingress_url) return { found: false, reason: "no_ingress" };
  if (info.state !== "started") return { found: false, reason: "not_started" };
  return { found: true, slug: info.slug, ingressUrl: info.ingress_url };
}

/** Opens an ingress session and stores it in the cookie the Supervisor's proxy checks. */
export async function openIngressSession(callWs: CallWs, setCookie: (cookie: string) => void, secure: boolean): Promise<string> {
  const { session } = SessionSchema.parse(await supervisorApi(callWs, "/ingress/session", "post"));
  setCookie(`ingress_session=${session};path=/api/hassio_ingress/;SameSite=Strict${secure ? ";Secure" : ""}`);
  return session;
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
