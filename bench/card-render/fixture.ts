// What the card is given in the render benchmark: a `hass` with N locks (each with a battery
// sensor on its device, as lock-utils looks them up) among unrelated entities, and the frames a
// fake add-on sends. Every frame is parsed with the real protocol schemas here in Node, so the
// fixture cannot drift from what the card accepts.
import type { HassEntity, HomeAssistant } from "../../src/card/ha/types";
import type { PublicCode } from "../../src/model/code";
import type { Lock } from "../../src/model/lock";
import {
  PROTOCOL_VERSION,
  ResultSchemas,
  ServerMessageSchema,
  SnapshotSchema,
  type Snapshot,
} from "../../src/model/protocol";
import type { SyncStatus } from "../../src/model/slot";

/** `hass` minus its one function, so it can cross into the page as JSON. */
export type HassData = Omit<HomeAssistant, "callService">;

export interface CardFixture {
  label: string;
  lockIds: string[];
  codeCount: number;
  /** One sync chip per (code, lock) pair. */
  chipCount: number;
  hass: HassData;
  /** Ready-made JSON frames, so the fake add-on spends no time serializing inside the timing. */
  frames: { welcome: string; snapshot: string };
}

const AT = "2026-01-01T10:00:00.000Z";
/** Unrelated entities (lights, sensors) in every home: `hass` changes for them must cost nothing. */
export const OTHER_ENTITY_COUNT = 100;
export const UNRELATED_ENTITY = "light.room_000";

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function entity(entityId: string, state: string, attributes: Record<string, unknown> = {}): HassEntity {
  return { entity_id: entityId, state, attributes, last_changed: AT, last_updated: AT };
}

const LOCK_STATES = ["locked", "locked", "unlocked", "locked", "jammed"];

function hassData(lockIds: readonly string[]): HassData {
  const states: HassData["states"] = {};
  const entities: NonNullable<HassData["entities"]> = {};
  lockIds.forEach((id, i) => {
    const battery = `sensor.door_${pad(i + 1)}_battery`;
    states[id] = entity(id, LOCK_STATES[i % LOCK_STATES.length] ?? "locked", {
      friendly_name: `Door ${pad(i + 1)}`,
    });
    states[battery] = entity(battery, String(40 + ((i * 13) % 60)), {
      device_class: "battery",
      unit_of_measurement: "%",
    });
    entities[id] = { entity_id: id, device_id: `dev-lock-${pad(i + 1)}` };
    entities[battery] = { entity_id: battery, device_id: `dev-lock-${pad(i + 1)}`, device_class: "battery" };
  });
  for (let i = 0; i < OTHER_ENTITY_COUNT; i++) {
    const id = i % 2 === 0 ? `light.room_${pad(i, 3)}` : `sensor.room_${pad(i, 3)}_temperature`;
    states[id] = entity(id, i % 2 === 0 ? "off" : "21.5");
    entities[id] = { entity_id: id, device_id: `dev-room-${pad(i, 3)}` };
  }
  return {
    states,
    entities,
    language: "en",
    user: { id: "u-bench", name: "Bench Admin", is_admin: true },
    services: {
      notify: { persistent_notification: {}, mobile_app_pixel: {}, sms_gateway: {} },
      lock: { lock: {}, unlock: {} },
    },
    auth: { data: { access_token: "bench-token" } },
  };
}

function lock(id: string, i: number): Lock {
  return {
    id,
    deviceId: `dev-lock-${pad(i + 1)}`,
    nodeId: i + 2,
    name: `Door ${pad(i + 1)}`,
    area: null,
    available: true,
    nodeStatus: "alive",
    slotCount: 30,
    slotCountSource: "lock",
    pinLength: { min: 4, max: 8 },
  };
}

/** A mix that makes every part of a code row render: windows, limits, burner, disabled. */
function rulesFor(i: number): PublicCode["rules"] {
  switch (i % 6) {
    case 1:
      return {
        weekly: [],
        burner: false,
        validFrom: "2026-01-01T08:00:00.000Z",
        validUntil: "2099-12-31T22:00:00.000Z",
      };
    case 2:
      return {
        weekly: [{ days: [1, 2, 3, 4, 5], start: "08:00", end: "17:00" }],
        burner: false,
        maxUses: 20,
      };
    case 3:
      return {
        weekly: [
          { days: [0, 6], start: "10:00", end: "14:00" },
          { days: [3], start: "18:00", end: "20:00" },
        ],
        burner: false,
      };
    case 4:
      return { weekly: [], burner: i % 12 === 4 };
    default:
      return { weekly: [], burner: false };
  }
}

