import type { HaClient, HaEvent } from "./client";

/** The HA event types Latchkey listens to. */
export type HaEventType =
  "state_changed" | "zwave_js_notification" | "mobile_app_notification_action" | "call_service";

/**
 * The one place HA's events come in: each event type is subscribed once and parsed once, and
 * handed to every part that asked for it (a state change feeds the lock directory and the door
 * activity alike). Handlers register before `start`.
 */
export class HaEventIntake {
  private readonly handlers = new Map<HaEventType, ((event: HaEvent) => void)[]>();
  private started = false;

  on(type: HaEventType, handler: (event: HaEvent) => void): void {
    if (this.started) throw new Error(`Register handlers for ${type} before the intake starts.`);
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), handler]);
  }

  /** Subscribes every type a handler asked for; home-assistant-js-websocket re-subscribes after a reconnect. */
  async start(client: HaClient): Promise<void> {
    this.started = true;
    for (const [type, handlers] of this.handlers)
      await client.subscribeEvents(type, (event) => {
        for (const handler of handlers) handler(event);
      });
  }
}
