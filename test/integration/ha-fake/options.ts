// Configuration of the fake: who may log in, which locks exist, which HA capabilities exist.

/**
 * "pinned": exactly what HA 2024.3.3 + zwave-js-server-python 0.55.3 offers (the real-stack pin).
 * "newest": adds the paths of newer HA (notes/ha-api.md): ws `zwave_js/invoke_cc_api` and
 * `zwave_js/node_capabilities`, the response-only service `zwave_js.get_lock_usercode` and the
 * credential services `get_users`, `set_user`, `set_credential`, `delete_credential` (2026.6+).
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
  /** Pre-filled slots: slot → code (for a User Credential lock: user index → its PIN). */
  codes?: Record<number, string>;
  /**
   * Codes in the lock's memory that the driver never read (User Code locks): HA lists those
   * slots as unknown (`in_use: null`) until a User Code Get reads them.
   */
  unreadCodes?: Record<number, string>;
  /**
   * Which command class holds the codes. "user_credential": a lock with only the User
   * Credential CC (131) — no User Code values, so `set_lock_usercode` fails on it as in real
   * HA, and only the credential services (newest profile) can manage it. Default "user_code".
   */
  commandClass?: "user_code" | "user_credential";
  /** False: a lock that sends no Access Control notification for lock and unlock (only its state changes). */
  accessControlNotifications?: boolean;
  /** User Credential locks only: user indexes of people enrolled at the lock with an RFID tag and no PIN. */
  tagUsers?: number[];
  /**
   * "matter": a Matter door lock of HA's matter integration ("newest" profile only): its PINs are
   * managed by the matter lock actions (service-defs-matter.ts), `slotCount` users and PIN
   * credentials; `codes` are PINs enrolled at the lock itself (credential index → PIN).
   */
  protocol?: "zwave" | "matter";
}

export interface HaFakeOptions {
  users: FakeUser[];
  locks?: FakeLockConfig[];
  profile?: HaProfile;
  /** Names of notify services (`notify.<name>`). */
  notifyServices?: string[];
  haVersion?: string;
  timeZone?: string;
  /** HA's language (Settings → System → General); default "en". */
  language?: string;
  homeId?: number;
  /** Delay between a code write and the lock's value report. */
  valueReportDelayMs?: number;
}
