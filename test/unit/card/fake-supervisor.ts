/**
 * HA's `supervisor/api` websocket command as the card meets it. Shapes follow
 * home-assistant/core `hassio/websocket_api.py` (non-admins may call only
 * `/addons/<slug>/info` and `/ingress/session|validate_session`; others raise Unauthorized)
 * and the Supervisor's REST answers (`data` of `/addons`, `/addons/<slug>/info`,
 * `/ingress/session`). There is no Supervisor on this machine to hold it to; the rules it
 * encodes are the ones cited above.
 */
import { z } from "zod";

const SupervisorCallSchema = z.object({
  type: z.literal("supervisor/api"),
  endpoint: z.string(),
  method: z.enum(["get", "post"]),
  data: z.record(z.string(), z.unknown()).optional(),
});
export type SupervisorCall = z.infer<typeof SupervisorCallSchema>;

const NO_ADMIN_ENDPOINTS = /^(?:\/ingress\/(session|validate_session)|\/addons\/[^/]+\/info)$/;

export interface FakeAddonEntry {
  slug: string;
  state: "started" | "stopped";
  ingressUrl: string;
}

export class FakeSupervisor {
  readonly calls: SupervisorCall[] = [];
  readonly sessions = new Set<string>();
  private nextSession = 1;

  constructor(
    public addons: FakeAddonEntry[],
    private readonly isAdmin: () => boolean,
  ) {}

  /** Stands in for `hass.callWS`. */
  readonly callWs = (message: Record<string, unknown>): Promise<unknown> => {
    const call = SupervisorCallSchema.parse(message);
    this.calls.push(call);
    return new Promise((resolve, reject) => {
      queueMicrotask(() => {
        try {
          resolve(this.answer(call));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
  };

  /** The Supervisor forgets sessions that were not validated for 15 minutes. */
  expireSessions(): void {
    this.sessions.clear();
  }

  endpoints(): string[] {
    return this.calls.map((c) => c.endpoint);
  }

  private answer(call: SupervisorCall): unknown {
    if (!this.isAdmin() && !NO_ADMIN_ENDPOINTS.test(call.endpoint)) throw new Error("Unauthorized");
    if (call.endpoint === "/addons") return { addons: this.addons.map((a) => ({ slug: a.slug, name: "Latchkey", state: a.state })) };
    const info = /^\/addons\/([^/]+)\/info$/.exec(call.endpoint);
    if (info) {
      const addon = this.addons.find((a) => a.slug === info[1]);
      if (!addon) throw new Error("Addon does not exist");
      return { name: "Latchkey", slug: addon.slug, state: addon.state, ingress: true, ingress_url: addon.ingressUrl, ingress_entry: addon.ingressUrl, version: "0.1.0" };
    }
    if (call.endpoint === "/ingress/session") {
      const session = `session-${String(this.nextSession++)}`;
      this.sessions.add(session);
      return { session };
    }
    if (call.endpoint === "/ingress/validate_session") {
      const session = z.object({ session: z.string() }).parse(call.data).session;
      if (!this.sessions.has(session)) throw new Error("Unauthorized");
      return {};
    }
    throw new Error(`unexpected endpoint ${call.endpoint}`);
  }
}
