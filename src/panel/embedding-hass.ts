import { z } from "zod/mini";
import type { HomeAssistant } from "../card/ha/types";

/** An object map, checked without walking it: `hass.states` holds thousands of entities. */
const objectMap = <T>() =>
  z.custom<Record<string, T>>(
    (value: unknown) => typeof value === "object" && value !== null && !Array.isArray(value),
  );

/**
 * The parts of Home Assistant's `hass` object the card reads, checked the way the card trusts
 * the `hass` HA hands to any card: the shape, not every entity (the panel checks it twice a
 * second). The object is checked, not copied: the card compares entity objects by identity
 * to skip unrelated updates, and `auth.data` must stay HA's live object so a refreshed token
 * is seen at the next reconnect.
 */
const HassShape = z.looseObject({
  states: objectMap<HomeAssistant["states"][string]>(),
  entities: z.optional(objectMap<NonNullable<HomeAssistant["entities"]>[string]>()),
  user: z.optional(z.looseObject({ id: z.string(), name: z.string(), is_admin: z.boolean() })),
  language: z.optional(z.string()),
  locale: z.optional(z.looseObject({ language: z.optional(z.string()) })),
  auth: z.optional(
    z.looseObject({ data: z.optional(z.looseObject({ access_token: z.optional(z.string()) })) }),
  ),
  services: z.optional(objectMap<Record<string, unknown> | undefined>()),
  callService: z.custom<HomeAssistant["callService"]>((value) => typeof value === "function"),
});

export function isHass(value: unknown): value is HomeAssistant {
  return HassShape.safeParse(value).success;
}

/**
 * Home Assistant's root element (`<home-assistant>`, which carries `hass`) in the page that
 * shows this one in an iframe — HA's ingress view, at the same origin. `null` when the page
 * was opened on its own or by a page of another origin (reading it would throw).
 */
export function embeddingHomeAssistant(view: Window): Element | null {
  try {
    if (view.parent === view) return null;
    return view.parent.document.querySelector("home-assistant");
  } catch {
    return null;
  }
}

/** The element's current `hass`, unchecked: HA replaces the object on every state change. */
export function hassPropertyOf(host: Element): unknown {
  return "hass" in host ? host.hass : undefined;
}
