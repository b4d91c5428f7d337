import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { LazyTranslations, Translator } from "../../i18n/make-translator";

/** After a failed download: try again after 5 s, doubling up to 5 minutes. */
const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 5 * 60_000;

/**
 * Gives an element the translator for its person's language. The texts of a language load on
 * first use, so `t` is undefined until the first dictionary arrived (render nothing until then);
 * after a language switch the old texts stay up until the new ones are there. When the texts
 * cannot be downloaded, `failed` is set (the host says so) and the download is tried again.
 */
export class TranslationController<Key extends string> implements ReactiveController {
  /** The texts could not be downloaded; cleared once they are there. */
  failed = false;
  private current?: Translator<Key>;
  private requested?: string;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private retryDelay = FIRST_RETRY_MS;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly translations: LazyTranslations<Key>,
    /** The person's language; undefined while the host does not know it yet (no `hass`). */
    private readonly languageNow: () => string | undefined,
  ) {
    host.addController(this);
  }

  get t(): Translator<Key> | undefined {
    return this.current;
  }

  hostConnected(): void {
    // Back on the page after a failure: ask again now rather than at the stopped retry.
    if (this.failed) this.requested = undefined;
  }

  hostDisconnected(): void {
    clearTimeout(this.retry);
    this.retry = undefined;
  }

  /** Runs before every render of the host. */
  hostUpdate(): void {
    const language = this.languageNow();
    if (language === undefined) return;
    const ready = this.translations.ready(language);
    if (ready) {
      this.current = ready;
      this.failed = false;
      this.retryDelay = FIRST_RETRY_MS;
      return;
    }
    if (language === this.requested) return;
    this.requested = language;
    this.translations.load(language).then(
      () => {
        this.host.requestUpdate();
      },
      (error: unknown) => {
        if (this.requested !== language) return; // the person switched language meanwhile
        this.failed = true;
        console.error("Latchkey could not load its texts", error);
        // A dropped connection may be back by then: forget the attempt, and the update asks again.
        clearTimeout(this.retry);
        this.retry = setTimeout(() => {
          if (this.requested === language) this.requested = undefined;
          this.host.requestUpdate();
        }, this.retryDelay);
        this.retryDelay = Math.min(MAX_RETRY_MS, this.retryDelay * 2);
        this.host.requestUpdate();
      },
    );
  }
}
