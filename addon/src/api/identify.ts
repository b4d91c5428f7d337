import WebSocket from "ws";
import { z } from "zod";
import type { HaClient } from "../ha/client";
import { parseJson, rawText } from "../ha/raw-text";
import { listUsers } from "../ha/users";

export interface ApiUser {
  id: string;
  name: string;
  isAdmin: boolean;
}

/** Who is on a connection: the user, and in standalone installs the HA token they logged in with. */
export interface Identity {
  user: ApiUser;
  /** Kept in memory only, to ask HA now and then whether it still accepts it; never stored or logged. */
  token?: string;
}

const CurrentUserSchema = z
  .object({ id: z.string(), name: z.string().nullable(), is_admin: z.boolean() })
  .loose();
/** Only the Supervisor's ingress proxy may name the user in a header. */
export const INGRESS_PROXY_ADDRESS = "172.30.32.2";

/** Ingress: the proxy names the user; whether they are an admin we ask HA. */
export async function userFromIngress(client: HaClient, userId: string): Promise<ApiUser | null> {
  const user = (await listUsers(client)).find((u) => u.id === userId && u.active);
  return user ? { id: user.id, name: user.name, isAdmin: user.isAdmin } : null;
}

export type TokenCheck = { kind: "accepted"; user: ApiUser } | { kind: "refused" } | { kind: "unreachable" };

/**
 * Standalone: the card sends the user's own HA access token; HA tells us who that is
 * (`auth/current_user`). "refused" only when HA said so (auth_invalid); anything else —
 * HA away, too slow, an odd answer — is "unreachable", which says nothing about the token.
 */
export function checkToken(haWsUrl: string, accessToken: string, timeoutMs = 10_000): Promise<TokenCheck> {
  return new Promise((resolve) => {
    const socket = new WebSocket(haWsUrl);
    const done = (result: TokenCheck) => {
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.on("error", () => undefined);
      socket.close();
      resolve(result);
    };
    const timer = setTimeout(() => {
      done({ kind: "unreachable" });
    }, timeoutMs);
    socket.on("error", () => {
      done({ kind: "unreachable" });
    });
    socket.on("close", () => {
      done({ kind: "unreachable" });
    });
    socket.on("message", (data: WebSocket.RawData) => {
      const frame = z
        .object({ type: z.string(), result: z.unknown().optional(), success: z.boolean().optional() })
        .safeParse(parseJson(rawText(data)));
      if (!frame.success) return;
      if (frame.data.type === "auth_required")
        socket.send(JSON.stringify({ type: "auth", access_token: accessToken }));
      else if (frame.data.type === "auth_invalid") done({ kind: "refused" });
      else if (frame.data.type === "auth_ok")
        socket.send(JSON.stringify({ id: 1, type: "auth/current_user" }));
      else if (frame.data.type === "result") {
        const user = CurrentUserSchema.safeParse(frame.data.result);
        done(
          frame.data.success && user.success
            ? {
                kind: "accepted",
                user: { id: user.data.id, name: user.data.name ?? "Unknown", isAdmin: user.data.is_admin },
              }
            : { kind: "unreachable" },
        );
      }
    });
  });
}
