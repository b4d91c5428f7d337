import type { LockId } from "../../../src/model/primitives";
import type { SlotObservation } from "../../../src/model/slot-claim";
import { NOT_A_PIN, type LockListing, type SlotHolding } from "../zwave/code-inventory";

/** A slot a lock reported changed at its keypad, that Latchkey owns no claim on: to be read. */
export interface SlotToRead {
  lockId: LockId;
  slot: number;
}

/**
 * The codes found on each lock, Latchkey's or not: what HA's inventory listed (slot → PIN, null
 * if unreadable) and which slots it could not tell (never read by the driver); where HA cannot
 * list a lock's codes, what reading single slots found; and the slots changed at a keypad that
 * are still to be read. What is read is kept until Latchkey restarts; a slot it forgot is read again.
 */
export class FoundCodes {
  private listed = new Map<LockId, Map<number, SlotHolding>>();
  private unknown = new Map<LockId, Set<number>>();
  private readonly read = new Map<LockId, Map<number, SlotHolding>>();
  private readonly changed = new Map<string, SlotToRead>();
  /** Locks whose codes have never been listed (the listing failed): no new slot is picked there. */
  private failed = new Set<LockId>();
  private relist: NodeJS.Timeout | undefined;
  /** Counts the listings taken: what was settled against one listing is asked again after the next. */
  private listings = 0;

  constructor(
    /** Reads HA again, for a lock that could not list its codes. */
    private readonly relistLater: () => void,
    private readonly relistMs = 60_000,
  ) {}

  /** A new inventory. A lock that failed to list keeps what it listed before; one never listed waits, and is asked again. */
  take(listings: Map<LockId, LockListing>, failed: ReadonlySet<LockId>): void {
    const listed = new Map([...listings].map(([lockId, listing]) => [lockId, listing.taken] as const));
    const unknown = new Map([...listings].map(([lockId, listing]) => [lockId, listing.unknown] as const));
    const never = new Set<LockId>();
    for (const lockId of failed) {
      const before = this.listed.get(lockId);
      if (before) listed.set(lockId, before);
      else never.add(lockId);
      unknown.set(lockId, this.unknown.get(lockId) ?? new Set());
    }
    this.listed = listed;
    this.unknown = unknown;
    this.failed = never;
    this.listings++;
    clearTimeout(this.relist);
    if (never.size === 0) return;
    this.relist = setTimeout(this.relistLater, this.relistMs);
    this.relist.unref();
  }

  /** Which listing the facts come from (a new number after every listing). */
  get listingNumber(): number {
    return this.listings;
  }

  /** Whether the listing left slots of a lock unknown (never read by the driver). */
  hasUnknown(lockId: LockId): boolean {
    return (this.unknown.get(lockId)?.size ?? 0) > 0;
  }

  /**
   * What each taken slot of a lock was listed to hold — where no slot changed at the keypad
   * waits to be read; null otherwise. Unknown slots are not in it.
   */
  listedHoldings(lockId: LockId): Map<number, SlotHolding> | null {
    const listed = this.listed.get(lockId);
    if (!listed || this.failed.has(lockId)) return null;
    if ([...this.changed.values()].some((c) => c.lockId === lockId)) return null;
    return new Map(listed);
  }

  /** The lock itself confirmed that the slots nobody had read are empty (its User Code checksum). */
  settleUnknown(lockId: LockId): void {
    this.unknown.set(lockId, new Set());
  }

  /**
   * What HA listed for a lock (and Latchkey's own writes since): its taken slots and the ones
   * nobody knows. Undefined where HA cannot list that lock's codes, or never could.
   */
  listing(lockId: LockId): { taken: ReadonlySet<number>; unknown: ReadonlySet<number> } | undefined {
    const listed = this.listed.get(lockId);
    if (!listed || this.failed.has(lockId)) return undefined;
    return { taken: new Set(listed.keys()), unknown: this.unknown.get(lockId) ?? new Set() };
  }

  /** Locks whose codes could not be listed yet. */
  get unlisted(): ReadonlySet<LockId> {
    return this.failed;
  }

