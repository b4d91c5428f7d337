// The in-memory house: states (core.py StateMachine), the entity/device/area registries in
// the shapes of HA 2024.3 (entity_registry.py as_partial_dict, device_registry.py dict_repr,
// config/area_registry.py _entry_dict) and one ZNode per configured lock.
import { randomUUID } from "node:crypto";
import {
  ACCESS_STATE_SENSORS,
  stateSensorEntityId,
  stateSensorUniqueId,
  type AccessVariable,
} from "./access-states.js";
import { CredentialStore } from "./credential-store.js";
import { MatterDoorLock } from "./matter-door-lock.js";
import { EventBus, newContext } from "./event-bus.js";
import type { FakeLockConfig } from "./options.js";
import type { HaContext, JsonObject } from "./protocol.js";
import { DOOR_LOCK_MODE_STATES, USER_ID_STATUS_STATES, ZNode } from "./zwave-node.js";

export interface HaState {
  entity_id: string;
  state: string;
  attributes: JsonObject;
  last_changed: string;
  last_updated: string;
  context: HaContext;
}

export interface FakeLock {
  config: FakeLockConfig;
  deviceId: string;
  batteryEntityId: string | null;
  node: ZNode;
  /** Locked state as the lock reports it; shown while the node is dead too on 2026.11 ("unavailable" on 2024.3). */
  locked: boolean;
  /** Users and PINs of a User Credential lock; null for a User Code lock. */
  credentials: CredentialStore | null;
  /**
   * What the lock's memory holds in slots whose change the driver never heard of (null: emptied):
   * HA's cache keeps what it read before until the slot is read again.
   */
  unread: Map<number, string | null>;
  /** A Matter lock's users and credentials; null for a Z-Wave lock. */
  matter: MatterDoorLock | null;
  /** HA's `changed_by` of a Matter lock: the operation source of its newest lock operation. */
  changedBy: string;
  /** Access Control state variables (0: idle), and HA's binary sensor for each state (access-states.ts). */
  accessStates: Map<AccessVariable, number>;
  stateSensors: { entityId: string; variable: AccessVariable; state: number; name: string }[];
  /** The lock's quirks (contract-quirks.ts holds them to the simulated network's): all off by default. */
  quirks: LockQuirks;
}

/** A masking lock's reports hide PINs; a refusing one keeps no duplicate PIN; a silent one never reports. */
export interface LockQuirks {
  maskPins: "stars" | "zeros" | null;
  refuseDuplicates: boolean;
  silent: boolean;
}
export const NO_QUIRKS: LockQuirks = { maskPins: null, refuseDuplicates: false, silent: false };

const hexId = (): string => randomUUID().replace(/-/g, "");
export const CONFIG_ENTRY_ID = hexId();
/** The Matter fabric's compressed id, as HA's matter integration spells it in device identifiers. */
const MATTER_FABRIC_HEX = "2A5D1B3C4E6F7081";

export class Home {
  readonly bus = new EventBus();
  readonly states = new Map<string, HaState>();
  readonly entityRegistry: JsonObject[] = [];
  readonly deviceRegistry: JsonObject[] = [];
  readonly areaRegistry: JsonObject[] = [];
  readonly locks = new Map<string, FakeLock>();

  /** newest: HA 2026.11, which files the keypad's state sensors as diagnostic too (2024.3: only the jam's). */
  constructor(
    readonly homeId: number,
    private readonly newest = false,
  ) {}

  /** core.py StateMachine.async_set: last_changed moves only when the state string changes. */
  setState(
    entityId: string,
    state: string,
    attributes: JsonObject,
    context: HaContext = newContext(null),
  ): void {
    const old = this.states.get(entityId) ?? null;
    const now = new Date().toISOString();
    const next: HaState = {
      entity_id: entityId,
      state,
      attributes,
      last_changed: old && old.state === state ? old.last_changed : now,
      last_updated: now,
      context,
    };
    this.states.set(entityId, next);
    this.bus.fire("state_changed", { entity_id: entityId, old_state: old, new_state: next }, context);
  }

