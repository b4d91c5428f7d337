/** Fires an event the way Home Assistant's frontend expects: it must cross shadow roots. */
export function fireEvent(node: EventTarget, type: string, detail: unknown): void {
  node.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

/** Shows Home Assistant's toast. */
export function toast(node: EventTarget, message: string): void {
  fireEvent(node, "hass-notification", { message });
}
