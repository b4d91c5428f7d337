/** Problems the card finds itself (no add-on to report them), in English; ./de.ts translates them. */
export const CARD_PROBLEM_TEXTS = {
  "error.addon_not_connected": "The Latchkey add-on is not connected.",
  "error.addon_connection_lost": "The connection to the Latchkey add-on was lost.",
  "error.bad_response": "The add-on answered {type} with data the card does not understand.",
} as const;

export type CardProblem = keyof typeof CARD_PROBLEM_TEXTS;
