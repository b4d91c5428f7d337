// What the zwave-js driver does for a lock, with the timing the add-on has to cope with:
// a write is confirmed by the lock after a delay and then reported as "value updated";
// commands to a sleeping node wait until it wakes (zwave-js wake-up queue).
import { CRC16_CCITT } from "@zwave-js/core";
import { fileAccessEvent } from "./access-states.js";
import { newContext } from "./event-bus.js";
import type { Faults } from "./faults.js";
import type { FakeLock, Home } from "./home.js";
import type { HaContext, JsonObject } from "./protocol.js";

/** Access Control events for a lock or unlock (keypad, manual, RF, auto): what some locks never send. */
const OPERATION_EVENTS: ReadonlySet<number> = new Set([1, 2, 3, 4, 5, 6, 9]);

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Access Control (type 6) event labels, from zwave-js core registries/Notifications. */
const ACCESS_CONTROL_LABELS: Record<number, string> = {
  1: "Manual lock operation",
  2: "Manual unlock operation",
  3: "RF lock operation",
  4: "RF unlock operation",
  5: "Keypad lock operation",
  6: "Keypad unlock operation",
  9: "Auto lock locked operation",
  12: "All user codes deleted",
  13: "Single user code deleted",
  14: "New user code added",
  15: "New user code not added due to duplicate code",
  19: "Manually enter user access code exceeds code limit",
  20: "Unlock by RF with invalid user code",
  21: "Locked by RF with invalid user code",
  47: "Valid credential access denied: User Active State set to Occupied Disabled",
  48: "Valid credential access denied: Schedule inactive",
  50: "Invalid credential used",
};

/** A User Code write through the CC API (zwave_js/invoke_cc_api), as the tests see it. */
export interface DirectWrite {
  entityId: string;
  slot: number;
  method: "set" | "clear";
}

export class LockDriver {
  private readonly wakeWaiters = new Map<string, (() => void)[]>();
  /** Every User Code Set or clear sent through the CC API, in order. */
  readonly directWrites: DirectWrite[] = [];
  /** Every User Code Get the lock answered (a slot read on the radio), in order. */
  readonly slotReads: { entityId: string; slot: number }[] = [];

  constructor(
    private readonly home: Home,
    private readonly faults: Faults,
    private readonly reportDelayMs: number,
    /** HA 2026 adds the home id as hex text (helpers.py format_home_id_for_display) to notification events. */
    private readonly homeIdHex = false,
  ) {}

  /** Resolves when the node can take a command (immediately unless asleep). */
  private async reachable(lock: FakeLock): Promise<void> {
    await delay(this.faults.latency(lock.config.entityId));
    if (lock.node.status !== "asleep") return;
    await new Promise<void>((resolve) => {
      const list = this.wakeWaiters.get(lock.config.entityId) ?? [];
      list.push(resolve);
      this.wakeWaiters.set(lock.config.entityId, list);
    });
  }

  setNodeStatus(lock: FakeLock, status: "alive" | "dead" | "asleep"): void {
    lock.node.setStatus(status);
    // On 2026.11 this changes no state (a dead node's entities keep theirs); on 2024.3 they turn
    // "unavailable" and back (home.ts publishLockStates).
    this.home.publishLockStates(lock);
    if (status === "alive") {
      const waiters = this.wakeWaiters.get(lock.config.entityId) ?? [];
      this.wakeWaiters.delete(lock.config.entityId);
      for (const w of waiters) w();
    }
  }

  /**
   * Supervised writes resolve after the lock confirmed and the value was updated; unsupervised
   * ones resolve once sent and the value arrives later with the driver's verification get.
   */
  async writeSlot(lock: FakeLock, slot: number, code: string | null, status: 1 | 2 = 1): Promise<void> {
    await this.reachable(lock);
    if (code !== null && lock.quirks.refuseDuplicates && this.holdsElsewhere(lock, slot, code)) {
      // The lock keeps the slot as it was and says why (the service call itself succeeds).
      this.accessEvent(lock, 15, {});
      return;
    }
    if (lock.quirks.silent) {
      // Stored, but never reported: the driver's cache keeps what it knew.
      lock.unread.set(slot, code);
      return;
    }
    lock.unread.delete(slot);
    const report = async (): Promise<void> => {
      await delay(this.reportDelayMs);
      this.reportSlot(lock, slot, code, status);
    };
    if (lock.config.supervision === true) await report();
    else void report();
  }

