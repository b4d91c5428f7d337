import type { ReactiveController, ReactiveControllerHost } from "lit";

/** Re-renders its host every minute while it is on the page, so "2 min ago" keeps counting. */
export class MinuteTicker implements ReactiveController {
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    clearInterval(this.timer);
    this.timer = setInterval(() => {
      this.host.requestUpdate();
    }, 60_000);
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
