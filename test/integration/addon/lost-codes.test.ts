import { afterEach, describe, expect, it } from "vitest";
import { allSynced, connectApi } from "../support/api-client";
import { pinsShown } from "../support/pins";
import { ADMIN, FAST, lockWrites, slotsHolding, startWorld, type World } from "../support/world";

let world: World | null = null;
afterEach(async () => {
  if (world) expect(pinsShown(world.addon.output(), ["4821", "7350"])).toEqual([]);
  await world?.close();
  world = null;
});

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}

const ENV = { ...FAST, LATCHKEY_CODE_ACTION_RELIST_MS: "300" };
/** The lost-codes alert (each one for a lock replaces the last), beside the "X added Mom's code" ones. */
const lostAlert = (w: World) => w.ha.notifications.persistent.get("latchkey_codes_lost_front_door")?.message;
const lostEvents = (w: World) => w.ha.firedEvents.filter((e) => e.event_type === "latchkey_codes_lost");

/** Mom and Dad on the front door, synced, on an HA that can list a lock's codes. */
async function twoCodesOnFront(addonOptions?: Record<string, unknown>): Promise<World> {
  world = await startWorld({ profile: "newest" }, ENV, undefined, addonOptions);
  const w = world;
  for (const [name, pin] of [
    ["Mom", "4821"],
    ["Dad", "7350"],
  ] as const) {
    const created = await w.api.request("codes/create", {
      draft: { name, pin, lockIds: ["lock.front_door"] },
    });
    if (!created.ok) throw new Error(created.error.message);
  }
  await w.api.waitForSnapshot((s) => s.codes.length === 2 && allSynced(s));
  return w;
}

/** The lock's batteries are swapped: it goes away, forgets its codes, and comes back. */
function batterySwap(w: World): void {
  w.ha.setNodeStatus("lock.front_door", "dead");
  w.ha.forgetCodes("lock.front_door");
  setTimeout(() => {
    w.ha.setNodeStatus("lock.front_door", "alive");
  }, 200);
}

describe("a lock that lost its codes", () => {
  it("is noticed when it comes back, told once, held — no write — and refilled with one tap", async () => {
    const w = await twoCodesOnFront();
    const writesBefore = lockWrites(w.ha).length;
    batterySwap(w);

    const held = await w.api.waitForSnapshot((s) => s.held.length === 2, 15_000);
    expect(held.held.map((h) => h.reason)).toEqual(["codes_lost", "codes_lost"]);
    await until(() => lostAlert(w) !== undefined);
    expect(lostAlert(w)).toBe(
      "Front Door has lost 2 of Latchkey's codes (Mom, Dad) — a battery swap or a reset? Open Latchkey and tap Refill to put them back.",
    );
    expect(lostEvents(w).map((e) => e.data)).toEqual([
      {
        entity_id: "lock.front_door",
        count: 2,
        slots: [1, 2],
        code_ids: held.held.map((h) => h.codeId),
        code_names: ["Mom", "Dad"],
        refilled: false,
      },
    ]);
    const listed = await w.api.request("activity/list", { lockId: "lock.front_door" });
    expect(listed.ok && listed.result.entries[0]?.kind).toBe("codes_lost_at_lock");

    // Listed again and again, nothing more is said and nothing is written: no loop.
    w.ha.setNodeStatus("lock.front_door", "dead");
    w.ha.setNodeStatus("lock.front_door", "alive");
    await new Promise((r) => setTimeout(r, 1500));
    expect(lockWrites(w.ha).length).toBe(writesBefore);
    expect(lostEvents(w)).toHaveLength(1);
    expect(slotsHolding(w.ha, "lock.front_door", "4821")).toEqual([]);

    // Only an admin refills; the codes come back, confirmed.
    const refused = await w.api.request("held/refill", { lockId: "lock.back_door" });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: "not_found", problem: "error.nothing_to_refill" },
    });
    const refill = await w.api.request("held/refill", { lockId: "lock.front_door" });
    expect(refill).toEqual({ ok: true, result: { lockId: "lock.front_door", slots: [1, 2] } });
    await w.api.waitForSnapshot((s) => s.held.length === 0 && allSynced(s), 15_000, true);
    expect(slotsHolding(w.ha, "lock.front_door", "4821")).toEqual([1]);
    expect(slotsHolding(w.ha, "lock.front_door", "7350")).toEqual([2]);
    expect(JSON.stringify(lostEvents(w))).not.toMatch(/4821|7350/);
  });

  it("with refill_lost_codes, it is refilled by itself — once a day, then held", async () => {
    const w = await twoCodesOnFront({ refill_lost_codes: true });
    batterySwap(w);
    await until(() => slotsHolding(w.ha, "lock.front_door", "4821").length === 1, 15_000);
    await w.api.waitForSnapshot((s) => s.held.length === 0 && allSynced(s), 15_000, true);
    expect(lostAlert(w)).toBe(
      "Front Door had lost 2 of Latchkey's codes (Mom, Dad) — a battery swap or a reset? Latchkey is putting them back.",
    );

    // It forgets them again the same day: held and told, not refilled in a loop.
    const writesBefore = lockWrites(w.ha).length;
    batterySwap(w);
    const held = await w.api.waitForSnapshot((s) => s.held.length === 2, 15_000);
    expect(held.held.every((h) => h.reason === "codes_lost")).toBe(true);
    await new Promise((r) => setTimeout(r, 1000));
    expect(lockWrites(w.ha).length).toBe(writesBefore);
    expect(lostEvents(w).map((e) => e.data.refilled)).toEqual([true, false]);
    expect(lostAlert(w)).toMatch(/^Front Door has lost 2 of Latchkey's codes .* tap Refill/);
  });

  it("an older card sees the held codes as removed at the keypad, and no entry its parser would refuse", async () => {
    const w = await twoCodesOnFront();
    batterySwap(w);
    await w.api.waitForSnapshot((s) => s.held.length === 2, 15_000);
    const older = await connectApi(w.addon.apiUrl, ADMIN.token, {
      features: ["state_activity", "ha_code_changes"],
    });
    await older.request("state/subscribe", {});
    const seen = await older.waitForSnapshot((s) => s.held.length === 2);
    expect(seen.held.map((h) => h.reason)).toEqual(["removed_at_lock", "removed_at_lock"]);
    const listed = await older.request("activity/list", { lockId: "lock.front_door" });
    expect(listed.ok && listed.result.entries.map((e) => e.kind)).not.toContain("codes_lost_at_lock");
    older.close();
  });
});
