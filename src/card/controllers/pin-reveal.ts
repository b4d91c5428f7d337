import type { ReactiveController, ReactiveControllerHost } from "lit";

/** How long a revealed PIN stays on screen unless hidden sooner. */
export const REVEAL_MS = 10_000;

/**
 * The PINs an admin revealed, each hidden again after REVEAL_MS or when asked. While one shows,
 * the host re-renders every second so its countdown ("Hides in 7 s") is visible; nothing is
 * kept once the host leaves the page.
 */
export class PinReveal implements ReactiveController {
  private readonly shown = new Map<string, { pin: string; until: number }>();
  private ticker: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  pin(codeId: string): string | undefined {
    return this.shown.get(codeId)?.pin;
  }

  /** Whole seconds until the PIN hides, at least 1 while it shows. */
  secondsLeft(codeId: string): number {
    const until = this.shown.get(codeId)?.until ?? 0;
    return Math.max(1, Math.ceil((until - Date.now()) / 1000));
  }

  show(codeId: string, pin: string): void {
    this.shown.set(codeId, { pin, until: Date.now() + REVEAL_MS });
    this.ticker ??= setInterval(() => {
      this.tick();
    }, 1000);
    this.host.requestUpdate();
  }

  hide(codeId: string): void {
    this.shown.delete(codeId);
    this.tick();
  }

  hostDisconnected(): void {
    this.shown.clear();
    clearInterval(this.ticker);
    this.ticker = undefined;
  }

  private tick(): void {
    const now = Date.now();
    for (const [codeId, { until }] of this.shown) if (until <= now) this.shown.delete(codeId);
    if (this.shown.size === 0) {
      clearInterval(this.ticker);
      this.ticker = undefined;
    }
    this.host.requestUpdate();
  }
}
