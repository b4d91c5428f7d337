import type { Code } from "../src/model/code";
import type { Lock } from "../src/model/lock";
import type { LockId } from "../src/model/primitives";
import type { SlotClaim } from "../src/model/slot-claim";
import type { StoreDocument } from "../addon/src/store/schema";

/** The benchmark's size: 20 locks × 250 slots, every slot claimed by one of 250 codes. */
export const LOCK_COUNT = 20;
export const SLOTS_PER_LOCK = 250;
export const CODE_COUNT = 250;
export const TIME_ZONE = "Europe/Amsterdam";
export const VERIFIED_AT = "2026-01-01T00:00:00.000Z";

const pad = (n: number, width: number) => String(n).padStart(width, "0");

export function lockIds(): LockId[] {
  return Array.from({ length: LOCK_COUNT }, (_, i) => `lock.door_${pad(i + 1, 2)}`);
}

export function lockName(index: number): string {
  return `Door ${pad(index + 1, 2)}`;
}

/** Real `Lock` objects as discovery builds them (see test/unit/fixtures.ts). */
export function locks(): Map<LockId, Lock> {
  return new Map(
    lockIds().map((id, i): [LockId, Lock] => [
      id,
      {
        id,
        deviceId: `dev-${pad(i + 1, 2)}`,
        nodeId: i + 2,
        name: lockName(i),
        area: null,
        available: true,
        nodeStatus: "alive",
        slotCount: SLOTS_PER_LOCK,
        slotCountSource: "setting",
        pinLength: { min: 4, max: 8 },
      },
    ]),
  );
}

/**
 * Six-digit PINs, all different. Six digits on purpose: the add-on masks every PIN in its log
 * lines, and a four-digit PIN such as "2026" would also mask parts of timestamps.
 */
export function pinOf(index: number): string {
  return String(100_000 + ((index * 7_919) % 900_000));
}

/** 250 codes on all 20 locks; a mix of plain codes, date-limited ones and ones with use limits. */
export function codes(): Code[] {
  const ids = lockIds();
  return Array.from({ length: CODE_COUNT }, (_, i): Code => {
    const base: Code = {
      id: `bench-code-${pad(i, 4)}`,
      name: `Person ${i + 1}`,
      pin: pinOf(i),
      lockIds: [...ids],
      enabled: true,
      rules: { weekly: [], burner: false },
      notify: { onUse: false, targets: [] },
      uses: 0,
      createdAt: `2026-01-01T00:${pad(Math.floor(i / 60), 2)}:${pad(i % 60, 2)}.000Z`,
      updatedAt: VERIFIED_AT,
    };
    if (i % 5 === 1)
      base.rules = {
        weekly: [],
        burner: false,
        validFrom: "2020-01-01T00:00:00.000Z",
        validUntil: "2099-12-31T23:59:00.000Z",
      };
    if (i % 5 === 2) base.rules = { weekly: [], burner: false, maxUses: 10_000 };
    if (i % 25 === 3) base.notify = { onUse: true, targets: ["persistent_notification"] };
    return base;
  });
}

/** The observation of a slot that holds `pin`, confirmed by the lock's own report. */
export function setObserved(pin: string): SlotClaim["observed"] {
  return { status: "set", pin, confirmed: true, verifiedAt: VERIFIED_AT, via: "lock_report" };
}

/** Claims with every slot in step: what the store holds after a completed first sync. */
export function syncedClaims(
  fromAllocation: readonly SlotClaim[],
  byCode: ReadonlyMap<string, Code>,
): SlotClaim[] {
  return fromAllocation.map((claim) => {
    const codeId = claim.owner.kind === "code" ? claim.owner.codeId : "";
    const code = byCode.get(codeId);
    if (!code) throw new Error(`bench: claim for unknown code ${codeId}`);
    return { ...claim, observed: setObserved(code.pin) };
  });
}

export function syncedDocument(allCodes: Code[], claims: SlotClaim[]): StoreDocument {
  return { version: 3, codes: allCodes, claims, locks: [] };
}

/** slot → PIN per lock, to pre-fill the HA fake's locks so they hold what the store says. */
export function lockContents(claims: readonly SlotClaim[]): Map<LockId, Record<number, string>> {
  const out = new Map<LockId, Record<number, string>>();
  for (const claim of claims) {
    if (claim.observed.status !== "set") continue;
    const slots = out.get(claim.lockId) ?? {};
    slots[claim.slot] = claim.observed.pin;
    out.set(claim.lockId, slots);
  }
  return out;
}
