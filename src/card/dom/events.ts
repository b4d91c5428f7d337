/**
 * Every DOM event the card's elements fire or listen for, in one map: the name, its detail and
 * how far it travels. `fireEvent` takes only names from the map with their detail, and the map
 * is merged into `HTMLElementEventMap`, so a listener added with `addEventListener` gets the
 * typed event (the way Home Assistant's frontend types its `fireEvent`).
 */
export interface CardEvents {
  /** To Home Assistant's page: show a toast. */
  "hass-notification": { message: string };
  /** To Home Assistant's page: open an entity's more-info dialog. */
  "hass-more-info": { entityId: string };
  /** From the card editor to Home Assistant's dashboard editor: the card's new options. */
  "config-changed": { config: Record<string, unknown> };
  /** From Home Assistant's `ha-form` (the card editor listens): the form's new value. */
  "value-changed": { value: unknown };
  /** From the code editor to its list: the dialog was dismissed or the code saved. */
  "editor-closed": undefined;
  /** From the share form to its list: the form should close. */
  "share-closed": undefined;
  /** From a lock's alert choices to the lock list: the form should close (saved or cancelled). */
  "alerts-closed": undefined;
  /** From a slot list to the card: the last row went away while its button had focus. */
  "focus-lost": undefined;
  /** From the rules editor to the code editor: a rule changed; read the new value from `form`. */
  "rules-changed": undefined;
}

export type CardEventType = keyof CardEvents;
export type CardEvent<K extends CardEventType> = CustomEvent<CardEvents[K]>;
type CardEventMap = { [K in CardEventType]: CardEvent<K> };

/**
 * Events heard only by the element they are fired on, where the parent's template listens. The
 * others bubble and cross shadow roots, so Home Assistant's page (or a dashboard editor) hears them.
 */
const PARENT_ONLY: ReadonlySet<CardEventType> = new Set([
  "editor-closed",
  "focus-lost",
  "rules-changed",
  "alerts-closed",
]);

/** Fires one of the card's events with its detail; an event without detail takes none. */
export function fireEvent<K extends CardEventType>(
  node: EventTarget,
  type: K,
  ...detail: CardEvents[K] extends undefined ? [] : [CardEvents[K]]
): void {
  const page = !PARENT_ONLY.has(type);
  node.dispatchEvent(new CustomEvent(type, { detail: detail[0], bubbles: page, composed: page }));
}

/** Shows Home Assistant's toast. */
export function toast(node: EventTarget, message: string): void {
  fireEvent(node, "hass-notification", { message });
}

declare global {
  // Merged into the DOM's own map: `addEventListener("focus-lost", …)` hears a typed event.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends CardEventMap {}
}
