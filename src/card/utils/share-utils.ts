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
