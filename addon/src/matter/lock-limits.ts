import type { Lock } from "../../../src/model/lock";
import type { HaClient } from "../ha/client";
import { askLock, LockInfoSchema, type LockInfo } from "./lock-answers";

/** A lock's limits change only with its firmware: asked once per read of HA, not per lock fact. */
const FRESH_MS = 30_000;

/** The PIN lengths a lock accepts, where it can say. */
export type PinLengthReader = (lock: Lock) => Promise<{ min: number; max: number } | null>;

export interface MatterLimits {
  /** Latchkey's slots on a Matter lock are its PIN credential indexes, 1..this. */
  slotCount: number | null;
  pinLength: { min: number; max: number } | null;
}

/** What `matter.get_lock_info` says about a lock's room for PINs and their length. */
export function limitsOf(info: LockInfo): MatterLimits {
  const slots = info.max_pin_users ?? info.max_users;
  const min = info.min_pin_length;
  const max = info.max_pin_length;
  return {
    slotCount:
      info.supports_user_management && info.supported_credential_types.includes("pin") && slots
        ? slots
        : null,
    pinLength: min && max && min <= max ? { min, max } : null,
  };
}

export class MatterLockInfo {
  private readonly known = new Map<string, { at: number; limits: Promise<MatterLimits> }>();

  constructor(
    private readonly client: HaClient,
    private readonly now: () => number = Date.now,
  ) {}

  /** The lock's limits, or null when it cannot say (asleep, offline): the settings apply then. */
  async limits(lock: Lock): Promise<MatterLimits | null> {
    const cached = this.known.get(lock.deviceId);
    if (cached && this.now() - cached.at < FRESH_MS) return cached.limits.catch(() => null);
    const limits = askLock(this.client, lock, "get_lock_info", LockInfoSchema).then(limitsOf);
    this.known.set(lock.deviceId, { at: this.now(), limits });
    return limits.catch(() => {
      this.known.delete(lock.deviceId);
      return null;
    });
  }
}
