import { isReachable, type Lock } from "../../../src/model/lock";
import type { LockId } from "../../../src/model/primitives";
import type { SlotClaim } from "../../../src/model/slot-claim";
import type { Logger } from "../log/logger";
import type { FoundCodes } from "./found-codes";

/**
 * Asks a lock whether it holds exactly these codes, by slot, and nothing else — true only when
 * it says so (a User Code lock's checksum); false where it cannot tell.
 */
export type LockContentProbe = (lock: Lock, pins: ReadonlyMap<number, string>) => Promise<boolean>;

/**
 * A slot the driver never read may hold a code set at the keypad, so Latchkey reads it before
 * writing there: one Get and its report per slot, a third of a first write's frames. One
 * question settles them all: if the lock's own checksum matches every code Latchkey knows on
 * it with the unknown slots empty, they are empty. Asked at most once per lock and listing, and
 * only when a new code is about to be read into such a slot.
 */
export class UnknownSlotSettler {
  private readonly asked = new Set<string>();

  constructor(
    private readonly probe: LockContentProbe,
    private readonly found: FoundCodes,
    private readonly log: Logger,
  ) {}

  /** Settles the locks where `planned` would read slots first; true when one was settled. */
  async settle(
    planned: readonly SlotClaim[],
    stored: readonly SlotClaim[],
    lockOf: (id: LockId) => Lock | undefined,
  ): Promise<boolean> {
    const storedSlots = new Set(stored.map((c) => `${c.lockId}#${c.slot}`));
    const locks = new Set(
      planned.filter((c) => c.readFirst && !storedSlots.has(`${c.lockId}#${c.slot}`)).map((c) => c.lockId),
    );
    let settled = false;
    for (const lockId of locks) {
      const lock = lockOf(lockId);
      const key = `${lockId}#${this.found.listingNumber}`;
      // A lock that cannot answer now is not asked (the plan waits for it anyway).
      if (!lock || !isReachable(lock) || this.asked.has(key) || !this.found.hasUnknown(lockId)) continue;
      this.asked.add(key);
      const pins = this.expectedPins(lockId, stored);
      if (!pins) {
        this.log.debug(`Not every PIN on ${lock.name} is known: its unread slots are read one by one.`);
        continue;
      }
      const matches = await this.probe(lock, pins).catch(() => false);
      this.log.info(
        matches
          ? `${lock.name}'s checksum matches the ${pins.size} code(s) Latchkey knows there: its unread slots are empty, none is read before writing.`
          : `${lock.name}'s checksum does not vouch for its unread slots: each is read before Latchkey writes there.`,
      );
      if (matches) {
        this.found.settleUnknown(lockId);
        settled = true;
      }
    }
    return settled;
  }

  /**
   * What the lock holds if its unknown slots are empty: the listing, with Latchkey's own slots as
   * it wrote them (HA's copy of a slot's digits may lag a write); null where a PIN is not known.
   */
  private expectedPins(lockId: LockId, stored: readonly SlotClaim[]): Map<number, string> | null {
    const holdings = this.found.listedHoldings(lockId);
    if (!holdings) return null;
    for (const claim of stored.filter((c) => c.lockId === lockId)) {
      if (claim.held || claim.observed.status === "unknown") return null;
      if (claim.observed.status === "set") holdings.set(claim.slot, claim.observed.pin);
      else holdings.delete(claim.slot);
    }
    const pins = new Map<number, string>();
    for (const [slot, holding] of holdings) {
      if (typeof holding !== "string") return null;
      pins.set(slot, holding);
    }
    return pins;
  }
}
