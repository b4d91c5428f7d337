// A minimal configuration.yaml: only the integrations Latchkey's tests and demo need.
// `default_config:` is avoided on purpose (it pulls integrations that need extra packages or
// network). HA 2024.3 still sets up its built-in DEFAULT_INTEGRATIONS (automation, backup,
// network, …); their requirements are pinned in requirements.txt.
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

export interface ConfigYamlOptions {
  readonly configDir: string;
  readonly port: number;
  readonly name?: string;
}

export function configurationYaml(opts: ConfigYamlOptions): string {
  return [
    "homeassistant:",
    `  name: ${JSON.stringify(opts.name ?? "Latchkey Test")}`,
    "  time_zone: UTC",
    "  unit_system: metric",
    "  country: US",
    "  currency: USD",
    "http:",
    "  server_host: 127.0.0.1",
    `  server_port: ${opts.port}`,
    "frontend:",
    "config:",
    "api:",
    "lovelace:",
    "  mode: storage",
    // No db_url: HA's default is home-assistant_v2.db in the config folder, wherever HA sees it.
    "recorder:",
    "  commit_interval: 1",
    "logbook:",
    "history:",
    "persistent_notification:",
    "person:",
    "logger:",
    "  default: warning",
    "  logs:",
    "    homeassistant.components.zwave_js: info",
    // The invoke_cc_api service logs its result at info: a User Code "get" would put PINs in the log.
    "    homeassistant.components.zwave_js.services: warning",
    "    homeassistant.setup: info",
    "",
  ].join("\n");
}

/**
 * Writes configuration.yaml unless one exists. Returns true when it was written.
 * An existing file is kept (a demo config dir keeps the user's own edits), but it must
 * bind the requested port, else HA would answer somewhere the harness does not look.
 */
export async function ensureConfigYaml(opts: ConfigYamlOptions): Promise<boolean> {
  await mkdir(join(opts.configDir, "www"), { recursive: true });
  const file = join(opts.configDir, "configuration.yaml");
  if (existsSync(file)) {
    const port = /^\s*server_port:\s*(\d+)/m.exec(await readFile(file, "utf8"))?.[1];
    if (port !== String(opts.port)) {
      throw new Error(`${file} binds port ${port ?? "(none)"}, expected ${opts.port}`);
    }
    return false;
  }
  await writeFile(file, configurationYaml(opts), "utf8");
  return true;
}
