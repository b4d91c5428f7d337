import { readFile } from "node:fs/promises";
import { z } from "zod";
import { describeZodError } from "../../src/model/errors";

/** The add-on's options (`/data/options.json` under the Supervisor, or a file / env standalone). */
export const OptionsSchema = z
  .object({
    log_level: z.enum(["debug", "info", "warn", "error"]).default("info"),
    /** Standalone only: HA base URL (http://host:8123) and an admin's long-lived token. */
    ha_url: z.url({ error: "ha_url must be a URL such as http://homeassistant.local:8123" }).optional(),
    ha_token: z.string().min(20, { error: "ha_token must be a long-lived access token" }).optional(),
    slot_first: z.number().int().min(1).default(1),
    slot_last: z.number().int().min(1).nullable().default(null),
    default_slot_count: z.number().int().min(1).max(65535).default(30),
    lock_slot_counts: z.record(z.string(), z.number().int().min(1).max(65535)).default({}),
    show_code_names_to_everyone: z.boolean().default(true),
    api_port: z.number().int().min(1).max(65535).default(8099),
    /** Where door and code alerts go unless a code says otherwise. */
    notify_targets: z
      .array(
        z.string().regex(/^(persistent_notification|notify\.[a-z0-9_]+)$/, {
          error: "notify_targets entries are persistent_notification or notify.<service>",
        }),
      )
      .default(["persistent_notification"]),
    /**
     * Door events that alert, for every lock that has not chosen otherwise in the card: a code
     * opening a door, a door opened by hand and a jam do (the product's promise); app/remote
     * unlocks and auto-locks do not.
     */
    notify_keypad_unlock: z.boolean().default(true),
    notify_manual_unlock: z.boolean().default(true),
    notify_remote_unlock: z.boolean().default(false),
    notify_auto_lock: z.boolean().default(false),
    notify_jammed: z.boolean().default(true),
    /**
     * A lock that lost Latchkey's codes (battery swap, factory reset) gets them back without a
     * tap — at most once a day per lock, so a lock that keeps forgetting is held, not looped.
     */
    refill_lost_codes: z.boolean().default(false),
    notify_keypad_code_changes: z.boolean().default(true),
    /** Codes added, changed, disabled, enabled or deleted in Latchkey, or by its rules (expired, used up). */
    notify_code_changes: z.boolean().default(true),
    notify_sync_failures: z.boolean().default(true),
    activity_max_entries: z.number().int().min(10).max(100_000).default(2_000),
    activity_max_days: z.number().int().min(1).max(3650).default(90),
  })
  .refine((o) => o.slot_last === null || o.slot_last >= o.slot_first, {
    error: "slot_last must not be below slot_first",
  });
export type Options = z.infer<typeof OptionsSchema>;

/** Tuning that is not a user option: tests shorten the waits, nobody else needs to. */
const TuningSchema = z.object({
  LATCHKEY_RETRY_BASE_MS: z.coerce.number().int().min(10).default(5_000),
  LATCHKEY_VERIFY_TIMEOUT_MS: z.coerce.number().int().min(10).default(15_000),
  LATCHKEY_CLOCK_TICK_MS: z.coerce.number().int().min(100).default(30_000),
  LATCHKEY_OWN_ECHO_MS: z.coerce.number().int().min(0).default(10_000),
  LATCHKEY_RELIST_MS: z.coerce.number().int().min(50).default(60_000),
  /** How long a lock's state change waits for the notification that explains it. */
  LATCHKEY_STATE_GRACE_MS: z.coerce.number().int().min(10).default(3_000),
  /** How often Matter locks are listed again (changes from another controller reach HA no other way). */
  LATCHKEY_MATTER_RELIST_MS: z.coerce.number().int().min(0).default(3_600_000),
  /** How long after another client's zwave_js code action a lock's codes are listed again. */
  LATCHKEY_CODE_ACTION_RELIST_MS: z.coerce.number().int().min(10).default(3_000),
  /** A connection that has not said hello by then is closed. */
  LATCHKEY_API_HELLO_TIMEOUT_MS: z.coerce.number().int().min(10).default(10_000),
  /** How often the API pings its clients; one that did not answer the last ping is dropped. */
  LATCHKEY_API_HEARTBEAT_MS: z.coerce.number().int().min(10).default(30_000),
  /** How often every connected person's rights are read again from HA (removed, demoted, token revoked). */
  LATCHKEY_RIGHTS_CHECK_MS: z.coerce.number().int().min(10).default(30_000),
  LATCHKEY_API_MAX_CONNECTIONS: z.coerce.number().int().min(1).default(64),
  LATCHKEY_API_MAX_PER_ADDRESS: z.coerce.number().int().min(1).default(16),
  /** Logins with HA that hellos may have running at once (standalone: each is an HA websocket login). */
  LATCHKEY_API_MAX_LOGINS: z.coerce.number().int().min(1).default(4),
});

