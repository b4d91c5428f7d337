// Contract cases of the field's quirky locks on newer HA (invoke_cc_api): what HA answers a
// User Code get on a lock that hides PINs or never reports, and how it tells that a lock refused
// a duplicate PIN. The fake's LockQuirks (home.ts) are held to the simulated network's quirks
// (test/stack/zwave/mock-quirks.ts) behind real HA 2026.11 by these.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { contractSession, eventSchema, type ContractTarget } from "./contract-support.js";
import { resultSchema, type RawClient } from "./raw-client.js";

const readBack = z.looseObject({ userIdStatus: z.number(), userCode: z.string() });

export function quirkCases(getTarget: () => ContractTarget): void {
  const { connect, lockDeviceId, zwave } = contractSession(getTarget);

  const get = async (client: RawClient, slot: number) =>
    client.command(
      "zwave_js/invoke_cc_api",
      {
        device_id: await lockDeviceId(client),
        command_class: 99,
        method_name: "get",
        parameters: [slot],
        wait_for_result: true,
      },
      60_000,
    );

  describe("quirky locks (newest HA)", () => {
    it("a lock that hides PINs answers a get of a slot just set with stars and the slot in use", async (ctx) => {
      const { quirks, profile, lockEntityId } = getTarget();
      if (profile !== "newest" || !quirks) return ctx.skip();
      const client = await connect(true);
      const slot = (getTarget().testSlot ?? 3) + 2;
      await quirks({ maskPins: "stars" });
      try {
        await zwave(client, "set_lock_usercode", lockEntityId, { code_slot: slot, usercode: "5791" });
        const answer = readBack.parse(resultSchema.parse(await get(client, slot)).result);
        expect(answer).toMatchObject({ userIdStatus: 1 });
        expect(answer.userCode).toMatch(/^\*{4,}$/);
      } finally {
        await quirks({});
        await zwave(client, "clear_lock_usercode", lockEntityId, { code_slot: slot });
      }
    });

    it("a lock that refuses a duplicate PIN: the set succeeds, HA fires Access Control 15, the slot stays empty", async (ctx) => {
      const { quirks, keypadCode, profile, lockEntityId } = getTarget();
      if (profile !== "newest" || !quirks || !keypadCode) return ctx.skip();
      const client = await connect(true);
      const held = (getTarget().testSlot ?? 3) + 3;
      const slot = held + 1;
      await keypadCode(held, "6802");
      await quirks({ refuseDuplicates: true });
      try {
        const subId = client.send("subscribe_events", { event_type: "zwave_js_notification" });
        await client.next((f) => f.id === subId && f.type === "result");
        const set = await zwave(client, "set_lock_usercode", lockEntityId, {
          code_slot: slot,
          usercode: "6802",
        });
        expect(resultSchema.safeParse(set).success).toBe(true);
        const event = z
          .looseObject({ data: z.looseObject({ type: z.number(), event: z.number() }) })
          .parse(
            eventSchema.parse(
              await client.next(
                (f) => f.id === subId && f.type === "event" && JSON.stringify(f).includes('"event":15'),
                30_000,
              ),
            ).event,
          );
        expect(event.data).toMatchObject({ type: 6, event: 15, command_class: 113 });
        expect(readBack.parse(resultSchema.parse(await get(client, slot)).result).userIdStatus).toBe(0);
      } finally {
        await quirks({});
        await zwave(client, "clear_lock_usercode", lockEntityId, { code_slot: held });
      }
    });

    it("a lock that never reports: a get with wait_for_result answers null (the driver gave up, HA says nothing more)", async (ctx) => {
      const { quirks, profile } = getTarget();
      if (profile !== "newest" || !quirks) return ctx.skip();
      const client = await connect(true);
      await quirks({ silent: true });
      try {
        expect(resultSchema.parse(await get(client, (getTarget().testSlot ?? 3) + 2)).result).toBeNull();
      } finally {
        await quirks({});
      }
    }, 90_000);
  });
}