  addLock(cfg: FakeLockConfig): FakeLock {
    const deviceId = hexId();
    if (cfg.area !== undefined && !this.areaRegistry.some((a) => a.area_id === cfg.area)) {
      this.areaRegistry.push({
        aliases: [],
        area_id: cfg.area,
        icon: null,
        name: cfg.area.replace(/_/g, " "),
        picture: null,
      });
    }
    this.deviceRegistry.push({
      area_id: cfg.area ?? null,
      configuration_url: null,
      config_entries: [CONFIG_ENTRY_ID],
      connections: [],
      disabled_by: null,
      entry_type: null,
      hw_version: null,
      id: deviceId,
      // zwave_js helpers get_device_id / get_device_id_ext; matter helpers get_device_id
      identifiers:
        cfg.protocol === "matter"
          ? [
              [
                "matter",
                `deviceid_${MATTER_FABRIC_HEX}-${cfg.nodeId.toString(16).toUpperCase().padStart(16, "0")}-MatterNodeDevice`,
              ],
            ]
          : [
              ["zwave_js", `${this.homeId}-${cfg.nodeId}`],
              ["zwave_js", `${this.homeId}-${cfg.nodeId}-297:32771:1`],
            ],
      manufacturer: cfg.manufacturer ?? "Latchkey Fake Locks",
      model: cfg.model ?? "FL-1",
      name_by_user: null,
      name: cfg.name,
      serial_number: null,
      sw_version: "1.0",
      via_device_id: null,
    });
    const node = new ZNode(cfg.nodeId);
    node.add({
      commandClass: 98,
      commandClassName: "Door Lock",
      endpoint: 0,
      property: "currentMode",
      propertyKey: null,
      value: 255,
      states: DOOR_LOCK_MODE_STATES,
    });
    const matter = cfg.protocol === "matter" ? new MatterDoorLock(cfg.slotCount) : null;
    for (const code of Object.values(matter ? (cfg.codes ?? {}) : {})) matter?.enrolElsewhere(code);
    const credentials =
      cfg.commandClass === "user_credential" ? new CredentialStore(cfg.slotCount, cfg.slotCount) : null;
    // A User Credential lock has no User Code values at all; its codes live in the credential store.
    for (const [slot, code] of Object.entries(cfg.codes ?? {})) credentials?.seed(Number(slot), code);
    for (const index of cfg.tagUsers ?? []) credentials?.seedTag(index);
    for (let slot = 1; slot <= (credentials || matter ? 0 : cfg.slotCount); slot++) {
      const code = cfg.codes?.[slot];
      node.add({
        commandClass: 99,
        commandClassName: "User Code",
        endpoint: 0,
        property: "userIdStatus",
        propertyKey: slot,
        value: code === undefined ? null : 1,
        states: USER_ID_STATUS_STATES,
      });
      node.add({
        commandClass: 99,
        commandClassName: "User Code",
        endpoint: 0,
        property: "userCode",
        propertyKey: slot,
        value: code ?? null,
      });
    }
    // zwave_js helpers get_unique_id: "<home_id>.<value_id>" of the entity's primary value.
    this.registerEntity(
      cfg.entityId,
      deviceId,
      matter
        ? `${MATTER_FABRIC_HEX}-${cfg.nodeId}-MatterNodeDevice-1-MatterLock-257-0`
        : `${this.homeId}.${cfg.nodeId}-98-0-currentMode`,
      null,
      matter ? "matter" : "zwave_js",
    );
    let batteryEntityId: string | null = null;
    if (cfg.battery !== undefined) {
      node.add({
        commandClass: 128,
        commandClassName: "Battery",
        endpoint: 0,
        property: "level",
        propertyKey: null,
        value: cfg.battery,
      });
      batteryEntityId = `sensor.${cfg.entityId.replace(/^lock\./, "")}_battery_level`;
      this.registerEntity(
        batteryEntityId,
        deviceId,
        `${this.homeId}.${cfg.nodeId}-128-0-level`,
        "Battery level",
      );
    }
    const unread = new Map(Object.entries(cfg.unreadCodes ?? {}).map(([slot, code]) => [Number(slot), code]));
    // Z-Wave's Access Control sensors; a Matter lock has none.
    const stateSensors = (matter ? [] : ACCESS_STATE_SENSORS).map((sensor) => ({
      ...sensor,
      entityId: stateSensorEntityId(cfg.entityId, sensor.name),
    }));
    for (const sensor of stateSensors)
      this.registerEntity(
        sensor.entityId,
        deviceId,
        stateSensorUniqueId(this.homeId, cfg.nodeId, sensor.variable, sensor.state),
        sensor.name,
        "zwave_js",
        this.newest || sensor.variable === "Lock state" ? "diagnostic" : null,
      );
    const lock: FakeLock = {
      config: cfg,
      deviceId,
      batteryEntityId,
      node,
      locked: true,
      credentials,
      unread,
      matter,
      changedBy: "Unknown",
      accessStates: new Map<AccessVariable, number>([
        ["Lock state", 0],
        ["Keypad state", 0],
      ]),
      stateSensors,
      quirks: NO_QUIRKS,
    };
    this.locks.set(cfg.entityId, lock);
    this.publishLockStates(lock);
    return lock;
  }

  /**
   * An admin disables a lock entity in HA (or enables it again): the registry entry keeps
   * `disabled_by: "user"` and the entity's state goes away (state_changed with new_state null).
   * Real HA re-adds an enabled entity after reloading the integration; the fake does it at once.
   */
  setEntityDisabled(entityId: string, disabled: boolean): void {
    const entry = this.entityRegistry.find((e) => e.entity_id === entityId);
    if (!entry) throw new Error(`no entity ${entityId}`);
    entry.disabled_by = disabled ? "user" : null;
    const lock = this.locks.get(entityId);
    if (!disabled) {
      if (lock) this.publishLockStates(lock);
      return;
    }
    const old = this.states.get(entityId) ?? null;
    this.states.delete(entityId);
    this.bus.fire(
      "state_changed",
      { entity_id: entityId, old_state: old, new_state: null },
      newContext(null),
    );
  }

