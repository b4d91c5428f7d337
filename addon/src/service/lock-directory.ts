import { z } from "zod";
import type { Lock } from "../../../src/model/lock";
import type { LockId } from "../../../src/model/primitives";
import type { Options } from "../config";
import { lockMap } from "../core/discover";
import { returnedLocks } from "../core/lock-returns";
import type { LockSensor } from "../core/lock-sensors";
import type { Logger } from "../log/logger";
import { FoundCodes } from "./found-codes";
import { availabilityChanged, availabilityMoved } from "./lock-watch";
import { readLocks, type LockSources } from "./read-locks";

const StateSchema = z.object({ state: z.string() }).loose();

/** How often to read HA again while it reports that it is still starting. */
const STARTUP_RECHECK_MS = 2_000;

export interface LockDirectoryDeps {
  options: Options;
  log: Logger;
  /** How soon to ask again for the codes of a lock that could not list them. */
  relistMs?: number;
  /** How long after asking a returned lock's codes to be read again it is listed again. */
  rereadMs?: number;
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
  private sensors = new Map<string, LockSensor>();
  /** Each lock's state as HA last said ("locked", "unlocked", "jammed", …). */
  private readonly doorStates = new Map<LockId, string>();
  private lang = "en";
  private startupRecheck: NodeJS.Timeout | undefined;
  private matterRelist: NodeJS.Timeout | undefined;
  private rereadTimer: NodeJS.Timeout | undefined;
  private readonly watchedNodes = new Set<LockId>();
  private readonly reread = new Set<LockId>();
  /** The last read of HA was taken with HA running, not starting (core/lock-returns.ts). */
  private lastReadWhileRunning = true;
  /** Locks whose slots were asked to be read again, listed once that had time. */
  private readonly awaitingListing = new Set<LockId>();
  private vouch: ((lock: Lock) => Promise<boolean>) | null = null;
  private readonly listeners = new Set<() => Promise<void>>();
  /** The read of HA in flight, and the one that follows it when something changed meanwhile. */
  private reading: Promise<void> | null = null;
  private following: Promise<void> | null = null;

  /** The codes found on each lock. */
  readonly found: FoundCodes;

