// Add the Z-Wave JS (or Matter) config entry the way a user does without the Supervisor: the
// "manual" step of the integration's config flow with the server URL. HA validates the URL by
// connecting to the server, so a server must be listening there.
import { setTimeout as sleep } from "node:timers/promises";
import { type ConfigEntry, FlowResult, configEntries } from "./config-entries.js";
import type { HaInstance } from "./ha-instance.js";
import { haRequest } from "./http.js";

/** zwave_js and matter both ask for their server's websocket URL in a step called "manual". */
export async function addServerUrlEntry(
  instance: HaInstance,
  token: string,
  domain: "zwave_js" | "matter",
  serverUrl: string,
): Promise<ConfigEntry> {
  const existing = (await configEntries(instance, token, domain))[0];
  if (existing !== undefined) return existing;

  const base = `${instance.url}/api/config/config_entries/flow`;
  const first = await haRequest(base, FlowResult, {
    token,
    json: { handler: domain, show_advanced_options: false },
  });
  if (first.type !== "form" || first.step_id !== "manual") {
    throw new Error(`${domain} flow: expected the "manual" form, got ${JSON.stringify(first)}`);
  }
  const done = await haRequest(`${base}/${first.flow_id}`, FlowResult, { token, json: { url: serverUrl } });
  if (done.type === "create_entry") return done.result;
  const detail =
    done.type === "form" ? JSON.stringify(done.errors) : done.type === "abort" ? done.reason : done.type;
  throw new Error(`${domain} flow for ${serverUrl} did not create an entry: ${detail}`);
}

export function addZwaveJsEntry(
  instance: HaInstance,
  token: string,
  serverUrl: string,
): Promise<ConfigEntry> {
  return addServerUrlEntry(instance, token, "zwave_js", serverUrl);
}

/** Wait until the domain's entry reaches `loaded` (or throw with its last state). */
export async function waitForEntryLoaded(
  instance: HaInstance,
  token: string,
  domain: string,
  timeoutMs = 60_000,
): Promise<ConfigEntry> {
  const deadline = Date.now() + timeoutMs;
  let last: ConfigEntry | undefined;
  while (Date.now() < deadline) {
    last = (await configEntries(instance, token, domain))[0];
    if (last?.state === "loaded") return last;
    await sleep(500);
  }
  throw new Error(`${domain} entry not loaded after ${timeoutMs} ms: ${JSON.stringify(last)}`);
}

export function waitForZwaveJsLoaded(
  instance: HaInstance,
  token: string,
  timeoutMs = 60_000,
): Promise<ConfigEntry> {
  return waitForEntryLoaded(instance, token, "zwave_js", timeoutMs);
}
