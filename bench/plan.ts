import { allocateSlots } from "../addon/src/core/allocate";
import { reconcile } from "../addon/src/core/reconcile";
import type { LockId } from "../src/model/primitives";
import type { StoreDocument } from "../addon/src/store/schema";
import { codes, lockContents, locks, syncedClaims, syncedDocument, TIME_ZONE } from "./fixture";
import { timeSync, type Timing } from "./stats";

export interface PlanResult {
  firstPlan: Timing;
  firstOps: number;
  firstClaims: number;
  steadyPlan: Timing;
  steadyOps: number;
  steadyRelease: number;
}

const RANGE = { first: 1, last: null };
const NOW = new Date("2026-06-15T12:00:00.000Z");

/**
 * What `LatchkeyService.sync` computes, with the real functions: allocate slots, then reconcile.
 * (a) from scratch: no claims yet, every pair gets a slot and a "set".
 * (b) steady state: every slot observed holding its PIN (and, as on newer HA, the lock's code
 * inventory marks all those slots occupied), so the plan is empty.
 */
export function benchPlan(warmup: number, runs: number): PlanResult {
  const allCodes = codes();
  const lockMap = locks();
  const none = new Map<LockId, ReadonlySet<number>>();

  let firstOps = 0;
  let firstClaims = 0;
  const firstPlan = timeSync(warmup, runs, () => {
    const allocation = allocateSlots(allCodes, [], lockMap, RANGE, none);
    const plan = reconcile(allCodes, allocation.claims, NOW, TIME_ZONE);
    firstOps = plan.operations.length;
    firstClaims = allocation.claims.length;
  });

  const fresh = allocateSlots(allCodes, [], lockMap, RANGE, none);
  const claims = syncedClaims(fresh.claims, new Map(allCodes.map((c) => [c.id, c])));
  const occupied = new Map(
    [...lockContents(claims)].map(([lockId, slots]): [LockId, ReadonlySet<number>] => [
      lockId,
      new Set(Object.keys(slots).map(Number)),
    ]),
  );

  let steadyOps = -1;
  let steadyRelease = -1;
  const steadyPlan = timeSync(warmup, runs, () => {
    const allocation = allocateSlots(allCodes, claims, lockMap, RANGE, occupied);
    const plan = reconcile(allCodes, allocation.claims, NOW, TIME_ZONE);
    steadyOps = plan.operations.length;
    steadyRelease = plan.release.length;
  });

  return { firstPlan, firstOps, firstClaims, steadyPlan, steadyOps, steadyRelease };
}

/** The synced store document of the benchmark's size, built with the real allocator. */
export function syncedStore(): StoreDocument {
  const allCodes = codes();
  const fresh = allocateSlots(allCodes, [], locks(), RANGE, new Map());
  if (fresh.full.length > 0) throw new Error(`bench: ${fresh.full.length} pairs found no slot`);
  const claims = syncedClaims(fresh.claims, new Map(allCodes.map((c) => [c.id, c])));
  return syncedDocument(allCodes, claims);
}
