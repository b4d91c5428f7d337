import type { ReactiveElement } from "lit";

/**
 * Puts keyboard focus on a control once the element has rendered: a confirmation that just
 * appeared, or the button that opened something that just closed. Without it focus falls back
 * to the page and a keyboard or screen-reader user has to find their place again.
 */
export function focusAfterRender(host: ReactiveElement, selector: string): void {
  void host.updateComplete.then(() => {
    host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  });
}

/**
 * Keeps Tab inside a modal dialog: from its last control to its first and, with Shift, back.
 * `first` and `last` are looked up on every key so a control that is disabled for now is skipped.
 */
export function keepFocusInside(
  event: KeyboardEvent,
  root: HTMLElement | DocumentFragment,
  first: () => HTMLElement | null,
  last: () => HTMLElement | null,
): void {
  if (event.key !== "Tab") return;
  const active = root instanceof ShadowRoot ? root.activeElement : document.activeElement;
  const from = event.shiftKey ? first() : last();
  const to = event.shiftKey ? last() : first();
  if (!from || !to || active !== from) return;
  event.preventDefault();
  to.focus();
}