export interface RuntimeConfig {
  options: Options;
  tuning: {
    retryBaseMs: number;
    verifyTimeoutMs: number;
    clockTickMs: number;
    ownEchoMs: number;
    relistMs: number;
    stateGraceMs: number;
    codeActionRelistMs: number;
    matterRelistMs: number;
    api: ApiTuning;
  };
  dataDir: string;
  /** How to reach HA: through the Supervisor proxy, or a URL given by the user. */
  ha: { mode: "supervisor" | "standalone"; wsUrl: string; token: string };
}

/** Bounds of the card API's connections (see api/connection-gate.ts). */
export interface ApiTuning {
  helloTimeoutMs: number;
  heartbeatMs: number;
  rightsCheckMs: number;
  maxConnections: number;
  maxPerAddress: number;
  maxLogins: number;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads options and environment. Every problem becomes one sentence a person can act on. */
export async function loadConfig(env: NodeJS.ProcessEnv): Promise<RuntimeConfig> {
  const dataDir = env.LATCHKEY_DATA_DIR ?? "/data";
  const optionsPath = env.LATCHKEY_OPTIONS ?? `${dataDir}/options.json`;
  let raw: unknown = {};
  try {
    raw = JSON.parse(await readFile(optionsPath, "utf8"));
  } catch (error) {
    const missing = error instanceof Error && "code" in error && error.code === "ENOENT";
    if (!missing) throw new ConfigError(`The options file ${optionsPath} is not valid JSON.`);
  }
  const fromEnv = {
    ...(env.LATCHKEY_HA_URL ? { ha_url: env.LATCHKEY_HA_URL } : {}),
    ...(env.LATCHKEY_HA_TOKEN ? { ha_token: env.LATCHKEY_HA_TOKEN } : {}),
    ...(env.LATCHKEY_API_PORT ? { api_port: Number(env.LATCHKEY_API_PORT) } : {}),
    ...(env.LATCHKEY_LOG_LEVEL ? { log_level: env.LATCHKEY_LOG_LEVEL } : {}),
  };
  const parsed = OptionsSchema.safeParse(
    typeof raw === "object" && raw !== null ? { ...raw, ...fromEnv } : raw,
  );
  if (!parsed.success)
    throw new ConfigError(describeZodError(parsed.error, "The add-on options are not valid"));
  const options = parsed.data;
  const tuningParsed = TuningSchema.safeParse(env);
  if (!tuningParsed.success)
    throw new ConfigError(
      describeZodError(tuningParsed.error, "The tuning environment variables are not valid"),
    );
  const tuning = {
    retryBaseMs: tuningParsed.data.LATCHKEY_RETRY_BASE_MS,
    verifyTimeoutMs: tuningParsed.data.LATCHKEY_VERIFY_TIMEOUT_MS,
    clockTickMs: tuningParsed.data.LATCHKEY_CLOCK_TICK_MS,
    ownEchoMs: tuningParsed.data.LATCHKEY_OWN_ECHO_MS,
    relistMs: tuningParsed.data.LATCHKEY_RELIST_MS,
    stateGraceMs: tuningParsed.data.LATCHKEY_STATE_GRACE_MS,
    codeActionRelistMs: tuningParsed.data.LATCHKEY_CODE_ACTION_RELIST_MS,
    matterRelistMs: tuningParsed.data.LATCHKEY_MATTER_RELIST_MS,
    api: {
      helloTimeoutMs: tuningParsed.data.LATCHKEY_API_HELLO_TIMEOUT_MS,
      heartbeatMs: tuningParsed.data.LATCHKEY_API_HEARTBEAT_MS,
      rightsCheckMs: tuningParsed.data.LATCHKEY_RIGHTS_CHECK_MS,
      maxConnections: tuningParsed.data.LATCHKEY_API_MAX_CONNECTIONS,
      maxPerAddress: tuningParsed.data.LATCHKEY_API_MAX_PER_ADDRESS,
      maxLogins: tuningParsed.data.LATCHKEY_API_MAX_LOGINS,
    },
  };
  if (env.SUPERVISOR_TOKEN && !options.ha_url) {
    return {
      options,
      tuning,
      dataDir,
      ha: { mode: "supervisor", wsUrl: "ws://supervisor/core/websocket", token: env.SUPERVISOR_TOKEN },
    };
  }
  if (!options.ha_url || !options.ha_token) {
    throw new ConfigError(
      "Set ha_url and ha_token (an administrator's long-lived access token) to run Latchkey outside the Supervisor.",
    );
  }
  return {
    options,
    tuning,
    dataDir,
    ha: {
      mode: "standalone",
      wsUrl: `${options.ha_url.replace(/^http/, "ws").replace(/\/$/, "")}/api/websocket`,
      token: options.ha_token,
    },
  };
}
