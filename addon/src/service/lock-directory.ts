import type { Lock } from "../../../src/model/lock";
import type { LockId } from "../../../src/model/primitives";
import type { SlotObservation } from "../../../src/model/slot-claim";
import type { Options } from "../config";
import { lockMap } from "../core/discover";
import type { Logger } from "../log/logger";
import { NOT_A_PIN, type SlotHolding } from "../zwave/code-inventory";
import { availabilityChanged, availabilityMoved } from "./lock-watch";
import { readLocks, type LockSources } from "./read-locks";

/** How often to read HA again while it reports that it is still starting. */
const STARTUP_RECHECK_MS = 2_000;

export interface LockDirectoryDeps {
  options: Options;
  log: Logger;
  /** How soon to ask again for the codes of a lock that could not list them. */
  relistMs?: number;
}

/**
 * What Latchkey knows about the locks from Home Assistant: the locks themselves, the home's
 * time zone and language, and the codes found on each lock. Re-read after every (re)connect,
 * when a lock's availability changes, while HA is starting, and while a lock could not list
 * its codes.
 */
export class LockDirectory {
  private locks = new Map<LockId, Lock>();
  private sources: LockSources | null = null;
  private zone = "UTC";
  private lang = "en";
  /** Codes found on each lock (slot → PIN, null if unreadable) by the last inventory; empty where HA cannot list them. */
  private occupied = new Map<LockId, Map<number, SlotHolding>>();
  /**
   * Where HA cannot list a lock's codes: what reading single slots found there (slot → PIN,
   * null if unreadable). Kept until Latchkey restarts; a slot it forgot is read again.
   */
  private readonly learned = new Map<LockId, Map<number, SlotHolding>>();
  /** Locks whose codes have never been listed (the listing failed): no new slot is picked there. */
  private unlistedLocks = new Set<LockId>();
  private relist: NodeJS.Timeout | undefined;
  private startupRecheck: NodeJS.Timeout | undefined;
  private readonly listeners = new Set<() => Promise<void>>();
  /** The read of HA in flight, and the one that follows it when something changed meanwhile. */
  private reading: Promise<void> | null = null;
  private following: Promise<void> | null = null;

  constructor(private readonly deps: LockDirectoryDeps) {}

  /** Called after every read of HA, and awaited by it: the sync loop plans with the new facts. */
  onRefreshed(listener: () => Promise<void>): void {
    this.listeners.add(listener);
  }

  /** Reads HA through these sources from now on. */
  connect(sources: LockSources): void {
    this.sources = sources;
  }

  /**
   * Reads HA. One read at a time: asked while one is in flight, one more read follows it
   * (shared by everyone who asks meanwhile), so the facts always come from the newest read —
   * an older read that finished last once left a lock that was back marked unavailable.
   */
  refresh(): Promise<void> {
    if (!this.reading) {
      this.reading = this.readOnce().finally(() => {
        this.reading = null;
      });
      return this.reading;
    }
    this.following ??= this.reading
      .catch(() => undefined)
      .then(() => {
        this.following = null;
        return this.refresh();
      });
    return this.following;
  }

  private async readOnce(): Promise<void> {
    const sources = this.sources;
    if (!sources) return;
    const reading = await readLocks(sources, this.deps.options, this.deps.log);
    this.locks = lockMap(reading.locks);
    this.zone = reading.timeZone;
    this.lang = reading.language;
    if (reading.occupied) this.takeInventory(reading.occupied, reading.unlisted);
    this.recheckWhileStarting(reading.haRunning);
    for (const listener of this.listeners) await listener();
  }

  /** A state change in HA: re-read when it changes what Latchkey may do with a lock. */
  stateChanged(entityId: string, newState: unknown, oldState: unknown): void {
    // While a read is in flight the facts it compares with are about to change: any move of a
    // lock into or out of "unavailable" (or of HA's entity list) then asks for the read after it.
    const moved = this.reading !== null && availabilityMoved(entityId, newState, oldState);
    if (moved || availabilityChanged(this.locks, entityId, newState, oldState)) this.refreshInBackground();
  }

  /** Refreshes, logging a failure instead of passing it on (timers, event handlers). */
  refreshInBackground(): void {
    void this.refresh().catch((e: unknown) => {
      this.deps.log.error("Re-reading Home Assistant failed.", e);
    });
  }