  constructor(private readonly deps: LockDirectoryDeps) {
    this.found = new FoundCodes(() => {
      this.refreshInBackground();
    }, deps.relistMs);
  }

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
    const before = this.locks;
    this.locks = lockMap(reading.locks);
    // A lock back from being away (its batteries swapped, a reset) may have forgotten its codes
    // while the driver's cache still lists them: it is checked.
    this.recheck(returnedLocks(before, this.locks, this.lastReadWhileRunning));
    this.lastReadWhileRunning = reading.haRunning;
    this.watchNodes(sources);
    this.sensors = reading.sensors;
    for (const [lockId, state] of reading.doorStates) this.doorStates.set(lockId, state);
    this.zone = reading.timeZone;
    this.lang = reading.language;
    if (reading.occupied) this.found.take(reading.occupied, reading.unlisted);
    this.recheckWhileStarting(reading.haRunning);
    for (const listener of this.listeners) await listener();
  }

  /** Tells the directory how to ask a lock whether it holds what Latchkey believes (its checksum). */
  vouchWith(vouch: (lock: Lock) => Promise<boolean>): void {
    this.vouch = vouch;
  }

  /**
   * Locks that may have forgotten their codes (back from being away, their power applied again).
   * One question first: a lock whose checksum matches what Latchkey believes lost nothing, and
   * nothing more is sent. Otherwise (a mismatch, a lock with no checksum) the slots listed taken
   * are read from the lock again, and the lock is listed once that had time — so lost codes are
   * noticed (service.ts).
   */
  recheck(locks: readonly Lock[]): void {
    const rereadCodes = this.sources?.rereadCodes;
    if (!rereadCodes || locks.length === 0) return;
    const check = async (lock: Lock): Promise<boolean> => {
      const vouched = this.vouch ? await this.vouch(lock).catch(() => false) : false;
      if (vouched) {
        this.deps.log.info(
          `${lock.name}'s checksum matches the codes Latchkey knows there: nothing was lost.`,
        );
        return false;
      }
      await rereadCodes(lock, [...(this.found.listing(lock.id)?.taken ?? [])]).catch((error: unknown) => {
        this.deps.log.warn(`Could not ask ${lock.name}'s codes to be read again.`, error);
      });
      return true;
    };
    void Promise.all(locks.map(check)).then((reread) => {
      const toList = locks.filter((_lock, i) => reread[i]);
      if (toList.length === 0) return;
      for (const lock of toList) this.awaitingListing.add(lock.id);
      clearTimeout(this.rereadTimer);
      this.rereadTimer = setTimeout(() => {
        for (const lockId of this.awaitingListing) this.reread.add(lockId);
        this.awaitingListing.clear();
        this.refreshInBackground();
      }, this.deps.rereadMs ?? 3_000);
      this.rereadTimer.unref();
    });
  }

  /**
   * The locks read again after being away whose listing is in, each handed out once: only there
   * may empty slots mean the lock forgot its codes (any other listing may just follow someone
   * clearing a code through HA).
   */
  takeReread(): LockId[] {
    const locks = [...this.reread];
    this.reread.clear();
    return locks;
  }

  /**
   * HA is back after a lost connection: its node status subscriptions went with the old one,
   * so each lock's node is watched anew by the read that follows.
   */
  reconnected(): void {
    this.watchedNodes.clear();
    this.refreshInBackground();
  }

  /** Each lock's node, watched once per connection: dead or alive again, the locks are read again. */
  private watchNodes(sources: LockSources): void {
    const { watchNode } = sources;
    if (!watchNode) return;
    for (const lock of this.locks.values()) {
      if (this.watchedNodes.has(lock.id)) continue;
      this.watchedNodes.add(lock.id);
      watchNode(lock, () => {
        this.refreshInBackground();
      }).catch((error: unknown) => {
        this.watchedNodes.delete(lock.id);
        this.deps.log.warn(`Could not follow ${lock.name}'s node status.`, error);
      });
    }
  }

  /** A state change in HA: re-read when it changes what Latchkey may do with a lock. */
  stateChanged(entityId: string, newState: unknown, oldState: unknown): void {
    const state = this.locks.has(entityId) ? StateSchema.safeParse(newState).data?.state : undefined;
    if (state !== undefined) this.doorStates.set(entityId, state);
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

  /** A jam or keypad-lockout sensor of one of the locks. */
  sensor(entityId: string): LockSensor | undefined {
    return this.sensors.get(entityId);
  }

  /** The lock's state as HA last reported it (read with the locks, then from its state changes). */
  doorState(lockId: LockId): string | undefined {
    return this.doorStates.get(lockId);
  }

  lockName(lockId: LockId): string {
    return this.locks.get(lockId)?.name ?? lockId;
  }

  /**
   * A Matter lock tells HA nothing of a PIN added or removed from another controller (a vendor
   * app): while there is one, HA is read again every `everyMs`. Listing a Matter lock walks its
   * user table (one GetUser per user on the lock's radio), so this is hourly by default; the
   * Z-Wave locks are listed from the driver's cache, with nothing on the air.
   */
  relistMatterLocksEvery(everyMs: number): void {
    if (everyMs <= 0 || this.matterRelist) return;
    this.matterRelist = setInterval(() => {
      if (this.list().some((lock) => lock.protocol === "matter")) this.refreshInBackground();
    }, everyMs);
    this.matterRelist.unref();
  }

  stop(): void {
    this.found.stop();
    clearTimeout(this.startupRecheck);
    clearInterval(this.matterRelist);
    clearTimeout(this.rereadTimer);
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
}
