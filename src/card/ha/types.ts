/**
 * The small part of Home Assistant's frontend types this card relies on. Kept as our own copy
 * (rather than a helper package) so the card only depends on what it actually reads.
 */

export interface HassEntity {
  entity_id: string;
  state: string;
  attributes: Record<string, unknown>;
  last_changed: string;
  last_updated: string;
}

export interface HassEntityRegistryEntry {
  entity_id: string;
  device_id?: string | null;
  device_class?: string | null;
  hidden?: boolean;
}

export interface HassUser {
  id: string;
  name: string;
  is_admin: boolean;
}

export interface HomeAssistant {
  states: Record<string, HassEntity | undefined>;
  entities?: Record<string, HassEntityRegistryEntry | undefined>;
  user?: HassUser;
  language?: string;
  locale?: { language?: string };
  auth?: { data?: { access_token?: string } };
  /** domain → service name → description; only the names are read. */
  services?: Record<string, Record<string, unknown> | undefined>;
  /** Loaded integrations; `hassio` means a Supervisor runs the add-ons. */
  config?: { components?: string[] };
  /** An entity's state worded by HA in the person's language, units and number format included. */
  formatEntityState?(entity: HassEntity, state?: string): string;
  callService(domain: string, service: string, data?: Record<string, unknown>): Promise<unknown>;
  /** One websocket command; the card reaches the Supervisor through it. */
  callWS?(message: Record<string, unknown>): Promise<unknown>;
}

/** Options of a Lovelace card in the sections view (12-column grid). */
export interface GridOptions {
  columns?: number | "full";
  rows?: number | "auto";
  min_columns?: number;
  min_rows?: number;
}

export interface CustomCardEntry {
  type: string;
  name: string;
  description: string;
  preview?: boolean;
  documentationURL?: string;
}

declare global {
  interface Window {
    customCards?: CustomCardEntry[];
    /** Home Assistant's frontend helpers for custom cards (card factory, lazy element loading). */
    loadCardHelpers?: () => Promise<{ createCardElement(config: Record<string, unknown>): HTMLElement }>;
  }
}
