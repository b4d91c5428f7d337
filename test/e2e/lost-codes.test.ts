import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from "vitest";
import { allSynced } from "../integration/support/api-client";
import { breakdown, framesOf, settledFrames } from "../stack/zwave/frame-counts";
import { scanForSecrets } from "./support/scan-secrets";
import { figure, slotsWith, startStackWorld, type StackWorld } from "./support/stack-world";
import { until } from "./support/watch-ha";

/**
 * A lock that forgets its codes (its batteries out, a reset) on the real stack: the simulated
 * lock goes away until the driver finds it dead, its memory is wiped without a word, and it comes
 * back; or it is factory reset and says so (Access Control 12); or its batteries are swapped
 * without the driver noticing, and it says its power was applied (Power Management). The add-on
 * notices once, holds the slots (writes nothing), and Refill brings the codes back, confirmed by
 * the lock. Where nothing was lost, one User Code Checksum Get is all that goes to the lock.
 */
const FRONT = { entityId: "lock.front_door", node: 2 };
const CODES = [
  { name: "Mom", pin: "730518" },
  { name: "Dad", pin: "482913" },
];

let world: StackWorld;

beforeAll(async () => {
  // The driver reads all 30 slots again when the lock is back; list it once it had time.
  world = await startStackWorld({ addonEnv: { LATCHKEY_CODE_ACTION_RELIST_MS: "6000" } });
  for (const { name, pin } of CODES) {
    const created = await world.api.request("codes/create", {
      draft: { name, pin, lockIds: [FRONT.entityId] },
    });
    if (!created.ok) throw new Error(created.error.message);
  }
  await world.api.waitForSnapshot((s) => s.codes.length === 2 && allSynced(s), 120_000);
});
afterAll(async () => {
  await world.close();
});
beforeEach(() => {
  onTestFailed(() => {
    process.stdout.write(
      `--- add-on output (last 120 lines) ---\n${world.stack.addon.output().split("\n").slice(-120).join("\n")}\n---\n`,
    );
  });
});

const available = (s: { locks: { id: string; available: boolean; nodeStatus: string }[] }) => {
  const lock = s.locks.find((l) => l.id === FRONT.entityId);
  return lock !== undefined && lock.available && lock.nodeStatus !== "dead";
};

