// Home Assistant 2026.x moves the `http:` section of configuration.yaml into its own storage as
// a *pending* config on the first start, and if nobody confirms it within five minutes it
// reverts to the stable one (port 8123 on every interface) and restarts itself: a test HA on
// its own port would vanish mid-run. Confirming it is what a person does in Settings → Network
// after checking that HA still answers; the harness does it once HA answers on the new port.
// Older releases have no such command (unknown_command): nothing to confirm there.
import { z } from "zod";
import { haWs } from "./ha-ws.js";
import { HaWsError } from "./ws-frames.js";

const HttpConfig = z.looseObject({ pending: z.unknown().nullable() });

export async function confirmHttpConfig(url: string, adminToken: string): Promise<"confirmed" | "nothing"> {
  const ws = await haWs(url, adminToken);
  try {
    const config = await ws.callParsed(HttpConfig, "http/config");
    if (config.pending === null) return "nothing";
    await ws.call("http/config/promote");
    return "confirmed";
  } catch (error) {
    if (error instanceof HaWsError && error.code === "unknown_command") return "nothing";
    throw error;
  } finally {
    await ws.close();
  }
}
