import type { ReactiveController, ReactiveControllerHost } from "lit";
import { ingressSessionValid, ingressSocketUrl, locateAddon, openIngressSession, type AddonLocation, type CallWs } from "./supervisor";

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
}

const browserEnvironment: PageEnvironment = {
  get location() {
    return window.location;
  },
  setCookie: (cookie) => {
    document.cookie = cookie;
  },
};

/** HA's own panels refresh the session every minute; sessions lapse after 15 idle minutes. */
export const SESSION_CHECK_MS = 60_000;
const RETRY_LOOKUP_MS = 30_000;
/** A session checked this recently needs no second round trip (the first connect right after opening it). */
const FRESH_SESSION_MS = 5_000;

/**
 * Under the Supervisor: finds the Latchkey add-on, opens an ingress session for it and keeps
 * that session alive while the card is on the page, so the card needs no configuration there.
 */
export class IngressLocator implements ReactiveController {
  status: LocatorStatus = { state: "idle" };
  private callWs: CallWs | null = null;
  private key = "";
  private lastAttempt = 0;
  private session: string | null = null;
  private sessionCheckedAt = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  private attached = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    public environment: PageEnvironment = browserEnvironment,
  ) {
    host.addController(this);
  }

  /** Called on each card update; looks again only when the slug or the user's role changed. */
  use(callWs: CallWs, options: { slug?: string; isAdmin: boolean }): void {
    this.callWs = callWs;
    const key = `${options.slug ?? ""}|${String(options.isAdmin)}`;
    const settled = this.status.state === "found" || this.status.state === "locating";
    // After "not installed/not running/failed", look again now and then: the person may be fixing it.
    if (key === this.key && (settled || Date.now() - this.lastAttempt < RETRY_LOOKUP_MS)) return;
    this.key = key;
    this.lastAttempt = Date.now();
    void this.locate(options);
  }

  /** Before every (re)connect: the Supervisor's proxy lets the socket through only with a live session. */
  readonly ensureSession = async (): Promise<void> => {
    const callWs = this.callWs;
    if (!callWs) throw new Error("Home Assistant is not connected.");
    if (this.session && Date.now() - this.sessionCheckedAt < FRESH_SESSION_MS) return;
    if (this.session && (await ingressSessionValid(callWs, this.session))) {
      this.sessionCheckedAt = Date.now();
      return;
    }
    this.session = await openIngressSession(callWs, this.environment.setCookie, this.environment.location.protocol === "https:");
    this.sessionCheckedAt = Date.now();
  };

  hostConnected(): void {
    this.attached = true;
    this.startKeepAlive();
  }

  hostDisconnected(): void {
    this.attached = false;
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async locate(options: { slug?: string; isAdmin: boolean }): Promise<void> {
    const callWs = this.callWs;
    if (!callWs) return;
    this.setStatus({ state: "locating" });
    try {
      const location = await locateAddon(callWs, options);
      if (!location.found) {
        this.setStatus({ state: "missing", reason: location.reason });
        return;
      }
      await this.ensureSession();
      this.setStatus({ state: "found", url: ingressSocketUrl(this.environment.location, location.ingressUrl) });
      this.startKeepAlive();
    } catch (error) {
      this.setStatus({ state: "failed", message: error instanceof Error ? error.message : String(error) });
    }
  }

  private startKeepAlive(): void {
    if (!this.attached || this.timer !== undefined || this.status.state !== "found") return;
    this.timer = setInterval(() => {
      this.ensureSession().catch(() => undefined); // the next reconnect tries again and reports
    }, SESSION_CHECK_MS);
  }

  private setStatus(status: LocatorStatus): void {
    this.status = status;
    this.host.requestUpdate();
  }
}