describe("a lock that lost its codes, for real", () => {
  it("is noticed once when it comes back, held without a write, and refilled with one tap", async () => {
    const { control } = world.stack.zwave;
    const since = Date.now();
    await control.away({ node: FRONT.node, away: true });
    // The driver finds out at its next command to the lock.
    await world.watch.ws
      .call("call_service", { domain: "lock", service: "lock", target: { entity_id: FRONT.entityId } })
      .catch(() => undefined);
    await world.api.waitForSnapshot((s) => !available(s), 60_000);
    await control.resetCodes({ node: FRONT.node });
    expect(await world.memory(FRONT.entityId)).toEqual(new Map());
    const back = Date.now();
    await control.away({ node: FRONT.node, away: false });

    const held = await world.api.waitForSnapshot(
      (s) => s.held.filter((h) => h.lockId === FRONT.entityId && h.reason === "codes_lost").length === 2,
      60_000,
    );
    figure("lost codes noticed after the lock was back", `${((Date.now() - back) / 1000).toFixed(1)} s`);
    expect(held.held.map((h) => h.reason)).toEqual(["codes_lost", "codes_lost"]);
    await until(
      () => world.watch.notifications.some((n) => n.at >= since && /Front Door has lost 2/.test(n.message)),
      20_000,
      "the lost-codes alert",
    );
    const lost = () => world.watch.events.filter((e) => e.type === "latchkey_codes_lost" && e.at >= since);
    await until(() => lost().length === 1, 10_000, "latchkey_codes_lost");
    expect(lost()[0]?.data).toMatchObject({ entity_id: FRONT.entityId, count: 2, refilled: false });

    // Held: nothing is written to the lock, and nothing more is said.
    await new Promise((r) => setTimeout(r, 5_000));
    expect(world.watch.writes.filter((w) => w.entityId === FRONT.entityId && w.at >= since)).toEqual([]);
    expect(lost()).toHaveLength(1);
    expect(world.watch.notifications.filter((n) => n.at >= since && /has lost/.test(n.message))).toHaveLength(
      1,
    );

    const refill = await world.api.request("held/refill", { lockId: FRONT.entityId });
    expect(refill.ok).toBe(true);
    await world.api.waitForSnapshot((s) => s.held.length === 0 && allSynced(s), 120_000, true);
    for (const { pin } of CODES) expect(await slotsWith(world, FRONT.entityId, pin)).toHaveLength(1);

    const scan = await scanForSecrets(
      world,
      CODES.map((c) => c.pin),
    );
    expect(scan.findings).toEqual([]);
    expect(world.watch.notifications.some((n) => CODES.some((c) => n.message.includes(c.pin)))).toBe(false);
  });

  /** What the front door was sent on the radio once the air was quiet: User Code frames to it. */
  async function userCodeFramesToFront() {
    const frames = framesOf(await settledFrames(world.stack.zwave.control, 2_000), [FRONT.node]);
    const toLock = frames.rows
      .filter((r) => r.commandClass === "User Code" && r.direction === "to_node")
      .reduce((sum, r) => sum + r.frames, 0);
    return { toLock, breakdown: breakdown(frames) };
  }
  const lostSince = (since: number) =>
    world.watch.events.filter((e) => e.type === "latchkey_codes_lost" && e.at >= since);
  const alertsSince = (since: number) => world.watch.notifications.filter((n) => n.at >= since);
  async function refillFront(): Promise<void> {
    const refill = await world.api.request("held/refill", { lockId: FRONT.entityId });
    expect(refill.ok).toBe(true);
    await world.api.waitForSnapshot((s) => s.held.length === 0 && allSynced(s), 120_000, true);
    for (const { pin } of CODES) expect(await slotsWith(world, FRONT.entityId, pin)).toHaveLength(1);
  }
  const heldLost = (s: { held: { lockId: string; reason: string }[] }) =>
    s.held.filter((h) => h.lockId === FRONT.entityId && h.reason === "codes_lost").length === 2;

  it("factory reset at the lock (it says “all user codes deleted”): one notice as lost codes, no per-slot alert, no write; Refill puts them back", async () => {
    const { control } = world.stack.zwave;
    await world.api.waitForSnapshot((s) => s.held.length === 0 && allSynced(s), 60_000);
    const since = Date.now();
    await control.resetCodes({ node: FRONT.node, report: true });
    await world.api.waitForSnapshot(heldLost, 30_000);
    figure(
      "lost codes noticed after the lock's reset report",
      `${((Date.now() - since) / 1000).toFixed(1)} s`,
    );
    await until(() => lostSince(since).length === 1, 10_000, "latchkey_codes_lost");
    expect(lostSince(since)[0]?.data).toMatchObject({ entity_id: FRONT.entityId, count: 2, refilled: false });
    await until(
      () => alertsSince(since).some((n) => /Front Door has lost 2/.test(n.message)),
      20_000,
      "the alert",
    );
    await new Promise((r) => setTimeout(r, 5_000));
    // One notice, naming the lock and the codes; nothing per slot, nothing about the keypad.
    expect(alertsSince(since).map((n) => n.message)).toEqual([
      "Front Door has lost 2 of Latchkey's codes (Mom, Dad) — a battery swap or a reset? Open Latchkey and tap Refill to put them back.",
    ]);
    expect(lostSince(since)).toHaveLength(1);
    expect(world.watch.writes.filter((w) => w.entityId === FRONT.entityId && w.at >= since)).toEqual([]);
    await refillFront();
  });

  it("power applied with the codes still there (a lock that idled its power status first): one checksum to the lock, nothing read, nothing said", async () => {
    const { control } = world.stack.zwave;
    await world.api.waitForSnapshot((s) => s.held.length === 0 && allSynced(s), 60_000);
    // HA's "Power has been applied" sensor turns on at a power-up report only from idle (or when HA makes it).
    await control.powerApplied({ node: FRONT.node, idle: true });
    await userCodeFramesToFront();
    await control.resetFrames();
    const since = Date.now();
    await control.powerApplied({ node: FRONT.node });
    await until(
      () => /Front Door's checksum matches the codes Latchkey knows there/.test(world.stack.addon.output()),
      30_000,
      "the checksum check",
    );
    const traffic = await userCodeFramesToFront();
    figure("frames for a power-up check, codes intact", traffic.breakdown);
    expect(traffic.toLock).toBe(1);
    expect(lostSince(since)).toEqual([]);
    expect(world.api.snapshot()?.held).toEqual([]);
  });

  it("a battery swap the driver never noticed (power applied, codes gone): checksum differs, listed slots read, one notice; Refill puts them back", async () => {
    const { control } = world.stack.zwave;
    await world.api.waitForSnapshot((s) => s.held.length === 0 && allSynced(s), 60_000);
    await control.powerApplied({ node: FRONT.node, idle: true });
    await userCodeFramesToFront();
    await control.resetCodes({ node: FRONT.node });
    await control.resetFrames();
    const since = Date.now();
    await control.powerApplied({ node: FRONT.node });
    await world.api.waitForSnapshot(heldLost, 60_000);
    figure("lost codes noticed after the power-up report", `${((Date.now() - since) / 1000).toFixed(1)} s`);
    await until(() => lostSince(since).length === 1, 10_000, "latchkey_codes_lost");
    await until(
      () => alertsSince(since).some((n) => /Front Door has lost 2/.test(n.message)),
      20_000,
      "the alert",
    );
    const traffic = await userCodeFramesToFront();
    figure("frames for a power-up check, codes lost", traffic.breakdown);
    // The checksum, then a Get for each slot the lock was listed to hold (Mom's and Dad's).
    expect(traffic.toLock).toBe(3);
    expect(world.watch.writes.filter((w) => w.entityId === FRONT.entityId && w.at >= since)).toEqual([]);
    await refillFront();
    expect(lostSince(since)).toHaveLength(1);
    const scan = await scanForSecrets(
      world,
      CODES.map((c) => c.pin),
    );
    expect(scan.findings).toEqual([]);
  });
});
