import type { LitElement } from "lit";

/** Waits until the element and every Lit element in its shadow tree finished updating. */
export async function settle(element: LitElement): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await element.updateComplete;
    const children = [...(element.shadowRoot?.querySelectorAll("*") ?? [])];
    for (const child of children) {
      if ("updateComplete" in child && child.updateComplete instanceof Promise) await child.updateComplete;
    }
    // Microtasks only, so tests with fake timers can settle too.
    for (let j = 0; j < 10; j++) await Promise.resolve();
  }
}

/** Text a person sees, whitespace collapsed. */
export function textOf(node: Element | ShadowRoot | null | undefined): string {
  return (node?.textContent ?? "").replace(/\s+/g, " ").trim();
}

export function shadow(element: Element | null | undefined): ShadowRoot {
  const root = element?.shadowRoot;
  if (!root) throw new Error(`no shadow root on ${element?.tagName ?? "nothing"}`);
  return root;
}
