import type { ReactiveController, ReactiveControllerHost } from "lit";
import { AddonClient, browserSocketFactory, type SocketFactory } from "./addon-client";
import type { HelloDetails } from "./messages";

/**
 * Owns the add-on connection for a card: opens it while the card is on the page and the URL is
 * known, closes it when the card leaves, and asks the card to update when data arrives.
 */
export class AddonController implements ReactiveController {
  client: AddonClient | null = null;
  private url: string | undefined;
  private language: string | undefined;
  private prepare: (() => Promise<void>) | undefined;
  private connected = false;
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
    this.restart();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.client?.close();
    this.client = null;
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
