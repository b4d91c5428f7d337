import { z } from "zod";
import type { HaClient } from "../ha/client";
import type { Logger } from "../log/logger";
import type { LockId } from "../../../src/model/primitives";
import type { Messages } from "../i18n/messages";
import { lockActionId } from "./lock-action";

/**
 * Sends alerts to HA notify targets and fires `latchkey_*` events for automations. Callers
 * pass finished sentences; nothing here ever receives a PIN. A failing target is logged,
 * never retried in a loop and never blocks the others.
 */
export class Notifier {
  constructor(
    private readonly client: HaClient,
    private readonly log: Logger,
    /** The household's language, for the button this adds ("Lock it"). */
    private readonly messages: () => Messages,
  ) {}

  /** `lockAction`: a lock to offer "Lock it" for on phone (mobile_app) notifications. */
  async notify(
    targets: readonly string[],
    title: string,
    message: string,
    lockAction?: LockId,
  ): Promise<void> {
    await Promise.all(
      [...new Set(targets)].map(async (target) => {
        try {
          if (target === "persistent_notification") {
            await this.client.callService("persistent_notification", "create", { title, message });
          } else {
            const actions =
              lockAction && target.startsWith("notify.mobile_app_")
                ? {
                    data: {
                      actions: [
                        { action: lockActionId(lockAction), title: this.messages()("notify.lock_it") },
                      ],
                    },
                  }
                : {};
            await this.client.callService("notify", target.replace(/^notify\./, ""), {
              title,
              message,
              ...actions,
            });
          }
        } catch (error) {
          this.log.warn(`Could not notify ${target}.`, error);
        }
      }),
    );
  }

  async fire(eventType: `latchkey_${string}`, data: Record<string, unknown>): Promise<void> {
    try {
      await this.client.command(z.unknown(), { type: "fire_event", event_type: eventType, event_data: data });
    } catch (error) {
      this.log.warn(`Could not fire ${eventType}.`, error);
    }
  }
}
