import { afterEach, describe, expect, it } from "vitest";
import { allSynced, draft, startLatchkey, type Harness } from "./support/harness";

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

async function eventually(check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("HA's events", () => {
  it("each type Latchkey listens to is subscribed once, though several parts use it", async () => {
    h = await startLatchkey();
    // The lock directory (availability) and the door activity (state changes) share one subscription.
    expect(h.ha.subscriptions("state_changed")).toBe(1);
    expect(h.ha.subscriptions("zwave_js_notification")).toBe(1);
    expect(h.ha.subscriptions("mobile_app_notification_action")).toBe(1);
  });
});

describe("events for automations", () => {
  it("latchkey_* events raised while HA is away are fired, in order, once it is back", async () => {
    h = await startLatchkey();
    const { codeId } = await h.service.createCode(draft("Mom", "4821", ["lock.front_door"]));
    await h.until(allSynced);
    const mom = h.service.book.publicCode(codeId);
    if (!mom) throw new Error("no Mom");
    await h.ha.setAcceptingConnections(false);
    h.ha.dropConnections();
    await eventually(() => !h!.client.connected);
    // Edits made while HA is away (the API records them like this).
    await h.journal.codeEvent("code_updated", mom, "Alex Admin");
    await h.journal.codeEvent("code_disabled", mom, "Alex Admin");
    await h.ha.setAcceptingConnections(true);
    const fired = () =>
      h!.ha.firedEvents.filter((e) => e.event_type === "latchkey_code_changed").map((e) => e.data.action);
    await eventually(() => fired().length >= 2);
    expect(fired()).toEqual(["updated", "disabled"]);
  });
});
