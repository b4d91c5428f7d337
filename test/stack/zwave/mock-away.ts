// A lock that is away — its batteries out, being reset — neither acknowledges nor answers
// anything the controller sends, so the driver finds it dead at its next command (POST /away).
// Back, it says something of its own (a battery report, as a lock does after power-up) and the
// driver marks it alive. Its memory is untouched either way: POST /reset-codes empties it.
import type { MockNode, MockNodeBehavior } from "@zwave-js/testing";

const AWAY_KEY = "Latchkey_away";

export function isAway(node: MockNode): boolean {
  return node.state.get(AWAY_KEY) === true;
}

export function setAway(node: MockNode, away: boolean): void {
  node.state.set(AWAY_KEY, away);
  node.autoAckControllerFrames = !away;
}

/** Consulted before every other behaviour: an away lock handles nothing. */
export const awayBehavior: MockNodeBehavior = {
  handleCC(_controller, self) {
    return isAway(self) ? { action: "stop" } : undefined;
  },
};
