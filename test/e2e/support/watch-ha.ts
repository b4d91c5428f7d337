import { z } from "zod";
import { haWs, type HaWs } from "../../stack/ha/index";

export interface Notification {
  message: string;
  title: string | null;
  at: number;
}

const CallServiceSchema = z
  .object({
    domain: z.string(),
    service: z.string(),
    service_data: z.record(z.string(), z.unknown()).optional(),
  })
  .loose();
const NotificationsSchema = z
  .object({
    notifications: z.record(
      z.string(),
      z
        .object({
          message: z.string(),
          title: z.string().nullable().optional(),
          created_at: z.string().optional(),
        })
        .loose(),
    ),
  })
  .loose();

/** zwave_js actions that change what a lock holds: User Code, and the credential actions (2026.6+). */
export const CODE_WRITES: ReadonlySet<string> = new Set([
  "set_lock_usercode",
  "clear_lock_usercode",
  "set_user",
  "set_credential",
  "delete_user",
  "delete_all_users",
  "delete_credential",
  "delete_all_credentials",
]);

/**
 * Watches real HA as an admin client: every Z-Wave JS code write (HA echoes each service call
 * on its bus), the events Latchkey fires, and persistent notifications as they appear.
 */
export class HaWatch {
  readonly writes: { service: string; entityId: string; at: number }[] = [];
  readonly events: { type: string; data: Record<string, unknown>; at: number }[] = [];
  readonly notifications: Notification[] = [];

  private constructor(readonly ws: HaWs) {}

  static async start(url: string, token: string): Promise<HaWatch> {
    const watch = new HaWatch(await haWs(url, token));
    await watch.ws.subscribeEvents("call_service", (event) => {
      const call = CallServiceSchema.safeParse(event.data);
      if (!call.success || call.data.domain !== "zwave_js" || !CODE_WRITES.has(call.data.service)) return;
      const entity = call.data.service_data?.entity_id;
      watch.writes.push({
        service: call.data.service,
        entityId: Array.isArray(entity) ? String(entity[0]) : String(entity),
        at: Date.now(),
      });
    });
    for (const type of [
      "latchkey_code_used",
      "latchkey_lock_activity",
      "latchkey_code_changed",
      "latchkey_codes_lost",
    ]) {
      await watch.ws.subscribeEvents(type, (event) => {
        watch.events.push({ type, data: event.data, at: Date.now() });
      });
    }
    const seen = new Set<string>();
    await watch.ws.subscribe("persistent_notification/subscribe", {}, (raw) => {
      const parsed = NotificationsSchema.safeParse(raw);
      if (!parsed.success) return;
      for (const [id, n] of Object.entries(parsed.data.notifications)) {
        // The same alert made again (its id reused, a lock that lost its codes twice) is another one.
        const key = `${id}|${n.message}|${n.created_at ?? ""}`;
        if (seen.has(key)) continue;
        seen.add(key);
        watch.notifications.push({ message: n.message, title: n.title ?? null, at: Date.now() });
      }
    });
    return watch;
  }

  async close(): Promise<void> {
    await this.ws.close();
  }
}

export async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 30_000,
  what = "condition",
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