  /**
   * A lock's entities as HA writes them. On HA 2026.11 a dead node changes none of them:
   * ZWaveBaseEntity.available asks only whether the driver is connected and the node ready, so the
   * lock keeps its last state ("locked") while the driver finds it dead; on 2024.3 it also asks
   * whether the node is dead, and they are "unavailable" (contract-lock-states.ts).
   */
  publishLockStates(lock: FakeLock, context?: HaContext): void {
    const gone = lock.node.status === "dead" && !this.newest;
    const lockState = gone ? "unavailable" : lock.locked ? "locked" : "unlocked";
    // A Matter lock also says what moved it last (matter/lock.py `changed_by`).
    this.setState(
      lock.config.entityId,
      lockState,
      lock.matter
        ? { changed_by: lock.changedBy, supported_features: 0, friendly_name: lock.config.name }
        : { supported_features: 0, friendly_name: lock.config.name },
      context,
    );
    if (lock.batteryEntityId !== null) {
      const level = lock.node.get(128, "level", null)?.value ?? null;
      const attrs = {
        state_class: "measurement",
        unit_of_measurement: "%",
        device_class: "battery",
        friendly_name: `${lock.config.name} Battery level`,
      };
      this.setState(lock.batteryEntityId, gone ? "unavailable" : String(level), attrs, context);
    }
    this.publishStateSensors(lock, context);
  }

  /**
   * HA's binary sensors of a lock's Access Control states (ZWaveNotificationBinarySensor.is_on),
   * written when they change: the lock's own moves do not touch them.
   */
  publishStateSensors(lock: FakeLock, context?: HaContext): void {
    const gone = lock.node.status === "dead" && !this.newest;
    for (const sensor of lock.stateSensors) {
      const on = lock.accessStates.get(sensor.variable) === sensor.state;
      const state = gone ? "unavailable" : on ? "on" : "off";
      if (this.states.get(sensor.entityId)?.state === state) continue;
      const attributes = {
        ...(sensor.state === 11 ? { device_class: "problem" } : {}),
        friendly_name: `${lock.config.name} ${sensor.name}`,
      };
      this.setState(sensor.entityId, state, attributes, context);
    }
  }

  /**
   * The lock says its power was applied (Power Management "Power has been applied"). The driver
   * files it as a state, not a notification; on HA 2026.11 the first report makes the lock's
   * "Power has been applied" binary sensor (registry create, unknown, then on at once), and a
   * later one changes nothing while it is on (test/stack/research-power-applied.ts).
   */
  powerApplied(lock: FakeLock): void {
    if (lock.matter) return;
    const entityId = `binary_sensor.${lock.config.entityId.replace(/^lock\./, "")}_power_has_been_applied`;
    const attributes = { friendly_name: `${lock.config.name} Power has been applied` };
    if (!this.entityRegistry.some((e) => e.entity_id === entityId)) {
      this.registerEntity(
        entityId,
        lock.deviceId,
        `${this.homeId}.${lock.config.nodeId}-113-0-Power Management-Power status.1`,
        "Power has been applied",
        "zwave_js",
        "diagnostic",
      );
      this.bus.fire("entity_registry_updated", { action: "create", entity_id: entityId }, newContext(null));
      this.setState(entityId, "unknown", attributes);
    }
    if (this.states.get(entityId)?.state !== "on") this.setState(entityId, "on", attributes);
  }

  lockByDevice(deviceId: string): FakeLock | undefined {
    return [...this.locks.values()].find((l) => l.deviceId === deviceId);
  }

  lockByEntity(entityId: string): FakeLock | undefined {
    return this.locks.get(entityId) ?? [...this.locks.values()].find((l) => l.batteryEntityId === entityId);
  }

  private registerEntity(
    entityId: string,
    deviceId: string,
    uniqueId: string,
    originalName: string | null,
    platform = "zwave_js",
    entityCategory: "diagnostic" | null = null,
  ): void {
    // zwave_js entities inherit the device's area, so the entity's own area_id stays null.
    this.entityRegistry.push({
      area_id: null,
      config_entry_id: CONFIG_ENTRY_ID,
      device_id: deviceId,
      disabled_by: null,
      entity_category: entityCategory,
      entity_id: entityId,
      has_entity_name: true,
      hidden_by: null,
      icon: null,
      id: hexId(),
      labels: [],
      name: null,
      options: {},
      original_name: originalName,
      platform,
      translation_key: null,
      unique_id: uniqueId,
    });
  }
}
