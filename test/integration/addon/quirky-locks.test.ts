import { afterEach, describe, expect, it } from "vitest";
import type { Snapshot } from "../../../src/model/protocol";
import { pinsShown } from "../support/pins";
import { FAST, slotsHolding, startWorld, type World } from "../support/world";

/**
 * The add-on on quirky locks, on the HA fake (newest profile), whose quirks contract-quirks.ts
 * holds to real HA with the simulated network's: a clear chip state, one write, no loop.
 */
let world: World | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

const BACK = "lock.back_door";
const statusOn = (s: Snapshot) => Object.values(s.sync)[0]?.[BACK];
const setsToBack = (w: World) =>
  w.writes().filter((c) => c.entityId === BACK && c.service === "set_lock_usercode").length;

/** Several retry periods later (base 500 ms in the test add-on), nothing more was written. */
async function noMoreWrites(w: World, expected: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 2_500));
  expect(setsToBack(w)).toBe(expected);
}

describe("quirky locks", () => {
  it.each(["stars", "zeros"] as const)(
    "a lock that hides PINs with %s: set but unverified (pin_hidden), written once",
    async (mask) => {
      world = await startWorld({ profile: "newest" });
      const w = world;
      w.ha.setLockQuirks(BACK, { maskPins: mask });
      await w.api.request("codes/create", { draft: { name: "Mom", pin: "4821", lockIds: [BACK] } });
      const s = await w.api.waitForSnapshot((snap) => statusOn(snap)?.state === "unverified");
      expect(statusOn(s)).toMatchObject({
        state: "unverified",
        why: "pin_hidden",
        problem: "sync_reason.pin_hidden",
      });
      expect(slotsHolding(w.ha, BACK, "4821")).toHaveLength(1);
      await noMoreWrites(w, 1);
      expect(statusOn(w.api.snapshot() ?? s)?.state).toBe("unverified");
    },
  );

  it("a lock that never reports: unverified (no_answer), written once, not read again and again", async () => {
    // The real driver's interview read every slot; the fake's never-read slots would be read
    // before the write, which a silent lock never answers (that read is retried with backoff).
    world = await startWorld({ profile: "newest" }, FAST, (ha) => {
      ha.readAllSlots(BACK);
      ha.setLockQuirks(BACK, { silent: true });
    });
    const w = world;
    await w.api.request("codes/create", { draft: { name: "Mom", pin: "4821", lockIds: [BACK] } });
    const s = await w.api.waitForSnapshot((snap) => statusOn(snap)?.state === "unverified");
    expect(statusOn(s)).toMatchObject({ state: "unverified", why: "no_answer" });
    await noMoreWrites(w, 1);
  });

  it("a lock that refuses a duplicate PIN: failed, said why, never retried; another PIN is sent", async () => {
    world = await startWorld({ profile: "newest" });
    const w = world;
    w.ha.keypadChangeCode(BACK, 20, "4821");
    w.ha.setLockQuirks(BACK, { refuseDuplicates: true });
    const made = await w.api.request("codes/create", {
      draft: { name: "Mom", pin: "4821", lockIds: [BACK] },
    });
    if (!made.ok) throw new Error(made.error.message);
    const s = await w.api.waitForSnapshot((snap) => statusOn(snap)?.state === "failed");
    expect(statusOn(s)).toMatchObject({
      state: "failed",
      problem: "sync_reason.refused_duplicate",
      nextRetryAt: null,
    });
    expect(JSON.stringify(statusOn(s))).toMatch(
      /this lock refused the PIN: another slot holds the same PIN/i,
    );
    expect(pinsShown(JSON.stringify(s), ["4821"])).toEqual([]);
    await noMoreWrites(w, 1);
    // A new PIN is a different write: it goes out, and this lock takes it.
    await w.api.request("codes/update", { codeId: made.result.codeId, changes: { pin: "5930" } });
    await w.api.waitForSnapshot((snap) => statusOn(snap)?.state === "synced");
    expect(setsToBack(w)).toBe(2);
  });
});