  get timeZone(): string {
    return this.zone;
  }

  /** HA's language, for what the add-on tells the household (English until HA was read). */
  get language(): string {
    return this.lang;
  }

  get current(): ReadonlyMap<LockId, Lock> {
    return this.locks;
  }

  list(): Lock[] {
    return [...this.locks.values()];
  }

  lockOf(lockId: LockId): Lock | undefined {
    return this.locks.get(lockId);
  }

  /** Whether Latchkey knows this lock; cheap, for filters that see every state change in HA. */
  hasLock(entityId: string): boolean {
    return this.locks.has(entityId);
  }

  lockName(lockId: LockId): string {
    return this.locks.get(lockId)?.name ?? lockId;
  }

  /** Locks whose codes could not be listed yet. */
  get unlisted(): ReadonlySet<LockId> {
    return this.unlistedLocks;
  }

  /** What the last inventory (or a read of the slot) found in a slot; undefined where nothing was found. */
  holding(lockId: LockId, slot: number): SlotHolding | undefined {
    return this.found(lockId)?.get(slot);
  }

  /** Locks whose codes HA cannot list: a slot picked there is read before anything is written to it. */
  unlistable(): Set<LockId> {
    return new Set(
      [...this.locks.keys()].filter((id) => !this.occupied.has(id) && !this.unlistedLocks.has(id)),
    );
  }

  /** The slots found taken, per lock. */
  takenSlots(): Map<LockId, Set<number>> {
    return new Map(this.everyLock().map(([lockId, slots]) => [lockId, new Set(slots.keys())]));
  }

  /** Taken slots with a PIN or an unreadable code (not a tag or fingerprint), per lock. */
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
    const listed = this.occupied.get(lockId);
    if (listed && observed.status === "set") listed.set(slot, observed.pin);
    if (listed && observed.status === "empty") listed.delete(slot);
    // Where nothing lists the lock, only what reads found is kept: Latchkey's own slots are in its claims.
    if (!listed) this.learned.get(lockId)?.delete(slot);
  }

  /** A read found a slot taken, on a lock HA cannot list: someone's code (null: its PIN cannot be read). */
  learnTaken(lockId: LockId, slot: number, pin: string | null): void {
    const listed = this.occupied.get(lockId);
    if (listed) {
      listed.set(slot, pin);
      return;
    }
    const found = this.learned.get(lockId) ?? new Map<number, SlotHolding>();
    found.set(slot, pin);
    this.learned.set(lockId, found);
  }

  private found(lockId: LockId): Map<number, SlotHolding> | undefined {
    return this.occupied.get(lockId) ?? this.learned.get(lockId);
  }

  private everyLock(): [LockId, Map<number, SlotHolding>][] {
    return [...this.occupied, ...[...this.learned].filter(([lockId]) => !this.occupied.has(lockId))];
  }

  stop(): void {
    clearTimeout(this.relist);
    clearTimeout(this.startupRecheck);
  }

  /**
   * After a restart HA answers on its websocket before Z-Wave JS has set up its locks, and the
   * events that would tell us about them can pass before our subscriptions are back: read again
   * until HA says it is running.
   */
  private recheckWhileStarting(running: boolean): void {
    clearTimeout(this.startupRecheck);
    if (running) return;
    this.deps.log.info(
      `Home Assistant is still starting; reading the locks again in ${Math.round(STARTUP_RECHECK_MS / 1000)} s.`,
    );
    this.startupRecheck = setTimeout(() => {
      this.refreshInBackground();
    }, STARTUP_RECHECK_MS);
    this.startupRecheck.unref();
  }

  /** A lock that failed to list keeps what it listed before; one never listed waits, and is asked again. */
  private takeInventory(listed: Map<LockId, Map<number, SlotHolding>>, failed: ReadonlySet<LockId>): void {
    const next = new Map(listed);
    const unlisted = new Set<LockId>();
    for (const lockId of failed) {
      const before = this.occupied.get(lockId);
      if (before) next.set(lockId, before);
      else unlisted.add(lockId);
    }
    this.occupied = next;
    this.unlistedLocks = unlisted;
    clearTimeout(this.relist);
    if (unlisted.size === 0) return;
    this.relist = setTimeout(() => {
      this.refreshInBackground();
    }, this.deps.relistMs ?? 60_000);
    this.relist.unref();
  }
}
