import type { Lock } from "../../../src/model/lock";
import type { LockId } from "../../../src/model/primitives";
import type { HaClient } from "../ha/client";
import type { Logger } from "../log/logger";
import { slotContent, USER_CODE_CC, ValueUpdatedTriggerSchema, type SlotContent } from "./user-code-values";

/** The latest report of each value with its arrival time: the two values arrive separately. */
interface SlotValues {
  userIdStatus?: { value: number; at: number };
  userCode?: { value: string; at: number };
}

type Waiter = { lockId: LockId; slot: number; since: number; expected: SlotContent; resolve: (ok: boolean) => void };

/**
 * Watches the locks' own User Code reports through HA's `zwave_js.value_updated` trigger
 * (works on every HA Latchkey supports). A write is "confirmed by the lock" when a report
 * newer than the write shows the expected content.
 */
export class SlotReports {
  private readonly values = new Map<string, SlotValues>();
  private readonly waiters = new Set<Waiter>();
  private readonly subscribed = new Map<string, () => Promise<void>>();
  private readonly lockByDevice = new Map<string, LockId>();

  constructor(
    private readonly client: HaClient,
    private readonly log: Logger,
  ) {}

  /** Subscribes to reports of locks not yet watched. Subscriptions survive reconnects (library resubscribes). */
  async watch(locks: readonly Lock[]): Promise<void> {
    for (const lock of locks) {
      this.lockByDevice.set(lock.deviceId, lock.id);
      if (this.subscribed.has(lock.deviceId)) continue;
      const unsubscribers: (() => Promise<void>)[] = [];
      for (const property of ["userCode", "userIdStatus"]) {
        const trigger = { platform: "zwave_js.value_updated", device_id: lock.deviceId, command_class: USER_CODE_CC, property };
        try {
          unsubscribers.push(await this.client.subscribeTrigger(trigger, (variables) => { this.onReport(variables); }));
        } catch (error) {
          this.log.warn(`Cannot watch user code reports of ${lock.id}; writes there stay unverified.`, error);
        }
      }
      this.subscribed.set(lock.deviceId, async () => { await Promise.all(unsubscribers.map((u) => u())); });
    }
  }

  /** Resolves true when the lock reports `expected` for the slot after `since`, false after `timeoutMs`. */
  waitFor(lockId: LockId, slot: number, expected: SlotContent, since: number, timeoutMs: number): Promise<boolean> {
    if (this.matches(lockId, slot, expected, since)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter: Waiter = { lockId, slot, since, expected, resolve };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        resolve(false);
      }, timeoutMs);
      waiter.resolve = (ok) => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve(ok);
      };
      this.waiters.add(waiter);
    });
  }

  private onReport(variables: unknown): void {
    const report = ValueUpdatedTriggerSchema.safeParse(variables);
    if (!report.success || report.data.command_class !== USER_CODE_CC) return;
    const lockId = this.lockByDevice.get(report.data.device_id);
    const slot = Number(report.data.property_key);
    if (!lockId || !Number.isInteger(slot)) return;
    const key = `${lockId}#${slot}`;
    const entry: SlotValues = { ...(this.values.get(key) ?? {}) };
    const value = report.data.current_value;
    if (report.data.property === "userIdStatus" && typeof value === "number") entry.userIdStatus = { value, at: Date.now() };
    if (report.data.property === "userCode" && typeof value === "string") entry.userCode = { value, at: Date.now() };
    this.values.set(key, entry);
    for (const waiter of this.waiters) {
      if (waiter.lockId === lockId && waiter.slot === slot && this.matches(lockId, slot, waiter.expected, waiter.since)) waiter.resolve(true);
    }
  }

  private matches(lockId: LockId, slot: number, expected: SlotContent, since: number): boolean {
    const entry = this.values.get(`${lockId}#${slot}`);
    const fresh = <T>(report: { value: T; at: number } | undefined) => (report && report.at >= since ? report.value : undefined);
    const content = slotContent(fresh(entry?.userIdStatus), fresh(entry?.userCode));
    if (!content) return false;
    return content.status === expected.status && (content.status === "empty" || (expected.status === "set" && content.pin === expected.pin));
  }

  /** Slots the locks reported holding a code, with that code (lockId → slot → PIN). */
  occupied(): Map<LockId, Map<number, string>> {
    const result = new Map<LockId, Map<number, string>>();
    for (const [key, entry] of this.values) {
      const content = slotContent(entry.userIdStatus?.value, entry.userCode?.value);
      if (content?.status !== "set") continue;
      const [lockId, slot] = key.split("#");
      const lock = [...this.lockByDevice.values()].find((id) => id === lockId);
      if (!lock || slot === undefined) continue;
      const slots = result.get(lock) ?? new Map<number, string>();
      slots.set(Number(slot), content.pin);
      result.set(lock, slots);
    }
    return result;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscribed.values()].map((u) => u().catch(() => undefined)));
    this.subscribed.clear();
  }
}
