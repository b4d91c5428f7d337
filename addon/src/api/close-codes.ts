/**
 * How the API ends a connection: RFC 6455 close codes where one fits, the private range for
 * Latchkey's own. Each comes with a reason a person can read (at most 123 bytes on the wire).
 */
export const CLOSE = {
  /** The add-on is stopping. */
  goingAway: 1001,
  /** The client broke the API's rules (no hello in time, a second hello). */
  policy: 1008,
  /** A limit was reached; trying again later may work (the card reconnects with backoff). */
  tryAgainLater: 1013,
  /** After a `fatal` message: the add-on will not take this client as it is; the card stops. */
  refused: 4000,
  /** The person's rights changed in HA or their login lapsed: the card connects afresh. */
  sessionEnded: 4001,
} as const;

export type CloseCode = (typeof CLOSE)[keyof typeof CLOSE];

/** A close reason fits the 123 bytes a close frame allows. */
export function closeReason(text: string): string {
  const bytes = Buffer.from(text, "utf8");
  return bytes.length <= 123
    ? text
    : bytes
        .subarray(0, 120)
        .toString("utf8")
        .replace(/\uFFFD$/, "") + "…";
}
