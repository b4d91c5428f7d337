import type { Code } from "../../src/model/code";
import type { Lock } from "../../src/model/lock";
import type { LockId } from "../../src/model/primitives";
import type { SlotClaim } from "../../src/model/slot-claim";

/** Small builders for tables of cases. They build real model objects, nothing else. */
export function lock(id: LockId, overrides: Partial<Lock> = {}): Lock {
  return {
    id,
    deviceId: `dev-${id}`,
    nodeId: 2,
    name: id.replace("lock.", "").replace(/_/g, " "),
    area: null,
    available: true,
    nodeStatus: "alive",
    slotCount: 30,
    slotCountSource: "setting",
    pinLength: { min: 4, max: 8 },
    ...overrides,
  };
}

export function code(id: string, overrides: Partial<Code> = {}): Code {
  return {
    id,
    name: id,
    pin: "4821",
    lockIds: [],
    enabled: true,
    rules: { weekly: [], burner: false },
    notify: { onUse: false, targets: [] },
    uses: 0,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    ...overrides,
  };
}

export function claim(
  lockId: LockId,
  slot: number,
  codeId: string,
  observed: SlotClaim["observed"] = { status: "unknown" },
): SlotClaim {
  return { lockId, slot, owner: { kind: "code", codeId }, observed };
}

export const AT = "2026-01-01T00:00:00.000Z";
export const setTo = (pin: string, confirmed = true): SlotClaim["observed"] => ({
  status: "set",
  pin,
  confirmed,
  verifiedAt: AT,
  via: "lock_report",
});
export const empty: SlotClaim["observed"] = {
  status: "empty",
  confirmed: true,
  verifiedAt: AT,
  via: "lock_report",
};