  /**
   * A User Code Set through the CC API (zwave_js/invoke_cc_api `set` / `clear`): the lock's memory
   * changes, the driver's cache does not (zwave-js verifies only what goes through its setValue)
   * until the slot is read. Answers the lock's Supervision result, null without Supervision.
   */
  async writeSlotDirect(
    lock: FakeLock,
    slot: number,
    code: string | null,
  ): Promise<{ status: number } | null> {
    this.directWrites.push({ entityId: lock.config.entityId, slot, method: code === null ? "clear" : "set" });
    await this.reachable(lock);
    await delay(this.reportDelayMs);
    const supervised = lock.config.supervision === true;
    if (code !== null && lock.quirks.refuseDuplicates && this.holdsElsewhere(lock, slot, code)) {
      // The lock keeps the slot as it was, says why, and a supervised one answers "fail".
      this.accessEvent(lock, 15, {});
      return supervised ? { status: 2 } : null;
    }
    lock.unread.set(slot, code);
    return supervised ? { status: 255 } : null;
  }

  /**
   * User Code Checksum Get on a User Code lock: CRC-16 CCITT (zwave-js's own) over the lock's
   * memory — each enabled slot's number, status and code, in order — 0 when it holds none.
   */
  async userCodeChecksum(lock: FakeLock): Promise<number> {
    await this.reachable(lock);
    await delay(this.reportDelayMs);
    const bytes: number[] = [];
    for (let slot = 1; slot <= lock.config.slotCount; slot++) {
      const code = lock.unread.has(slot) ? lock.unread.get(slot) : this.cachedCode(lock, slot);
      if (!code) continue;
      bytes.push(slot >> 8, slot & 0xff, 1, ...Buffer.from(code, "ascii"));
    }
    return bytes.length === 0 ? 0 : CRC16_CCITT(new Uint8Array(bytes));
  }

  private cachedCode(lock: FakeLock, slot: number): string | null {
    const code = lock.node.get(99, "userCode", slot)?.value;
    const enabled = lock.node.get(99, "userIdStatus", slot)?.value === 1;
    return enabled && typeof code === "string" && code !== "" ? code : null;
  }

  /**
   * A User Credential write: the access-control API returns the lock's status once the lock
   * answered, so the change is applied before the call resolves.
   */
  async writeCredential<T>(lock: FakeLock, change: () => T): Promise<T> {
    await this.reachable(lock);
    await delay(this.reportDelayMs);
    return change();
  }

  /** UserCodeCCReport persists userIdStatus, then userCode. */
  reportSlot(lock: FakeLock, slot: number, code: string | null, status: 1 | 2 = 1): void {
    if (lock.credentials) {
      // A code changed at a User Credential lock's keypad: user `slot`'s PIN in its own slot.
      if (code === null) lock.credentials.users.delete(slot);
      else lock.credentials.seed(slot, code);
      return;
    }
    lock.node.update(99, "userIdStatus", slot, code === null ? 0 : status);
    lock.node.update(99, "userCode", slot, code ?? "");
  }

  /** Another slot of the lock's memory holds `code` (what the driver knows, and what it never heard). */
  private holdsElsewhere(lock: FakeLock, slot: number, code: string): boolean {
    for (let other = 1; other <= lock.config.slotCount; other++) {
      if (other === slot) continue;
      const held = lock.unread.has(other)
        ? lock.unread.get(other)
        : lock.node.get(99, "userCode", other)?.value;
      if (held === code) return true;
    }
    return false;
  }

