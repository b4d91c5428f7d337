import type { LockId } from "../../../src/model/primitives";
import type { SlotObservation } from "../../../src/model/slot-claim";
import { NOT_A_PIN, type SlotHolding } from "../zwave/code-inventory";

/**
 * The codes found on each lock, Latchkey's or not: what HA's inventory listed (slot → PIN, null
 * if unreadable), and where HA cannot list a lock's codes, what reading single slots found.
 * What is read is kept until Latchkey restarts; a slot it forgot is read again.
 */
export class FoundCodes {
  private listed = new Map<LockId, Map<number, SlotHolding>>();
  private readonly read = new Map<LockId, Map<number, SlotHolding>>();
  /** Locks whose codes have never been listed (the listing failed): no new slot is picked there. */
  private failed = new Set<LockId>();
  private relist: NodeJS.Timeout | undefined;

  constructor(
    /** Reads HA again, for a lock that could not list its codes. */
    private readonly relistLater: () => void,
    private readonly relistMs = 60_000,
  ) {}

  /** A new inventory. A lock that failed to list keeps what it listed before; one never listed waits, and is asked again. */
  take(listed: Map<LockId, Map<number, SlotHolding>>, failed: ReadonlySet<LockId>): void {
    const next = new Map(listed);
    const never = new Set<LockId>();
    for (const lockId of failed) {
      const before = this.listed.get(lockId);
      if (before) next.set(lockId, before);
      else never.add(lockId);
    }
    this.listed = next;
    this.failed = never;
    clearTimeout(this.relist);
    if (never.size === 0) return;
    this.relist = setTimeout(this.relistLater, this.relistMs);
    this.relist.unref();
  }

  /** Locks whose codes could not be listed yet. */
  get unlisted(): ReadonlySet<LockId> {
    return this.failed;
  }

  /** Of these locks, those whose codes HA cannot list: a slot picked there is read before it is written. */
  unlistable(lockIds: Iterable<LockId>): Set<LockId> {
    return new Set([...lockIds].filter((id) => !this.listed.has(id) && !this.failed.has(id)));
  }

  /** What was found in a slot; undefined where nothing was found. */
  holding(lockId: LockId, slot: number): SlotHolding | undefined {
    return (this.listed.get(lockId) ?? this.read.get(lockId))?.get(slot);
  }

  /** The slots found taken, per lock. */
  takenSlots(): Map<LockId, Set<number>> {
    return new Map(this.everyLock().map(([lockId, slots]) => [lockId, new Set(slots.keys())]));
  }

  /** Taken slots with a PIN or an unreadable code (not a tag or fingerprint). */
  codeSlots(): { lockId: LockId; slot: number }[] {
    return this.everyLock().flatMap(([lockId, slots]) =>
      [...slots].filter(([, holding]) => holding !== NOT_A_PIN).map(([slot]) => ({ lockId, slot })),
    );
  }

  /** PINs found on the locks: secrets too, though Latchkey did not set them. */
  pins(): string[] {
    return this.everyLock().flatMap(([, slots]) =>
      [...slots.values()].filter((pin): pin is string => typeof pin === "string"),
    );
  }

  /** A write found a slot empty or holding its PIN: the inventory follows until the lock is listed again. */
  learn(lockId: LockId, slot: number, observed: SlotObservation): void {
    const listed = this.listed.get(lockId);
    if (listed && observed.status === "set") listed.set(slot, observed.pin);
    if (listed && observed.status === "empty") listed.delete(slot);
    // Where nothing lists the lock, only what reads found is kept: Latchkey's own slots are in its claims.
    if (!listed) this.read.get(lockId)?.delete(slot);
  }

  /** A read found a slot taken: someone's code (null: its PIN cannot be read). */
  learnTaken(lockId: LockId, slot: number, pin: string | null): void {
    const slots = this.listed.get(lockId) ?? this.read.get(lockId) ?? new Map<number, SlotHolding>();
    slots.set(slot, pin);
    if (!this.listed.has(lockId)) this.read.set(lockId, slots);
  }

  stop(): void {
    clearTimeout(this.relist);
  }

  private everyLock(): [LockId, Map<number, SlotHolding>][] {
    return [...this.listed, ...[...this.read].filter(([lockId]) => !this.listed.has(lockId))];
  }
}
