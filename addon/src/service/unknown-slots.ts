import { isReachable, type Lock } from "../../../src/model/lock";
import type { LockId } from "../../../src/model/primitives";
import type { SlotClaim } from "../../../src/model/slot-claim";
import type { Operation } from "../core/operations";
import type { Logger } from "../log/logger";
import type { FoundCodes } from "./found-codes";

/**
 * Asks a lock whether it holds exactly one of these sets of codes, by slot, and nothing else —
 * true only when it says so (a User Code lock's checksum); false where it cannot tell.
 */
export type LockContentProbe = (
  lock: Lock,
  candidates: readonly ReadonlyMap<number, string>[],
) => Promise<boolean>;

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

  /**
   * Settles the locks where `planned` would read slots first; true when one was settled.
   * `inFlight` is the write running on a lock, which may or may not have landed when it answers.
   */
  async settle(
    planned: readonly SlotClaim[],
    stored: readonly SlotClaim[],
    lockOf: (id: LockId) => Lock | undefined,
    inFlight: (id: LockId) => Operation | null,
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
      const expected = expectedContents(this.found, lockId, stored, inFlight(lockId));
      if (typeof expected === "string") {
        this.log.debug(
          `Not every PIN on ${lock.name} is known (${expected}): its unread slots are read one by one.`,
        );
        continue;
      }
      const matches = await this.probe(lock, expected).catch(() => false);
      this.log.info(
        matches
          ? `${lock.name}'s checksum matches the ${expected[0]?.size ?? 0} code(s) Latchkey knows there: its unread slots are empty, none is read before writing.`
          : `${lock.name}'s checksum does not vouch for its unread slots: each is read before Latchkey writes there.`,
      );
      if (matches) {
        this.found.settleUnknown(lockId);
        settled = true;
      }
    }
    return settled;
  }
}

/**
 * What a lock holds if it holds what Latchkey believes, its unknown slots empty: the listing, with
 * Latchkey's own slots as it last saw them (HA's copy of a slot's digits may lag a write). A claim
 * not yet written or read leaves its slot as the listing has it: nothing was written there yet,
 * bar the write in flight (`running`), which may or may not have landed — so two candidates then.
 * Where a PIN is not known (a slot held, a code the lock does not give out), why.
 */
export function expectedContents(
  found: FoundCodes,
  lockId: LockId,
  stored: readonly SlotClaim[],
  running: Operation | null,
): ReadonlyMap<number, string>[] | string {
  const holdings = found.listedHoldings(lockId);
  if (!holdings) return "its listing is missing or a keypad change awaits a read";
  for (const claim of stored.filter((c) => c.lockId === lockId)) {
    if (claim.held) return `slot ${claim.slot} is held`;
    if (claim.observed.status === "set") holdings.set(claim.slot, claim.observed.pin);
    else if (claim.observed.status === "empty") holdings.delete(claim.slot);
  }
  const pins = new Map<number, string>();
  for (const [slot, holding] of holdings) {
    if (typeof holding !== "string") return `slot ${slot} is listed without its digits`;
    pins.set(slot, holding);
  }
  return withWriteInFlight(pins, running);
}

/**
 * The lock holds `pins`, or `pins` with the running write landed: Z-Wave answers one command at
 * a time, so the checksum is taken either before that write or after it.
 */
function withWriteInFlight(
  pins: ReadonlyMap<number, string>,
  running: Operation | null,
): ReadonlyMap<number, string>[] {
  if (!running || running.kind === "read") return [pins];
  const landed = new Map(pins);
  if (running.kind === "set") landed.set(running.slot, running.pin);
  else landed.delete(running.slot);
  return [pins, landed];
}
