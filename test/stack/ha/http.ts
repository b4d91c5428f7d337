// Tiny fetch helpers: every response body is parsed with the caller's zod schema.
import { z } from "zod";

export class HaHttpError extends Error {
  constructor(
    readonly method: string,
    readonly url: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`${method} ${url} → HTTP ${status}: ${body.slice(0, 300)}`);
    this.name = "HaHttpError";
  }
}

export interface RequestOptions {
  readonly token?: string;
  readonly json?: unknown;
  readonly form?: Record<string, string>;
  readonly method?: string;
}

export async function haRequest<T>(url: string, schema: z.ZodType<T>, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {};
  let body: string | undefined;
  if (opts.token !== undefined) headers.authorization = `Bearer ${opts.token}`;
  if (opts.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(opts.json);
  } else if (opts.form !== undefined) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(opts.form).toString();
  }
  const method = opts.method ?? (body === undefined ? "GET" : "POST");
  const res = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(30_000) });
  const text = await res.text();
  if (!res.ok) throw new HaHttpError(method, url, res.status, text);
  const parsed: unknown = text === "" ? null : JSON.parse(text);
  return schema.parse(parsed);
}

/** GET that reports the status instead of throwing (used while waiting for HA to come up). */
export async function probeStatus(url: string): Promise<number> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}
