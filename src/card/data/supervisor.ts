/**
 * Reaching the Latchkey add-on through Home Assistant's websocket, the way HA's own add-on
 * pages do. Two generations of HA:
 *  - `supervisor/api` proxies the Supervisor's REST API; non-admins may call only
 *    `/addons/<slug>/info` and `/ingress/session|validate_session` (HA 2021.2 – 2026.5 at least);
 *  - newer frontends use dedicated commands bound to one add-on (`supervisor/ingress/info`,
 *    `…/session` with its slug, `…/validate_session`). Tried first, remembered once an HA
 *    answers "unknown command".
 * Every answer is parsed: a Supervisor update must not crash the card.
 */
import { z } from "zod/mini";
import { ADDON_SLUG, ADDON_SLUG_CANDIDATES } from "./addon-slugs";

/** `hass.callWS`: sends one websocket command, resolves with its result. */
export type CallWs = (message: Record<string, unknown>) => Promise<unknown>;

const AddonInfoSchema = z.object({
  slug: z.string(),
  state: z.nullable(z.string()),
  ingress: z.optional(z.boolean()),
  ingress_url: z.nullable(z.string()),
});
type AddonInfo = z.infer<typeof AddonInfoSchema>;
const AddonListSchema = z.object({ addons: z.array(z.object({ slug: z.string() })) });
const SessionSchema = z.object({ session: z.string().check(z.minLength(1)) });
const UnknownCommandSchema = z.object({ code: z.literal("unknown_command") });

export type AddonLocation =
  | { found: true; slug: string; ingressUrl: string }
  | { found: false; reason: "not_installed" | "not_started" | "no_ingress" };

export class SupervisorLink {
  /** Whether this HA has the dedicated ingress commands; null until it has answered once. */
  private dedicated: boolean | null = null;

  constructor(private readonly callWs: CallWs) {}

  async locate(options: {
    slug?: string;
    isAdmin: boolean;
    remembered?: string | null;
  }): Promise<AddonLocation> {
    let info: AddonInfo | null = null;
    for (const slug of await this.slugsToTry(options)) {
      info = await this.addonInfo(slug);
      if (info) break;
    }
    if (!info) return { found: false, reason: "not_installed" };
    if (info.ingress === false || !info.ingress_url) return { found: false, reason: "no_ingress" };
    if (info.state !== "started") return { found: false, reason: "not_started" };
    return { found: true, slug: info.slug, ingressUrl: info.ingress_url };
  }

  /** Opens an ingress session for the add-on. */
  async openSession(slug: string): Promise<string> {
    const answer = await this.either({ type: "supervisor/ingress/session", slug }, () =>
      this.api("/ingress/session", "post"),
    );
    const parsed = SessionSchema.safeParse(answer);
    if (!parsed.success) throw new Error("The Supervisor answered without an ingress session.");
    return parsed.data.session;
  }

  /** True while the Supervisor still honours the session (they lapse after 15 minutes unused). */
  async sessionValid(session: string): Promise<boolean> {
    try {
      await this.either({ type: "supervisor/ingress/validate_session", session }, () =>
        this.api("/ingress/validate_session", "post", { session }),
      );
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Every failed call is an error line in HA's log, so guessing is the last resort: a
   * configured slug, else an admin's add-on list (one call), else the slug that worked last
   * time on this browser, then the published ones.
   */
  private async slugsToTry(options: {
    slug?: string;
    isAdmin: boolean;
    remembered?: string | null;
  }): Promise<string[]> {
    if (options.slug) return [options.slug];
    const listed = options.isAdmin ? await this.listedSlugs() : null;
    if (listed) return listed;
    return [...new Set([...(options.remembered ? [options.remembered] : []), ...ADDON_SLUG_CANDIDATES])];
  }

  private async addonInfo(slug: string): Promise<AddonInfo | null> {
    try {
      const parsed = AddonInfoSchema.safeParse(
        await this.either({ type: "supervisor/ingress/info", slug }, () =>
          this.api(`/addons/${slug}/info`, "get"),
        ),
      );
      return parsed.success ? parsed.data : null;
    } catch {
      return null; // "Addon does not exist" for a wrong guess
    }
  }

  /** Latchkey slugs in an admin's add-on list (a fork's hash too); null when the list was refused. */
  private async listedSlugs(): Promise<string[] | null> {
    try {
      const parsed = AddonListSchema.safeParse(await this.api("/addons", "get"));
      if (!parsed.success) return null;
      return parsed.data.addons
        .map((a) => a.slug)
        .filter((slug) => slug === ADDON_SLUG || slug.endsWith(`_${ADDON_SLUG}`));
    } catch {
      return null;
    }
  }

  /** The dedicated command where HA has it, else the Supervisor API proxy. */
  private async either(
    dedicated: Record<string, unknown>,
    proxied: () => Promise<unknown>,
  ): Promise<unknown> {
    if (this.dedicated === false) return proxied();
    try {
      const answer = await this.callWs(dedicated);
      this.dedicated = true;
      return answer;
    } catch (error) {
      if (this.dedicated === true || !UnknownCommandSchema.safeParse(error).success) throw error;
      this.dedicated = false;
      return proxied();
    }
  }

  private api(endpoint: string, method: "get" | "post", data?: Record<string, unknown>): Promise<unknown> {
    return this.callWs(
      data
        ? { type: "supervisor/api", endpoint, method, data }
        : { type: "supervisor/api", endpoint, method },
    );
  }
}

/** The cookie the Supervisor's proxy checks; one per page, shared with HA's own add-on pages. */
export function ingressCookie(session: string, secure: boolean): string {
  return `ingress_session=${session};path=/api/hassio_ingress/;SameSite=Strict${secure ? ";Secure" : ""}`;
}

/** The add-on's websocket behind the ingress proxy, on the page's own origin. */
export function ingressSocketUrl(location: { protocol: string; host: string }, ingressUrl: string): string {
  const base = ingressUrl.endsWith("/") ? ingressUrl : `${ingressUrl}/`;
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}${base}api/ws`;
}
