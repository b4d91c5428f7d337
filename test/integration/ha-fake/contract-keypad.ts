// Contract case of a code set at a lock's own keypad on newer HA: the Access Control
// notification names the slot, and HA's listing of the driver's cache (get_lock_usercode) follows
// without anyone asking — the driver reads the slot itself (real HA 2026.11 with the zwave-js
// mock, whose lock sends only the notification). The listing Latchkey read before is stale then.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { contractSession, eventSchema, responseFor, type ContractTarget } from "./contract-support.js";

const cached = z.record(
  z.string(),
  z.strictObject({ usercode: z.string().nullable(), in_use: z.boolean().nullable() }),
);

export function keypadCodeCases(getTarget: () => ContractTarget): void {
  const { connect, zwave } = contractSession(getTarget);
  describe("a code set at the keypad", () => {
    it("fires an Access Control notification naming the slot, and HA's listing follows by itself", async (ctx) => {
      const { keypadCode, profile, lockEntityId } = getTarget();
      if (profile !== "newest" || !keypadCode) return ctx.skip();
      const client = await connect(true);
      const slot = (getTarget().testSlot ?? 3) + 1;
      const listing = async () =>
        cached.parse(
          responseFor(await zwave(client, "get_lock_usercode", lockEntityId, {}, true), lockEntityId),
        )[String(slot)];
      const subId = client.send("subscribe_events", { event_type: "zwave_js_notification" });
      await client.next((f) => f.id === subId && f.type === "result");
      await keypadCode(slot, "5791");
      const event = z
        .looseObject({ data: z.looseObject({ event: z.number(), parameters: z.unknown() }) })
        .parse(
          eventSchema.parse(await client.next((f) => f.id === subId && f.type === "event", 30_000)).event,
        );
      // Access Control 0x0E "New user code added", naming the slot.
      expect(event.data).toMatchObject({ event: 14, parameters: { userId: slot } });
      const deadline = Date.now() + 10_000;
      let entry = await listing();
      while (entry?.usercode !== "5791" && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        entry = await listing();
      }
      expect(entry).toEqual({ usercode: "5791", in_use: true });
      await zwave(client, "clear_lock_usercode", lockEntityId, { code_slot: slot });
    });
  });
}
