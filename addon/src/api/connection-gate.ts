/**
 * Caps on what unauthenticated peers can make the add-on hold: open connections (in total and
 * per address) and logins with HA running at once. A refusal says which limit was hit.
 */
export class ConnectionGate {
  private total = 0;
  private readonly perKey = new Map<string, number>();

  constructor(private readonly limits: { maxConnections: number; maxPerAddress: number }) {}

  /** Takes a place for a new connection from `key`, or says why there is none. */
  admit(key: string): { release: () => void } | { refused: string } {
    const fromKey = this.perKey.get(key) ?? 0;
    if (this.total >= this.limits.maxConnections)
      return {
        refused: `Latchkey already has ${this.limits.maxConnections} connections open; try again later.`,
      };
    if (fromKey >= this.limits.maxPerAddress)
      return {
        refused: `Latchkey already has ${this.limits.maxPerAddress} connections from this address; close some tabs.`,
      };
    this.total++;
    this.perKey.set(key, fromKey + 1);
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.total--;
        const left = (this.perKey.get(key) ?? 1) - 1;
        if (left === 0) this.perKey.delete(key);
        else this.perKey.set(key, left);
      },
    };
  }
}

/** At most `max` logins at once; one more is refused rather than queued (a queue is memory too). */
export class LoginGate {
  private running = 0;

  constructor(private readonly max: number) {}

  /** The work's result, or `busy` when `max` logins are already running. */
  async run<T>(work: () => Promise<T>): Promise<T | typeof BUSY> {
    if (this.running >= this.max) return BUSY;
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
    }
  }
}

export const BUSY = Symbol("busy");
