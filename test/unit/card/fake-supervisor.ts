/**
 * HA's websocket commands for reaching add-ons, as the card meets them. Two generations:
 *  - "proxy": `supervisor/api` as in home-assistant/core `hassio/websocket_api.py` up to at least
 *    2026.5 (non-admins may call only `/addons/<slug>/info` and
 *    `/ingress/session|validate_session`), with the Supervisor's REST answers (`data` of
 *    `/addons`, `/addons/<slug>/info`, `/ingress/session`); the dedicated commands answer
 *    `unknown_command` there.
 *  - "dedicated": the commands a newer home-assistant/frontend uses (`supervisor/ingress/info
 *    {slug}`, `supervisor/ingress/session {slug}`, `supervisor/ingress/validate_session
 *    {session}`, answers shaped as its `IngressAppInfo` / `{session}`), with `supervisor/api`
 *    assumed admin-only. Read from the frontend only; the core side is not verified.
 * There is no Supervisor on this machine to hold either to; the rules are the cited ones.
 */
import { z } from "zod";

const SupervisorCallSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("supervisor/api"),
    endpoint: z.string(),
    method: z.enum(["get", "post"]),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
  z.object({ type: z.literal("supervisor/ingress/info"), slug: z.string() }),
  z.object({ type: z.literal("supervisor/ingress/session"), slug: z.string() }),
  z.object({ type: z.literal("supervisor/ingress/validate_session"), session: z.string() }),
]);
export type SupervisorCall = z.infer<typeof SupervisorCallSchema>;

const NO_ADMIN_ENDPOINTS = /^(?:\/ingress\/(session|validate_session)|\/addons\/[^/]+\/info)$/;

export interface FakeAddonEntry {
  slug: string;
  state: "started" | "stopped";
  ingressUrl: string;
}

/** How HA's websocket rejects a command. `hass.callWS` rejects with a plain `{code, message}`; the card reads only `code`, which this has too. */
interface WsError {
  code: string;
  message: string;
}

class WsCommandError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class FakeSupervisor {
  readonly calls: SupervisorCall[] = [];
  readonly sessions = new Set<string>();
  private nextSession = 1;

  constructor(
    public addons: FakeAddonEntry[],
    private readonly isAdmin: () => boolean,
    readonly generation: "proxy" | "dedicated" = "proxy",
  ) {}

  /** Stands in for `hass.callWS`. */
  readonly callWs = (message: Record<string, unknown>): Promise<unknown> => {
    const call = SupervisorCallSchema.parse(message);
    this.calls.push(call);
    return new Promise((resolve, reject) => {
      queueMicrotask(() => {
        const answer = this.answer(call);
        if ("error" in answer) reject(new WsCommandError(answer.error.code, answer.error.message));
        else resolve(answer.result);
      });
    });
  };

  /** The Supervisor forgets sessions that were not validated for 15 minutes. */
  expireSessions(): void {
    this.sessions.clear();
  }

  /** What was asked, as `endpoint` for the proxy and `type` for dedicated commands. */
  endpoints(): string[] {
    return this.calls.map((c) => (c.type === "supervisor/api" ? c.endpoint : c.type));
  }

  private answer(call: SupervisorCall): { result: unknown } | { error: WsError } {
    if (call.type !== "supervisor/api") {
      if (this.generation === "proxy")
        return { error: { code: "unknown_command", message: "Unknown command." } };
      return this.dedicated(call);
    }
    const adminOnly = this.generation === "dedicated" || !NO_ADMIN_ENDPOINTS.test(call.endpoint);
    if (adminOnly && !this.isAdmin()) return { error: { code: "unauthorized", message: "Unauthorized" } };
    if (call.endpoint === "/addons")
      return {
        result: { addons: this.addons.map((a) => ({ slug: a.slug, name: "Latchkey", state: a.state })) },
      };
    const info = /^\/addons\/([^/]+)\/info$/.exec(call.endpoint);
    if (info) {
      const addon = this.addons.find((a) => a.slug === info[1]);
      if (!addon) return { error: { code: "unknown_error", message: "Addon does not exist" } };
      return {
        result: {
          name: "Latchkey",
          slug: addon.slug,
          state: addon.state,
          ingress: true,
          ingress_url: addon.ingressUrl,
          ingress_entry: addon.ingressUrl,
          version: "0.1.0",
        },
      };
    }
    if (call.endpoint === "/ingress/session") return { result: { session: this.newSession() } };
    if (call.endpoint === "/ingress/validate_session")
      return this.validate(z.object({ session: z.string() }).parse(call.data).session);
    return { error: { code: "unknown_error", message: `unexpected endpoint ${call.endpoint}` } };
  }

  private dedicated(
    call: Exclude<SupervisorCall, { type: "supervisor/api" }>,
  ): { result: unknown } | { error: WsError } {
    if (call.type === "supervisor/ingress/validate_session") return this.validate(call.session);
    const addon = this.addons.find((a) => a.slug === call.slug);
    if (!addon) return { error: { code: "not_found", message: "App not found" } };
    if (call.type === "supervisor/ingress/info")
      return {
        result: {
          name: "Latchkey",
          slug: addon.slug,
          version: "0.1.0",
          state: addon.state,
          ingress_url: addon.ingressUrl,
        },
      };
    return { result: { session: this.newSession() } };
  }

  private newSession(): string {
    const session = `session-${String(this.nextSession++)}`;
    this.sessions.add(session);
    return session;
  }

  private validate(session: string): { result: unknown } | { error: WsError } {
    return this.sessions.has(session)
      ? { result: {} }
      : { error: { code: "unauthorized", message: "Unauthorized" } };
  }
}