  /**
   * Whether a slot picked for a code must be read before it is written: HA cannot list the
   * lock's codes, or its listing could not tell what the slot holds.
   */
  mustReadFirst(lockId: LockId, slot: number): boolean {
    if (this.failed.has(lockId)) return true;
    return !this.listed.has(lockId) || (this.unknown.get(lockId)?.has(slot) ?? false);
  }

  /** What was found in a slot; undefined where nothing was found, or what was found is stale. */
  holding(lockId: LockId, slot: number): SlotHolding | undefined {
    // Changed at the keypad and not read yet: listed again once the read tells what is there.
    if (this.changed.has(key(lockId, slot))) return undefined;
    return (this.listed.get(lockId) ?? this.read.get(lockId))?.get(slot);
  }

  /** The slots found taken, per lock; a slot changed at the keypad counts until it is read. */
  takenSlots(): Map<LockId, Set<number>> {
    const taken = new Map(this.everyLock().map(([lockId, slots]) => [lockId, new Set(slots.keys())]));
    for (const { lockId, slot } of this.changed.values())
      taken.set(lockId, new Set(taken.get(lockId)).add(slot));
    return taken;
  }

  /** Taken slots with a PIN or an unreadable code (not a tag or fingerprint). */
  codeSlots(): { lockId: LockId; slot: number }[] {
    return this.everyLock().flatMap(([lockId, slots]) =>
      [...slots.keys()]
        .filter((slot) => {
          const holding = this.holding(lockId, slot);
          return holding !== undefined && holding !== NOT_A_PIN;
        })
        .map((slot) => ({ lockId, slot })),
    );
  }

  /** PINs found on the locks: secrets too, though Latchkey did not set them. */
  pins(): string[] {
    return this.everyLock().flatMap(([, slots]) =>
      [...slots.values()].filter((pin): pin is string => typeof pin === "string"),
    );
  }

  /**
   * A lock reported slots changed at its keypad where Latchkey owns no claim. The driver may
   * keep what it cached before (a lock that sends only its Access Control notification), so
   * each slot is read; until then it counts as taken.
   */
  changedAtKeypad(lockId: LockId, slots: readonly number[]): void {
    for (const slot of slots) this.changed.set(key(lockId, slot), { lockId, slot });
  }

  /** Slots changed at a keypad that are still to be read. */
  slotsToRead(): SlotToRead[] {
    return [...this.changed.values()];
  }

  /** A write found a slot empty or holding its PIN: the inventory follows until the lock is listed again. */
  learn(lockId: LockId, slot: number, observed: SlotObservation): void {
    this.known(lockId, slot);
    const listed = this.listed.get(lockId);
    if (listed && observed.status === "set") listed.set(slot, observed.pin);
    if (listed && observed.status === "empty") listed.delete(slot);
    // Where nothing lists the lock, only what reads found is kept: Latchkey's own slots are in its claims.
    if (!listed) this.read.get(lockId)?.delete(slot);
  }

  /** A read found what a slot holds: someone's code (an empty PIN: one the lock does not give out), or nothing. */
  learnRead(lockId: LockId, slot: number, observed: SlotObservation): void {
    this.known(lockId, slot);
    if (observed.status === "unknown") return;
    const slots = this.listed.get(lockId) ?? this.read.get(lockId) ?? new Map<number, SlotHolding>();
    if (observed.status === "empty") slots.delete(slot);
    else slots.set(slot, observed.pin === "" ? null : observed.pin);
    if (!this.listed.has(lockId)) this.read.set(lockId, slots);
  }

  stop(): void {
    clearTimeout(this.relist);
  }

  private known(lockId: LockId, slot: number): void {
    this.unknown.get(lockId)?.delete(slot);
    this.changed.delete(key(lockId, slot));
  }

  private everyLock(): [LockId, Map<number, SlotHolding>][] {
    return [...this.listed, ...[...this.read].filter(([lockId]) => !this.listed.has(lockId))];
  }
}

const key = (lockId: LockId, slot: number) => `${lockId}#${slot}`;
