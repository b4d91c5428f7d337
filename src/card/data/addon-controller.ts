import type { ReactiveController, ReactiveControllerHost } from "lit";
import { AddonClient, browserSocketFactory, type SocketFactory } from "./addon-client";
import type { HelloDetails } from "./messages";

/**
 * How long a card off the page keeps its connection. HA moves cards between a dashboard's columns
 * (a window resized, a phone turned, a full-page screenshot): the card leaves the page and comes
 * back at once. Closing at once would drop the snapshot, so the code list — and an open code
 * editor or share form in it — would be made anew and the person's typing lost.
 */
export const KEEP_CONNECTION_OFF_PAGE_MS = 10_000;

/**
 * Owns the add-on connection for a card: opens it while the card is on the page and the URL is
 * known, closes it when the card has been off the page a while, and asks the card to update when
 * data arrives.
 */
export class AddonController implements ReactiveController {
  client: AddonClient | null = null;
  private url: string | undefined;
  private language: string | undefined;
  private prepare: (() => Promise<void>) | undefined;
  private connected = false;
  private closeWhenAway: ReturnType<typeof setTimeout> | undefined;
  /** Bumped on every change the card should render. */
  revision = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly hello: () => HelloDetails,
    /** Replaceable before the card is attached (tests use a fake add-on). */
    public factory: SocketFactory = browserSocketFactory,
  ) {
    host.addController(this);
  }

  /**
   * Called before each card update; reconnects only when the URL or the person's language
   * differs (the add-on words what it reports in the language the hello names).
   */
  configure(url: string | undefined, prepare?: () => Promise<void>): void {
    const language = this.hello().language;
    if (url === this.url && language === this.language) return;
    this.url = url;
    this.language = language;
    this.prepare = prepare;
    this.restart();
  }

  hostConnected(): void {
    this.connected = true;
    const movedBack = this.closeWhenAway !== undefined;
    clearTimeout(this.closeWhenAway);
    this.closeWhenAway = undefined;
    // Back within the grace time: the same connection, snapshot and open forms carry on.
    if (movedBack && this.client) return;
    this.restart();
  }

  hostDisconnected(): void {
    this.connected = false;
    clearTimeout(this.closeWhenAway);
    this.closeWhenAway = setTimeout(() => {
      this.closeWhenAway = undefined;
      this.client?.close();
      this.client = null;
    }, KEEP_CONNECTION_OFF_PAGE_MS);
  }

  private restart(): void {
    this.client?.close();
    this.client = null;
    if (this.connected && this.url) {
      this.client = new AddonClient(
        this.url,
        this.hello,
        () => {
          this.changed();
        },
        this.factory,
        this.prepare,
      );
    }
    this.changed();
  }

  private changed(): void {
    this.revision++;
    this.host.requestUpdate();
  }
}
