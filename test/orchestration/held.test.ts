import { afterEach, describe, expect, it } from "vitest";
import { RawClient } from "../integration/ha-fake/raw-client";
import { ADMIN, slotsHolding } from "../integration/support/world";
import { allSynced, deferred, draft, startLatchkey, type Harness } from "./support/harness";

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

describe("slots changed at the keypad", () => {
  it("a slot is held even when its claim changes while the keypad report is handled", async () => {
    h = await startLatchkey({ ownEchoMs: 0 });
    const { codeId } = await h.service.createCode(draft("Mom", "4821", ["lock.front_door"]));
    await h.until(allSynced);
    // A write's outcome for that slot is being saved at the moment the lock reports a change.
    const at = new Date().toISOString();
    const saving = h.service.book.observe("lock.front_door", 1, {
      status: "set",
      pin: "4821",
      confirmed: true,
      verifiedAt: at,
      via: "lock_report",
    });
    const { held } = await h.service.holdChangedSlots("lock.front_door", 1, "changed_at_lock");
    await saving;
    expect(held.map((c) => c.id)).toEqual([codeId]);
    expect(h.snapshot().held).toMatchObject([{ lockId: "lock.front_door", slot: 1, codeId }]);
  });
});

describe("a slot changed elsewhere while Latchkey's own write there is on its way", () => {
  it("stays held with what the lock holds unknown; restoring Mom's writes her PIN again", async () => {
    const landed = deferred();
    const release = deferred();
    let holding = true;
    h = await startLatchkey({
      link: (link) => ({
        ...link,
        // The write reaches the lock and is confirmed; its outcome is held back, as if the
        // confirmation were still on its way when the other change came.
        writer: async (op, lock, signal) => {
          const observed = await link.writer(op, lock, signal);
          if (holding && op.kind === "set") {
            holding = false;
            landed.resolve();
            await release.promise;
          }
          return observed;
        },
      }),
    });
    const { codeId } = await h.service.createCode(draft("Mom", "4821", ["lock.front_door"]));
    await landed.promise;
    const { client } = await RawClient.authed(h.ha.wsUrl, ADMIN.token);
    try {
      await client.command("call_service", {
        domain: "zwave_js",
        service: "set_lock_usercode",
        service_data: { code_slot: 1, usercode: "7777" },
        target: { entity_id: "lock.front_door" },
      });
    } finally {
      client.close();
    }
    await h.until((s) => s.held.length === 1);
    release.resolve();
    await h.service.idle();
    // Latchkey's confirmation of 4821 came before 7777 landed: it must not read as synced.
    expect(h.snapshot().held).toMatchObject([{ lockId: "lock.front_door", slot: 1, codeId }]);
    expect(slotsHolding(h.ha, "lock.front_door", "7777")).toEqual([1]);
    await h.service.resolveHeld("lock.front_door", 1, "latchkey");
    await h.until(allSynced);
    expect(slotsHolding(h.ha, "lock.front_door", "4821")).toEqual([1]);
  });
});
