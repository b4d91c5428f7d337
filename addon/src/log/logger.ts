/** Leveled logging with a redaction layer: no PIN or token ever reaches a log line. */

export type LogLevel = "debug" | "info" | "warn" | "error";
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Keys whose values are secrets wherever they appear in logged objects. */
const SECRET_KEYS =
  /^(pin|usercode|user_code|code|credential_data|accesstoken|access_token|token|password|refresh_token)$/i;

export interface Logger {
  debug(message: string, details?: unknown): void;
  info(message: string, details?: unknown): void;
  warn(message: string, details?: unknown): void;
  error(message: string, details?: unknown): void;
}

export interface LoggerOptions {
  level: LogLevel;
  /** Every secret currently known (all stored PINs, tokens); each is masked wherever it appears. */
  secrets: () => Iterable<string>;
  write: (line: string) => void;
  now?: () => Date;
}

export function createLogger(options: LoggerOptions): Logger {
  const emit = (level: LogLevel, message: string, details?: unknown) => {
    if (ORDER[level] < ORDER[options.level]) return;
    const suffix = details === undefined ? "" : ` ${safeJson(details)}`;
    const time = (options.now ?? (() => new Date()))().toISOString();
    options.write(redact(`${time} ${level.toUpperCase()} ${message}${suffix}`, options.secrets()));
  };
  return {
    debug: (m, d) => {
      emit("debug", m, d);
    },
    info: (m, d) => {
      emit("info", m, d);
    },
    warn: (m, d) => {
      emit("warn", m, d);
    },
    error: (m, d) => {
      emit("error", m, d);
    },
  };
}

/** Masks every known secret of 4+ characters. Longest first, so one PIN inside another is masked whole. */
export function redact(line: string, secrets: Iterable<string>): string {
  const sorted = [...new Set(secrets)].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
  let out = line;
  for (const secret of sorted) out = out.split(secret).join("****");
  return out;
}

/**
 * An error's `code` as HA and Latchkey name it ("unknown_command", "home_assistant_error"): words
 * in snake case, which no keypad takes as a PIN. Any other `code` value is masked like a PIN.
 */
const ERROR_CODE = /^[a-z]+(_[a-z]+)*$/;

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (key, v: unknown) => {
      if (v === null || v === undefined || !SECRET_KEYS.test(key)) return v instanceof Error ? v.message : v;
      return key === "code" && typeof v === "string" && ERROR_CODE.test(v) ? v : "****";
    });
  } catch {
    return "[unserializable]";
  }
}
