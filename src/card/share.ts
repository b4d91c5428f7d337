/** Pure helpers for sharing a code from the card. */

/** The text a phone's messages app gets; the add-on builds its own for notify services. */
export function phoneShareText(name: string, pin: string, lockNames: readonly string[]): string {
  return `Hi ${name}, your door code is ${pin} (${lockNames.join(", ")}).`;
}

/** An `sms:` link with a prefilled body (the `?&body=` form works on both iOS and Android). */
export function smsLink(text: string): string {
  return `sms:?&body=${encodeURIComponent(text)}`;
}

/** Notify services an admin can send a code with, from `hass.services.notify`. */
export function notifyServices(services: Record<string, Record<string, unknown> | undefined> | undefined): string[] {
  return Object.keys(services?.notify ?? {})
    .filter((name) => name !== "persistent_notification" && name !== "send_message")
    .sort()
    .map((name) => `notify.${name}`);
}
