import type { ReactiveController, ReactiveControllerHost } from "lit";
import {
  ingressCookie,
  ingressSocketUrl,
  SupervisorLink,
  type AddonLocation,
  type CallWs,
} from "./supervisor";

export type LocatorStatus =
  | { state: "idle" }
  | { state: "locating" }
  | { state: "found"; url: string }
  | { state: "missing"; reason: Exclude<AddonLocation, { found: true }>["reason"] }
  | { state: "failed"; message: string };

/** What the locator needs from the page; tests replace it. */
export interface PageEnvironment {
  location: { protocol: string; host: string };
  setCookie: (cookie: string) => void;
  /** The slug that worked last time on this browser, so non-admins need not guess again. */
  rememberedSlug: () => string | null;
  rememberSlug: (slug: string) => void;
}

const SLUG_KEY = "latchkey-addon-slug";

const browserEnvironment: PageEnvironment = {
  get location() {
    return window.location;
  },
  setCookie: (cookie) => {
    document.cookie = cookie;
  },
  rememberedSlug: () => {
    try {
      return localStorage.getItem(SLUG_KEY);
    } catch {
      return null; // storage blocked (private mode): guess as on a first visit
    }
  },
  rememberSlug: (slug) => {
    try {
      localStorage.setItem(SLUG_KEY, slug);
    } catch {
      // not remembered; the next visit guesses again
    }
  },
};

/** HA's own panels refresh the session every minute; sessions lapse after 15 idle minutes. */
export const SESSION_CHECK_MS = 60_000;
/** After "not installed / not running / failed", look again: the person may be fixing it. */
export const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 10 * 60_000;
/** A session checked this recently needs no second round trip (the first connect right after opening it). */
const FRESH_SESSION_MS = 5_000;
/** Every so many reconnects, look the add-on up again: a reinstall gives it a new ingress URL. */
export const RELOCATE_EVERY = 4;

/**
 * Under the Supervisor: finds the Latchkey add-on, opens an ingress session for it and keeps
 * that session (and its cookie) alive while the card is on the page, so the card needs no
 * configuration there.
 */
export class IngressLocator implements ReactiveController {
  status: LocatorStatus = { state: "idle" };
  private callWs: CallWs | null = null;
  /** Built once: it remembers which generation of ingress commands this HA speaks. */
  private link: SupervisorLink | null = null;
  /** The add-on the session is for (the newer ingress commands bind a session to it). */
  private slug: string | null = null;
  private options: { slug?: string; isAdmin: boolean } = { isAdmin: false };
  private key = "";
  /** Only the newest lookup may report; an older one can finish later. */
  private generation = 0;
  private session: string | null = null;
  private sessionCheckedAt = 0;
  private sessionWork: Promise<void> | null = null;
  private keepAlive: ReturnType<typeof setInterval> | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private retryDelay = FIRST_RETRY_MS;
  private connects = 0;
  private attached = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    public environment: PageEnvironment = browserEnvironment,
  ) {
    host.addController(this);
  }

  /** Called on each card update; looks the add-on up again only when the slug or the user's role changed. */
  use(callWs: CallWs, options: { slug?: string; isAdmin: boolean }): void {
    this.callWs = callWs;
    this.link ??= new SupervisorLink((message) =>
      this.callWs ? this.callWs(message) : Promise.reject(new Error("Home Assistant is not connected.")),
    );
    const key = `${options.slug ?? ""}|${String(options.isAdmin)}`;
    if (key === this.key) return;
    this.key = key;
    this.options = options;
    this.retryDelay = FIRST_RETRY_MS;
    void this.locate();
  }

  /** Before every (re)connect: the Supervisor's proxy lets the socket through only with a live session cookie. */
  readonly beforeConnect = async (): Promise<void> => {
    this.connects++;
    if (this.connects % RELOCATE_EVERY === 0) void this.locate();
    await this.ensureSession();
  };

  hostConnected(): void {
    this.attached = true;
    this.startKeepAlive();
    if (this.status.state === "missing" || this.status.state === "failed") this.scheduleRetry();
  }

  hostDisconnected(): void {
    this.attached = false;
    clearInterval(this.keepAlive);
    clearTimeout(this.retry);
    this.keepAlive = undefined;
  }

  /** One check at a time; the cookie is written after every check, as other pages may have replaced it. */
  private ensureSession(): Promise<void> {
    this.sessionWork ??= this.refreshSession().finally(() => {
      this.sessionWork = null;
    });
    return this.sessionWork;
  }

  private async refreshSession(): Promise<void> {
    const link = this.link;
    const slug = this.slug;
    if (!link || !slug) throw new Error("The Latchkey add-on has not been found yet.");
    const fresh = this.session !== null && Date.now() - this.sessionCheckedAt < FRESH_SESSION_MS;
    if (!fresh) {
      if (!this.session || !(await link.sessionValid(this.session)))
        this.session = await link.openSession(slug);
      this.sessionCheckedAt = Date.now();
    }
    if (!this.session) return;
    this.environment.setCookie(ingressCookie(this.session, this.environment.location.protocol === "https:"));
  }

  private async locate(): Promise<void> {
    const link = this.link;
    if (!link) return;
    const generation = ++this.generation;
    clearTimeout(this.retry);
    // A lookup while connected keeps the connection: the status changes only if the answer does.
    if (this.status.state !== "found") this.setStatus({ state: "locating" });
    try {
      const location = await link.locate({ ...this.options, remembered: this.environment.rememberedSlug() });
      if (generation !== this.generation) return;
      if (!location.found) {
        this.setStatus({ state: "missing", reason: location.reason });
        this.scheduleRetry();
        return;
      }
      this.environment.rememberSlug(location.slug);
      if (location.slug !== this.slug) this.session = null; // a session may be bound to one add-on
      this.slug = location.slug;
      await this.ensureSession();
      if (generation !== this.generation) return;
      const url = ingressSocketUrl(this.environment.location, location.ingressUrl);
      this.retryDelay = FIRST_RETRY_MS;
      if (this.status.state !== "found" || this.status.url !== url) this.setStatus({ state: "found", url });
      this.startKeepAlive();
    } catch (error) {
      if (generation !== this.generation) return;
      this.setStatus({ state: "failed", message: error instanceof Error ? error.message : String(error) });
      this.scheduleRetry();
    }
  }

  private scheduleRetry(): void {
    if (!this.attached) return;
    clearTimeout(this.retry);
    this.retry = setTimeout(() => {
      void this.locate();
    }, this.retryDelay);
    this.retryDelay = Math.min(MAX_RETRY_MS, this.retryDelay * 2);
  }

  private startKeepAlive(): void {
    if (!this.attached || this.keepAlive !== undefined || this.status.state !== "found") return;
    this.keepAlive = setInterval(() => {
      this.ensureSession().catch(() => undefined); // the next reconnect tries again and reports
    }, SESSION_CHECK_MS);
  }

  private setStatus(status: LocatorStatus): void {
    this.status = status;
    this.host.requestUpdate();
  }
}