/** Mostly synced; every other state shows up too, so all chip styles render. */
function syncFor(i: number, j: number): SyncStatus {
  switch ((i + j) % 10) {
    case 7:
      return { state: "pending" };
    case 8:
      return { state: "syncing" };
    case 9:
      return i % 2 === 0
        ? {
            state: "failed",
            reason: "Lock did not answer",
            attempts: 3,
            nextRetryAt: "2026-01-01T10:05:00.000Z",
          }
        : { state: "waiting", reason: "Lock is asleep" };
    case 6:
      return { state: "unverified", at: AT };
    default:
      return { state: "synced", via: "lock_report", at: AT };
  }
}

function snapshotOf(lockIds: readonly string[], codeCount: number): Snapshot {
  const codes: PublicCode[] = [];
  const slots: Snapshot["slots"] = {};
  const sync: Snapshot["sync"] = {};
  for (let i = 0; i < codeCount; i++) {
    // Each code on several locks (3 to all of them), starting at a different lock.
    const count = Math.min(lockIds.length, 3 + (i % 8));
    const on = Array.from({ length: count }, (_, k) => lockIds[(i + k) % lockIds.length] ?? "");
    const id = `bench-code-${pad(i, 3)}`;
    codes.push({
      id,
      name: `Person ${pad(i + 1)}`,
      lockIds: on,
      enabled: i % 9 !== 4,
      rules: rulesFor(i),
      notify: { onUse: i % 4 === 0, targets: [] },
      uses: i % 6 === 2 ? 5 : 0,
      createdAt: AT,
      updatedAt: AT,
    });
    slots[id] = Object.fromEntries(on.map((lockId) => [lockId, i + 1]));
    sync[id] = Object.fromEntries(on.map((lockId, j) => [lockId, syncFor(i, j)]));
  }
  // Every lock shows a last activity line, as a busy household's would.
  const lastActivity: Snapshot["lastActivity"] = Object.fromEntries(
    lockIds.map((lockId, i) => [
      lockId,
      {
        id: `bench-activity-${pad(i, 3)}`,
        at: AT,
        kind: "keypad_unlock" as const,
        lockId,
        codeId: codes[i % codes.length]?.id ?? null,
        codeName: codes[i % codes.length]?.name ?? null,
        slot: 1,
        userName: null,
      },
    ]),
  );
  return {
    user: { name: "Bench Admin", isAdmin: true },
    locks: lockIds.map(lock),
    codes,
    slots,
    sync,
    unmanaged: [],
    held: [],
    clearing: [],
    offLocks: {},
    alerts: {},
    lastActivity,
    connected: true,
  };
}

/** Serializes a server frame after checking it with the card's own message schema. */
function frame(message: unknown): string {
  return JSON.stringify(ServerMessageSchema.parse(message));
}

export function cardFixture(lockCount: number, codeCount: number): CardFixture {
  const lockIds = Array.from({ length: lockCount }, (_, i) => `lock.door_${pad(i + 1)}`);
  const snapshot = SnapshotSchema.parse(snapshotOf(lockIds, codeCount));
  return {
    label: `${lockCount} lock${lockCount === 1 ? "" : "s"} × ${codeCount} code${codeCount === 1 ? "" : "s"}`,
    lockIds,
    codeCount,
    chipCount: snapshot.codes.reduce((sum, code) => sum + code.lockIds.length, 0),
    hass: hassData(lockIds),
    frames: {
      welcome: frame({ type: "welcome", protocol: PROTOCOL_VERSION, user: snapshot.user }),
      snapshot: frame({ type: "snapshot", snapshot }),
    },
  };
}

/** The page builds the subscribe result itself (it needs the request id); this is its payload. */
export const SUBSCRIBED = ResultSchemas["state/subscribe"].parse({ subscribed: true });
