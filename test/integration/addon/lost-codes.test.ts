import { afterEach, describe, expect, it } from "vitest";
import { allSynced, connectApi } from "../support/api-client";
import { pinsShown } from "../support/pins";
import { ADMIN, FAST, lockWrites, slotsHolding, startWorld, type World } from "../support/world";
import { until } from "../support/until";

let world: World | null = null;
afterEach(async () => {
  if (world) expect(pinsShown(world.addon.output(), ["4821", "7350"])).toEqual([]);
  await world?.close();
  world = null;
});

const ENV = { ...FAST, LATCHKEY_CODE_ACTION_RELIST_MS: "300" };
/** The lost-codes alert (each one for a lock replaces the last), beside the "X added Mom's code" ones. */
const lostAlert = (w: World) => w.ha.notifications.persistent.get("latchkey_codes_lost_front_door")?.message;
const lostEvents = (w: World) => w.ha.firedEvents.filter((e) => e.event_type === "latchkey_codes_lost");

/** Mom and Dad on the front door, synced, on an HA that can list a lock's codes. */
async function twoCodesOnFront(
  addonOptions?: Record<string, unknown>,
  env: Record<string, string> = ENV,
): Promise<World> {
  world = await startWorld({ profile: "newest" }, env, undefined, addonOptions);
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

/** A factory reset at the lock: its memory is emptied and it says so (Access Control 12). */
function factoryReset(w: World): void {
  w.ha.forgetCodes("lock.front_door");
  w.ha.accessEvent("lock.front_door", 12);
}

/** Every alert Latchkey sent so far (persistent notifications and notify.* calls). */
const alerts = (w: World) => [
  ...[...w.ha.notifications.persistent.values()].map((n) => n.message),
  ...w.ha.notifications.sent.map((n) => JSON.stringify(n.data)),
];

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

  it("that says it deleted all its codes (a factory reset) is told once as lost codes — no per-slot alert — and refilled with one tap", async () => {
    const w = await twoCodesOnFront();
    const writesBefore = lockWrites(w.ha).length;
    const alertsBefore = alerts(w).length;
    factoryReset(w);

    const held = await w.api.waitForSnapshot((s) => s.held.length === 2);
    expect(held.held.map((h) => h.reason)).toEqual(["codes_lost", "codes_lost"]);
    await until(() => lostAlert(w) !== undefined);
    expect(lostAlert(w)).toBe(
      "Front Door has lost 2 of Latchkey's codes (Mom, Dad) — a battery swap or a reset? Open Latchkey and tap Refill to put them back.",
    );
    expect(lostEvents(w).map((e) => e.data)).toMatchObject([
      { entity_id: "lock.front_door", count: 2, slots: [1, 2], refilled: false },
    ]);
    const listed = await w.api.request("activity/list", { lockId: "lock.front_door" });
    expect(listed.ok && listed.result.entries.map((e) => e.kind)).toEqual(
      expect.arrayContaining(["codes_lost_at_lock"]),
    );
    expect(listed.ok && listed.result.entries.map((e) => e.kind)).not.toContain("all_codes_deleted_at_lock");

    // The lock says it again: nothing more is said, nothing is written.
    w.ha.accessEvent("lock.front_door", 12);
    await new Promise((r) => setTimeout(r, 1500));
    expect(alerts(w).slice(alertsBefore)).toEqual([lostAlert(w)]);
    expect(lostEvents(w)).toHaveLength(1);
    expect(lockWrites(w.ha).length).toBe(writesBefore);

    const refill = await w.api.request("held/refill", { lockId: "lock.front_door" });
    expect(refill).toEqual({ ok: true, result: { lockId: "lock.front_door", slots: [1, 2] } });
    await w.api.waitForSnapshot((s) => s.held.length === 0 && allSynced(s), 15_000, true);
    expect(slotsHolding(w.ha, "lock.front_door", "4821")).toEqual([1]);
    expect(slotsHolding(w.ha, "lock.front_door", "7350")).toEqual([2]);
  });

  it("that says it deleted all its codes can let them go: Keep the lock's takes each code off that lock, nothing written", async () => {
    const w = await twoCodesOnFront();
    factoryReset(w);
    const held = await w.api.waitForSnapshot((s) => s.held.length === 2);
    const writesBefore = lockWrites(w.ha).length;
    for (const { slot } of held.held)
      expect(
        await w.api.request("held/resolve", { lockId: "lock.front_door", slot, keep: "lock" }),
      ).toMatchObject({ ok: true });
    const after = await w.api.waitForSnapshot((s) => s.held.length === 0);
    expect(after.codes.map((c) => c.lockIds)).toEqual([[], []]);
    await new Promise((r) => setTimeout(r, 1000));
    expect(lockWrites(w.ha).length).toBe(writesBefore);
  });

  it("that says it deleted all its codes, with refill_lost_codes, is refilled by itself once a day", async () => {
    const w = await twoCodesOnFront({ refill_lost_codes: true });
    factoryReset(w);
    await until(() => slotsHolding(w.ha, "lock.front_door", "4821").length === 1, 15_000);
    await w.api.waitForSnapshot((s) => s.held.length === 0 && allSynced(s), 15_000, true);
    expect(lostAlert(w)).toMatch(
      /^Front Door had lost 2 of Latchkey's codes .* Latchkey is putting them back\.$/,
    );

    // Reset again the same day: held and told, not refilled in a loop.
    const writesBefore = lockWrites(w.ha).length;
    factoryReset(w);
    await w.api.waitForSnapshot((s) => s.held.length === 2 && s.held.every((h) => h.reason === "codes_lost"));
    await new Promise((r) => setTimeout(r, 1000));
    expect(lockWrites(w.ha).length).toBe(writesBefore);
    expect(lostEvents(w).map((e) => e.data.refilled)).toEqual([true, false]);
  });

  it("a single code deleted at the keypad is still held on its own, with keep or restore", async () => {
    // Not taken for an echo of Latchkey's own write just before.
    const w = await twoCodesOnFront(undefined, { ...ENV, LATCHKEY_OWN_ECHO_MS: "0" });
    w.ha.keypadChangeCode("lock.front_door", 1, null);
    const held = await w.api.waitForSnapshot((s) => s.held.length === 1);
    expect(held.held[0]).toMatchObject({ slot: 1, reason: "removed_at_lock" });
    await new Promise((r) => setTimeout(r, 500));
    expect(lostEvents(w)).toEqual([]);
  });

  it("whose power was applied again (a battery swap the driver never noticed) is checked: its checksum differs, its slots are read, and it is told once", async () => {
    const w = await twoCodesOnFront();
    const writesBefore = lockWrites(w.ha).length;
    w.ha.forgetCodes("lock.front_door");
    w.ha.powerApplied("lock.front_door");
    const held = await w.api.waitForSnapshot((s) => s.held.length === 2, 15_000);
    expect(held.held.map((h) => h.reason)).toEqual(["codes_lost", "codes_lost"]);
    await until(() => lostAlert(w) !== undefined);
    expect(lostAlert(w)).toMatch(/^Front Door has lost 2 of Latchkey's codes \(Mom, Dad\)/);
    expect(w.ha.slotReads.filter((r) => r.entityId === "lock.front_door").map((r) => r.slot)).toEqual(
      expect.arrayContaining([1, 2]),
    );
    // The lock says it again: its sensor is on already, nothing changes, nothing is said or sent.
    const reads = w.ha.slotReads.length;
    w.ha.powerApplied("lock.front_door");
    await new Promise((r) => setTimeout(r, 1000));
    expect(w.ha.slotReads.length).toBe(reads);
    expect(lostEvents(w)).toHaveLength(1);
    expect(lockWrites(w.ha).length).toBe(writesBefore);
  });

  it("whose power was applied with its codes still there is asked one checksum and no slot is read", async () => {
    const w = await twoCodesOnFront();
    const reads = w.ha.slotReads.length;
    w.ha.powerApplied("lock.front_door");
    await until(() => /Front Door's checksum matches the codes Latchkey knows there/.test(w.addon.output()));
    await new Promise((r) => setTimeout(r, 500));
    expect(w.ha.slotReads.length).toBe(reads);
    expect(lostEvents(w)).toEqual([]);
    expect(w.api.snapshot()?.held).toEqual([]);
  });

  it("back from being away with its codes still there is asked one checksum and no slot is read", async () => {
    const w = await twoCodesOnFront();
    const reads = w.ha.slotReads.length;
    w.ha.setNodeStatus("lock.front_door", "dead");
    setTimeout(() => {
      w.ha.setNodeStatus("lock.front_door", "alive");
    }, 200);
    await until(() => /Front Door's checksum matches the codes Latchkey knows there/.test(w.addon.output()));
    await new Promise((r) => setTimeout(r, 500));
    expect(w.ha.slotReads.length).toBe(reads);
    expect(lostEvents(w)).toEqual([]);
  });
});
