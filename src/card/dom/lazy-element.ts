import { toast } from "./events";

/**
 * Parts of the card that only some people open (an admin's code editor and share form, the
 * dashboard's visual editor) are chunks of their own, fetched the first time they are needed:
 * everyone else never downloads them, and the card stays within its size budget.
 */
export type ElementModule = () => Promise<unknown>;

/**
 * Null when `tag` is already defined (nothing to wait for: open it now); otherwise a promise
 * that settles once its module has loaded and defined it, and rejects when the download failed.
 */
export function loadElement(tag: string, load: ElementModule): Promise<void> | null {
  if (customElements.get(tag)) return null;
  return load().then(() => customElements.whenDefined(tag).then(() => undefined));
}

/**
 * Runs `open` at once when the part is loaded, else once its chunk arrived; when the download
 * fails the person is told (`failed`), and the next click tries again.
 */
export function openWhenLoaded(
  host: EventTarget,
  tag: string,
  load: ElementModule,
  open: () => void,
  failed: string,
): void {
  const loading = loadElement(tag, load);
  if (!loading) {
    open();
    return;
  }
  loading.then(open, (error: unknown) => {
    console.error(`Latchkey could not load ${tag}`, error);
    toast(host, failed);
  });
}
