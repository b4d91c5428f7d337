import { ZwaveNotificationSchema } from "../core/interpret";

const NOTIFICATION_CC = 113;
const ACCESS_CONTROL = 6;
/** Access Control event 15: "New user code not added due to duplicate code". */
const DUPLICATE_CODE = 15;

/** The lock (by HA device id) that refused a new code as a duplicate, if `eventData` says so. */
export function duplicateRefusalOf(eventData: unknown): string | null {
  const parsed = ZwaveNotificationSchema.safeParse(eventData);
  if (!parsed.success) return null;
  const { command_class, type, event, device_id } = parsed.data;
  return command_class === NOTIFICATION_CC && type === ACCESS_CONTROL && event === DUPLICATE_CODE
    ? device_id
    : null;
}

/**
 * Which locks refused a code as a duplicate, and when. The notice names no slot: a lock sends it
 * right after the Set it refuses, so the writer holds it against the slot it has just written.
 */
export class RefusalNotices {
  private readonly lastHeard = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Takes every `zwave_js_notification` event's data; keeps only refusals. */
  hear(eventData: unknown): void {
    const deviceId = duplicateRefusalOf(eventData);
    if (deviceId) this.lastHeard.set(deviceId, this.now());
  }

  /** The lock refused a code at or after `since` (ms since the epoch). */
  refusedSince(deviceId: string, since: number): boolean {
    return (this.lastHeard.get(deviceId) ?? -Infinity) >= since;
  }
}
