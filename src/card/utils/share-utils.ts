/** Pure helpers for sharing a code from the card. */

/** An `sms:` link with a prefilled body (the `?&body=` form works on both iOS and Android). */
export function smsLink(text: string): string {
  return `sms:?&body=${encodeURIComponent(text)}`;
}

type Services = Record<string, Record<string, unknown> | undefined>;
let lastServices: Services | undefined;
let lastNotify: string[] = [];

/**
 * Notify services an admin can send a code with, from `hass.services.notify`. The same array
 * comes back while HA's services object is unchanged, so the code list does not re-render on
 * every lock state change.
 */
export function notifyServices(services: Services | undefined): string[] {
  if (services && services === lastServices) return lastNotify;
  lastServices = services;
  lastNotify = Object.keys(services?.notify ?? {})
    .filter((name) => name !== "persistent_notification" && name !== "send_message")
    .sort()
    .map((name) => `notify.${name}`);
  return lastNotify;
}

/** What a browser tells about itself that decides how a code can leave it. */
export interface DeviceTraits {
  userAgent: string;
  /** `navigator.userAgentData.mobile` where the browser offers it (Chromium). */
  mobile?: boolean;
}

/**
 * Whether an `sms:` link can send a text here: phones and tablets open their messages app;
 * a desktop browser has nothing to open it with and would only navigate away from the card.
 */
export function canTextFrom(device: DeviceTraits): boolean {
  if (device.mobile !== undefined) return device.mobile;
  return /Android|iPhone|iPad|iPod|Mobile/i.test(device.userAgent);
}

/** This browser's traits, for canTextFrom. */
export function thisDevice(): DeviceTraits {
  const data: unknown = Reflect.get(navigator, "userAgentData");
  const mobile: unknown = typeof data === "object" && data !== null ? Reflect.get(data, "mobile") : undefined;
  return { userAgent: navigator.userAgent, ...(typeof mobile === "boolean" ? { mobile } : {}) };
}
