import { z } from "zod";
import type { HaClient } from "../ha/client";
import { HaCommandError } from "../ha/errors";
import type { Logger } from "../log/logger";
import type { LockId } from "../../../src/model/primitives";
import type { Messages } from "../i18n/messages";
import { lockActionId } from "./lock-action";

/** How many events wait for HA at most; past that the oldest goes (with a log line). */
const MAX_WAITING_EVENTS = 500;

interface PendingEvent {
  eventType: `latchkey_${string}`;
  data: Record<string, unknown>;
}

/** What an alert may carry besides its text. */
export interface AlertExtras {
  /** A lock to offer "Lock it" for on phone (mobile_app) notifications. */
  lockAction?: LockId | undefined;
  /**
   * Alerts with the same tag replace each other instead of piling up: a phone's notification
   * (companion app `tag`, alerting once) and HA's persistent notification (`notification_id`).
   */
  tag?: string | undefined;
}

/**
 * Sends alerts to HA notify targets and fires `latchkey_*` events for automations. Callers
 * pass finished sentences; nothing here ever receives a PIN. A failing target is logged,
 * never retried in a loop and never blocks the others. Events raised while HA is away wait,
 * in order, and are fired once it is back: an automation hears of every edit.
 */
export class Notifier {
  private readonly waiting: PendingEvent[] = [];
  private flushing = false;

  constructor(
    private readonly client: HaClient,
    private readonly log: Logger,
    /** The household's language, for the button this adds ("Lock it"). */
    private readonly messages: () => Messages,
  ) {
    client.onReconnect(() => {
      void this.flush();
    });
  }

  async notify(
    targets: readonly string[],
    title: string,
    message: string,
    extras: AlertExtras = {},
  ): Promise<void> {
    const { lockAction, tag } = extras;
    await Promise.all(
      [...new Set(targets)].map(async (target) => {
        try {
          if (target === "persistent_notification") {
            await this.client.callService("persistent_notification", "create", {
              title,
              message,
              ...(tag ? { notification_id: tag } : {}),
            });
          } else {
            const phone = target.startsWith("notify.mobile_app_");
            const data = {
              ...(lockAction && phone
                ? {
                    actions: [{ action: lockActionId(lockAction), title: this.messages()("notify.lock_it") }],
                  }
                : {}),
              ...(tag && phone ? { tag, alert_once: true } : {}),
            };
            await this.client.callService("notify", target.replace(/^notify\./, ""), {
              title,
              message,
              ...(Object.keys(data).length > 0 ? { data } : {}),
            });
          }
        } catch (error) {
          this.log.warn(`Could not notify ${target}.`, error);
        }
      }),
    );
  }

  async fire(eventType: `latchkey_${string}`, data: Record<string, unknown>): Promise<void> {
    // Behind events still waiting, so automations hear them in the order they happened.
    if (!this.client.connected || this.flushing || this.waiting.length > 0) {
      this.hold({ eventType, data });
      return;
    }
    if (!(await this.send({ eventType, data }))) this.hold({ eventType, data });
  }

  /** Fires the waiting events in order; stops (and keeps the rest) if HA goes away again. */
  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.waiting.length > 0 && this.client.connected) {
        const next = this.waiting[0];
        if (!next || !(await this.send(next))) break;
        this.waiting.shift();
      }
    } finally {
      this.flushing = false;
    }
  }

  /** True once HA took the event (or refused it for good: logged, not retried); false if HA went away. */
  private async send(event: PendingEvent): Promise<boolean> {
    try {
      await this.client.command(z.unknown(), {
        type: "fire_event",
        event_type: event.eventType,
        event_data: event.data,
      });
      return true;
    } catch (error) {
      if (error instanceof HaCommandError && error.code === "connection_lost") return false;
      this.log.warn(`Could not fire ${event.eventType}.`, error);
      return true;
    }
  }

  private hold(event: PendingEvent): void {
    this.waiting.push(event);
    if (this.waiting.length === 1)
      this.log.info(`Home Assistant is away; ${event.eventType} waits until it is back.`);
    if (this.waiting.length <= MAX_WAITING_EVENTS) return;
    const dropped = this.waiting.shift();
    this.log.warn(
      `Too many events waiting for Home Assistant; dropped the oldest (${dropped?.eventType ?? "?"}).`,
    );
  }
}
