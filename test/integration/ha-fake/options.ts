// Configuration of the fake: who may log in, which locks exist, which HA capabilities exist.

/**
 * "pinned": exactly what HA 2024.3.3 + zwave-js-server-python 0.55.3 offers (the real-stack pin).
 * "newest": adds the read-back paths of newer HA (notes/ha-api.md): ws `zwave_js/invoke_cc_api`
 * and the response-only service `zwave_js.get_lock_usercode`.
 */
export type HaProfile = "pinned" | "newest";

export interface FakeUser {
  id: string;
  name: string;
  isAdmin: boolean;
  token: string;
}

export interface FakeLockConfig {
  entityId: string;
  name: string;
  nodeId: number;
  slotCount: number;
  /** area_id of an area to create (name derived from the id). */
  area?: string;
  /** Battery percentage; a battery sensor entity is created when set. */
  battery?: number;
  /** With Supervision the driver confirms a write before the service returns (zwave-js behaviour). */
  supervision?: boolean;
  manufacturer?: string;
  model?: string;
  /** Pre-filled slots: slot → code. */
  codes?: Record<number, string>;
}

export interface HaFakeOptions {
  users: FakeUser[];
  locks?: FakeLockConfig[];
  profile?: HaProfile;
  /** Names of notify services (`notify.<name>`). */
  notifyServices?: string[];
  haVersion?: string;
  timeZone?: string;
  homeId?: number;
  /** Delay between a code write and the lock's value report. */
  valueReportDelayMs?: number;
}
