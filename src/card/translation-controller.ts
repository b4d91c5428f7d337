import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { LazyTranslations, Translator } from "../i18n/make-translator";

/**
 * Gives an element the translator for its person's language. The texts of a language load on
 * first use, so `t` is undefined until the first dictionary arrived (render nothing until then);
 * after a language switch the old texts stay up until the new ones are there.
 */
export class TranslationController<Key extends string> implements ReactiveController {
  private current?: Translator<Key>;
  private requested?: string;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly translations: LazyTranslations<Key>,
    private readonly languageNow: () => string,
  ) {
    host.addController(this);
  }

  get t(): Translator<Key> | undefined {
    return this.current;
  }

  /** Runs before every render of the host. */
  hostUpdate(): void {
    const language = this.languageNow();
    const ready = this.translations.ready(language);
    if (ready) {
      this.current = ready;
      return;
    }
    if (language === this.requested) return;
    this.requested = language;
    this.translations.load(language).then(
      () => { this.host.requestUpdate(); },
      (error: unknown) => {
        // The next update asks again (a dropped connection may be back by then).
        this.requested = undefined;
        console.error("Latchkey could not load its texts", error);
      },
    );
  }
}
