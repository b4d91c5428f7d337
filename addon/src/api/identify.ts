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

const CurrentUserSchema = z
  .object({ id: z.string(), name: z.string().nullable(), is_admin: z.boolean() })
  .loose();

/** Only the Supervisor's ingress proxy may name the user in a header. */
export const INGRESS_PROXY_ADDRESS = "172.30.32.2";

/** Ingress: the proxy names the user; whether they are an admin we ask HA. */
export async function userFromIngress(client: HaClient, userId: string): Promise<ApiUser | null> {
  return (await listUsers(client)).find((u) => u.id === userId) ?? null;
}

/**
 * Standalone: the card sends the user's own HA access token; HA tells us who that is
 * (`auth/current_user`). The token is used for this one check and never stored or logged.
 */
export function userFromToken(
  haWsUrl: string,
  accessToken: string,
  timeoutMs = 10_000,
): Promise<ApiUser | null> {
  return new Promise((resolve) => {
    const socket = new WebSocket(haWsUrl);
    const done = (user: ApiUser | null) => {
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.on("error", () => undefined);
      socket.close();
      resolve(user);
    };
    const timer = setTimeout(() => {
      done(null);
    }, timeoutMs);
    socket.on("error", () => {
      done(null);
    });
    socket.on("message", (data: WebSocket.RawData) => {
      const frame = z
        .object({ type: z.string(), result: z.unknown().optional(), success: z.boolean().optional() })
        .safeParse(parseJson(rawText(data)));
      if (!frame.success) return;
      if (frame.data.type === "auth_required")
        socket.send(JSON.stringify({ type: "auth", access_token: accessToken }));
      else if (frame.data.type === "auth_invalid") done(null);
      else if (frame.data.type === "auth_ok")
        socket.send(JSON.stringify({ id: 1, type: "auth/current_user" }));
      else if (frame.data.type === "result") {
        const user = CurrentUserSchema.safeParse(frame.data.result);
        done(
          frame.data.success && user.success
            ? { id: user.data.id, name: user.data.name ?? "Unknown", isAdmin: user.data.is_admin }
            : null,
        );
      }
    });
  });
}