  /**
   * A User Code get: re-reads the slot and reports it (values re-emitted even if unchanged). A
   * silent lock never answers: the driver gives up and HA answers null (contract-quirks.ts); a masking one answers
   * with its mask in place of the PIN, and the driver's cache then holds the mask.
   */
  async readSlot(lock: FakeLock, slot: number): Promise<{ userIdStatus: number; userCode: string } | null> {
    this.slotReads.push({ entityId: lock.config.entityId, slot });
    await this.reachable(lock);
    await delay(this.reportDelayMs);
    if (lock.quirks.silent) return null;
    const mask = lock.quirks.maskPins;
    if (mask) {
      const unread = lock.unread.get(slot);
      if (lock.unread.delete(slot)) this.reportSlot(lock, slot, unread ?? null);
      const status = lock.node.get(99, "userIdStatus", slot)?.value;
      const code = lock.node.get(99, "userCode", slot)?.value;
      const inUse = typeof status === "number" && status !== 0;
      const userCode =
        inUse && typeof code === "string"
          ? (mask === "stars" ? "*" : "0").repeat(Math.max(4, code.length))
          : "";
      return { userIdStatus: inUse ? status : 0, userCode };
    }
    // The lock answers from its memory: a change the driver never heard of is learned now.
    const unread = lock.unread.get(slot);
    if (lock.unread.delete(slot)) this.reportSlot(lock, slot, unread ?? null);
    const status = lock.node.get(99, "userIdStatus", slot)?.value;
    const code = lock.node.get(99, "userCode", slot)?.value;
    const userIdStatus = typeof status === "number" ? status : 0;
    const userCode = typeof code === "string" ? code : "";
    lock.node.update(99, "userIdStatus", slot, userIdStatus);
    lock.node.update(99, "userCode", slot, userCode);
    return { userIdStatus, userCode };
  }

  async refreshUserCodes(lock: FakeLock): Promise<void> {
    for (let slot = 1; slot <= lock.config.slotCount; slot++) await this.readSlot(lock, slot);
  }

  async setLocked(lock: FakeLock, locked: boolean, context: HaContext): Promise<void> {
    await this.reachable(lock);
    await delay(this.reportDelayMs);
    // HA's LockDoor / UnlockDoor: a Matter lock reports the operation's source as Remote.
    if (lock.matter) lock.changedBy = "Remote";
    this.applyLocked(lock, locked, context);
    this.accessEvent(lock, locked ? 3 : 4, {});
  }

  applyLocked(lock: FakeLock, locked: boolean, context?: HaContext): void {
    lock.locked = locked;
    lock.node.update(98, "currentMode", null, locked ? 255 : 0);
    this.home.publishLockStates(lock, context);
  }

  /**
   * An Access Control report from the lock, filed as the driver does (access-states.ts): a state
   * (a jam, a keypad lockout) turns HA's binary sensor on and fires nothing; any other event is a
   * `zwave_js_notification` (zwave_js __init__.py async_on_notification, NotificationNotification).
   */
  accessEvent(lock: FakeLock, event: number, parameters: JsonObject): void {
    // Matter locks send no zwave_js notifications; HA shows their operations as `changed_by`.
    if (lock.matter) return;
    const filing = fileAccessEvent(event);
    if (filing.kind === "state") {
      lock.accessStates.set(filing.variable, filing.value);
      this.home.publishStateSensors(lock);
      return;
    }
    if (filing.clearsUserCodes && !lock.credentials)
      for (let slot = 1; slot <= lock.config.slotCount; slot++) this.reportSlot(lock, slot, null);
    if (lock.config.accessControlNotifications !== false || !OPERATION_EVENTS.has(event))
      this.fireNotification(lock, event, parameters);
    for (const variable of filing.idles) lock.accessStates.set(variable, 0);
    if (filing.idles.length > 0) this.home.publishStateSensors(lock);
  }

  private fireNotification(lock: FakeLock, event: number, parameters: JsonObject): void {
    this.home.bus.fire(
      "zwave_js_notification",
      {
        domain: "zwave_js",
        node_id: lock.config.nodeId,
        home_id: this.home.homeId,
        ...(this.homeIdHex ? { home_id_hex: `0x${this.home.homeId.toString(16).padStart(8, "0")}` } : {}),
        endpoint: 0,
        device_id: lock.deviceId,
        command_class: 113,
        command_class_name: "Notification",
        label: "Access Control",
        type: 6,
        event,
        event_label: ACCESS_CONTROL_LABELS[event] ?? `Unknown (${event})`,
        parameters,
      },
      newContext(null),
    );
  }
}
