// @vitest-environment happy-dom
import { LitElement, html, nothing } from "lit";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cardTranslations } from "../../../src/card/i18n/card-translations";
import { problemText } from "../../../src/card/utils/problem-text";
import { TranslationController } from "../../../src/card/controllers/translation-controller";
import { lazyTranslations, type LazyTranslations } from "../../../src/i18n/make-translator";

type Key = "greeting";
const EN = { greeting: "Hello {name}" };
const DE = { greeting: "Hallo {name}" };

/** Loaders that count their calls and resolve only when the test says so, like a slow network. */
function slowLoaders() {
  const calls: string[] = [];
  const pending: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  const loader = (language: string, dictionary: Record<Key, string>) => () => {
    calls.push(language);
    return new Promise<Record<Key, string>>((resolve, reject) => {
      pending.push({
        resolve: () => {
          resolve(dictionary);
        },
        reject,
      });
    });
  };
  const resolveAll = () => {
    for (const load of pending.splice(0)) load.resolve();
  };
  const settleAll = async () => {
    resolveAll();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  const failAll = () => {
    for (const load of pending.splice(0)) load.reject(new Error("network down"));
  };
  return { calls, settleAll, resolveAll, failAll, loaders: { en: loader("en", EN), de: loader("de", DE) } };
}

describe("texts loaded per language", () => {
  it("loads a language's texts once, when first asked for, and has them ready afterwards", async () => {
    const slow = slowLoaders();
    const texts = lazyTranslations<Key>("en", slow.loaders);
    expect(texts.ready("de-AT")).toBeUndefined();
    const first = texts.load("de-AT");
    const second = texts.load("de-AT");
    await slow.settleAll();
    expect(await first).toBe(await second);
    expect(slow.calls).toEqual(["de"]);
    expect(texts.ready("de-AT")?.("greeting", { name: "Ada" })).toBe("Hallo Ada");
    expect(texts.ready("de-AT")?.language).toBe("de-AT");
    expect(texts.ready("en")).toBeUndefined();
  });

  it("gives a language without texts the English ones and English dates", async () => {
    const slow = slowLoaders();
    const texts = lazyTranslations<Key>("en", slow.loaders);
    const french = texts.load("fr-CA");
    await slow.settleAll();
    expect((await french)("greeting", { name: "Zoé" })).toBe("Hello Zoé");
    expect((await french).language).toBe("en");
    expect(slow.calls).toEqual(["en"]);
    // A tag that names a property every object has must not find it.
    const odd = texts.load("constructor");
    await slow.settleAll();
    expect((await odd)("greeting", { name: "x" })).toBe("Hello x");
  });

  it("tries a failed download again on the next request", async () => {
    const slow = slowLoaders();
    const texts = lazyTranslations<Key>("en", slow.loaders);
    const failed = texts.load("de");
    slow.failAll();
    await expect(failed).rejects.toThrow("network down");
    const retried = texts.load("de");
    await slow.settleAll();
    expect((await retried)("greeting", { name: "Bo" })).toBe("Hallo Bo");
    expect(slow.calls).toEqual(["de", "de"]);
  });

  it("has the card's texts in English and German, the problems' English texts from the model", async () => {
    const en = await cardTranslations.load("en");
    const de = await cardTranslations.load("de");
    expect(en("lock.lock_all")).toBe("Lock all");
    expect(de("lock.lock_all")).toBe("Alle verriegeln");
    expect(en("validation.name_missing")).toBe("Give the code a name.");
    expect(de("validation.name_missing")).toBe("Gib dem Code einen Namen.");
  });
});

describe("what the add-on reports", () => {
  it("reads as the add-on worded it for this card, except a form's problems and the card's own, which the card words itself", async () => {
    const en = await cardTranslations.load("en");
    const de = await cardTranslations.load("de");
    // The add-on words these in the language the card's hello named.
    const gone = { message: "Diesen Code gibt es nicht (mehr).", problem: "error.code_gone" };
    expect(problemText(gone, de)).toBe("Diesen Code gibt es nicht (mehr).");
    expect(problemText({ message: "from a newer add-on", problem: "sync_reason.something_new" }, de)).toBe(
      "from a newer add-on",
    );
    // A form's problems and the card's own: the card's texts, filled in.
    expect(
      problemText({ message: "ignored", problem: "validation.name_too_long", values: { max: 40 } }, en),
    ).toBe("A name has at most 40 characters.");
    expect(
      problemText({ message: "ignored", problem: "validation.name_too_long", values: { max: 40 } }, de),
    ).toBe("Ein Name hat höchstens 40 Zeichen.");
    expect(problemText({ message: "ignored", problem: "error.addon_connection_lost" }, de)).toBe(
      "Die Verbindung zum Latchkey-Add-on ist abgerissen.",
    );
    // A card text is not a problem.
    expect(problemText({ message: "from the add-on", problem: "lock.lock_all" }, de)).toBe("from the add-on");
  });
});

/** The smallest element that waits for its texts, as the card does. */
class Greeter extends LitElement {
  static override properties = { language: { attribute: false } };
  language: string | undefined = "en";
  private readonly translation: TranslationController<Key>;

  constructor(texts: LazyTranslations<Key>) {
    super();
    this.translation = new TranslationController(this, texts, () => this.language);
  }

  override render() {
    const t = this.translation.t;
    if (!t) return this.translation.failed ? html`<p>texts failed</p>` : nothing;
    return html`<p>${t("greeting", { name: "Ada" })}</p>`;
  }
}
customElements.define("test-greeter", Greeter);

afterEach(() => {
  document.body.innerHTML = "";
});

describe("an element waiting for its texts", () => {
  const shown = (element: Greeter) => element.shadowRoot?.querySelector("p")?.textContent ?? "";

  it("shows nothing until its language loaded; after a switch the old texts stay until the new ones arrive", async () => {
    const slow = slowLoaders();
    const element = new Greeter(lazyTranslations<Key>("en", slow.loaders));
    document.body.append(element);
    await element.updateComplete;
    expect(shown(element)).toBe("");
    await slow.settleAll();
    await element.updateComplete;
    expect(shown(element)).toBe("Hello Ada");

    element.language = "de";
    await element.updateComplete;
    expect(shown(element)).toBe("Hello Ada");
    await slow.settleAll();
    await element.updateComplete;
    expect(shown(element)).toBe("Hallo Ada");
    expect(slow.calls).toEqual(["en", "de"]);
  });

  it("says when its texts could not be downloaded and tries again a little later", async () => {
    vi.useFakeTimers();
    const slow = slowLoaders();
    const element = new Greeter(lazyTranslations<Key>("en", slow.loaders));
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => {
      errors.push(args[0]);
    };
    try {
      document.body.append(element);
      await element.updateComplete;
      slow.failAll();
      await vi.advanceTimersByTimeAsync(0);
      await element.updateComplete;
      expect(errors).toEqual(["Latchkey could not load its texts"]);
      expect(shown(element)).toBe("texts failed");
      expect(slow.calls).toEqual(["en"]);

      await vi.advanceTimersByTimeAsync(5_000);
      expect(slow.calls).toEqual(["en", "en"]);
      slow.resolveAll();
      await vi.advanceTimersByTimeAsync(0);
      await element.updateComplete;
      expect(shown(element)).toBe("Hello Ada");
    } finally {
      console.error = original;
      vi.useRealTimers();
    }
  });

  it("does not load a language before it knows which one", async () => {
    const slow = slowLoaders();
    const element = new Greeter(lazyTranslations<Key>("en", slow.loaders));
    element.language = undefined;
    document.body.append(element);
    await element.updateComplete;
    expect(slow.calls).toEqual([]);
    element.language = "de";
    await element.updateComplete;
    expect(slow.calls).toEqual(["de"]);
  });
});
