import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { OptionsSchema } from "../../../addon/src/config";
import { ADDON_NODE_FLAGS } from "../../integration/support/addon-process";
import { haTarget } from "../../stack/ha/target";

// Packaging checks for the add-on repository (repository.yaml, addon/) and the HACS card
// (hacs.json): what the Supervisor, the add-on linter and HACS would reject, caught here.

const root = fileURLToPath(new URL("../../../", import.meta.url));
const read = (path: string): string => readFileSync(`${root}${path}`, "utf8");
const readYaml = (path: string): unknown => load(read(path));

/**
 * Every top-level key the add-on linter (frenck/action-addon-linter, src/config.schema.json,
 * additionalProperties: false) knows, with the default it rejects when a config restates it.
 * `codenotary`, `watchdog` and `auto_uart` are left out: the linter fails them as deprecated.
 */
const LINTER_KEYS_WITH_DEFAULT: Record<string, unknown> = {
  advanced: false,
  apparmor: true,
  audio: false,
  auth_api: false,
  backup: "hot",
  boot: "auto",
  devicetree: false,
  docker_api: false,
  full_access: false,
  gpio: false,
  hassio_api: false,
  hassio_role: "default",
  homeassistant: false,
  homeassistant_api: false,
  host_dbus: false,
  host_ipc: false,
  host_network: false,
  host_pid: false,
  host_uts: false,
  ingress: false,
  ingress_port: 8099,
  ingress_stream: false,
  init: true,
  journald: false,
  kernel_modules: false,
  legacy: false,
  options: {},
  panel_admin: true,
  panel_icon: "mdi:puzzle",
  realtime: false,
  schema: {},
  stage: "stable",
  startup: "application",
  stdin: false,
  timeout: 10,
  tmpfs: false,
  uart: false,
  udev: false,
  ulimits: {},
  usb: false,
  video: false,
};
const LINTER_KEYS_WITHOUT_DEFAULT = [
  "arch",
  "backup_exclude",
  "backup_pre",
  "backup_post",
  "breaking_versions",
  "description",
  "devices",
  "discovery",
  "environment",
  "image",
  "ingress_entry",
  "machine",
  "map",
  "name",
  "panel_title",
  "ports",
  "ports_description",
  "privileged",
  "services",
  "slug",
  "url",
  "version",
  "webui",
];
const REQUIRED_KEYS = ["name", "version", "slug", "description", "arch"];

/**
 * Options the add-on reads that are deliberately not in config.yaml, each with the reason.
 * They still work standalone (options.json in the data folder, or environment variables).
 */
const STANDALONE_ONLY: Record<string, string> = {
  ha_url:
    "under the Supervisor the add-on reaches HA through the Supervisor proxy with SUPERVISOR_TOKEN; a URL would bypass it",
  ha_token: "goes with ha_url: the Supervisor provides the add-on's token",
  api_port:
    "must stay 8099, the ingress_port and the port the Dockerfile HEALTHCHECK probes; users pick a host port in the Network section instead",
  lock_slot_counts: "a map from entity id to slot count, which the Supervisor's option schema cannot express",
};

const SchemaValue = z.union([z.string(), z.array(z.string()).length(1)]);
const AddonConfig = z.looseObject({
  name: z.string().min(1),
  version: z.string().min(1),
  slug: z.string().regex(/^[a-z0-9_]+$/),
  description: z.string().min(1),
  arch: z.array(z.enum(["aarch64", "amd64"])).min(1),
  ingress_port: z.number().int().optional(),
  ports: z.record(z.string(), z.number().int().nullable()).optional(),
  options: z.record(z.string(), z.unknown()).default({}),
  schema: z.record(z.string(), SchemaValue).default({}),
});

const rawConfig = z.record(z.string(), z.unknown()).parse(readYaml("addon/config.yaml"));
const config = AddonConfig.parse(rawConfig);
const configOptionKeys = [...new Set([...Object.keys(config.options), ...Object.keys(config.schema)])];
const optionKeys = Object.keys(OptionsSchema.shape);
const codeDefaults = OptionsSchema.parse({});
const codeDefaultsByKey: Record<string, unknown> = { ...codeDefaults };

/** The Supervisor's grammar for one schema element: a type, an optional (min,max), an optional `?`. */
const SCHEMA_ELEMENT =
  /^(?:bool|email|url|port|device(?:\(subsystem=[a-z]+\))?|(?:str|password)(?:\(\d*,\d*\))?|int(?:\(-?\d*,-?\d*\))?|float(?:\([-\d.]*,[-\d.]*\))?|match\(.*\)|list\(.+\))\??$/;

/** Whether the add-on's own parser accepts `value` for `key`, every other option left to its default. */
function codeAccepts(key: string, value: unknown): boolean {
  return OptionsSchema.safeParse({ [key]: value }).success;
}

describe("addon/config.yaml", () => {
  it("has the keys the Supervisor requires", () => {
    for (const key of REQUIRED_KEYS) expect(rawConfig, key).toHaveProperty(key);
  });

  it("uses only keys the add-on linter knows", () => {
    const known = new Set([...Object.keys(LINTER_KEYS_WITH_DEFAULT), ...LINTER_KEYS_WITHOUT_DEFAULT]);
    expect(Object.keys(rawConfig).filter((key) => !known.has(key))).toEqual([]);
  });

  it("restates no default (the linter rejects that), and sets init: false for the HA base image's own init", () => {
    const restated = Object.entries(LINTER_KEYS_WITH_DEFAULT)
      .filter(
        ([key, fallback]) => key in rawConfig && JSON.stringify(rawConfig[key]) === JSON.stringify(fallback),
      )
      .map(([key]) => key);
    expect(restated).toEqual([]);
    // init defaults to true, so `init: false` is not a restated default: s6-overlay in the base image must be PID 1.
    expect(rawConfig.init).toBe(false);
  });

  it("runs as an ingress add-on that talks to Home Assistant", () => {
    expect(rawConfig.ingress).toBe(true);
    expect(rawConfig.homeassistant_api).toBe(true);
    expect(rawConfig.panel_icon).toMatch(/^mdi:[a-z0-9-]+$/);
    expect(rawConfig, "the linter rejects webui with ingress").not.toHaveProperty("webui");
  });

  it("has the same version as package.json", () => {
    const pkg = z.object({ version: z.string() }).parse(JSON.parse(read("package.json")));
    expect(config.version).toBe(pkg.version);
  });

  it("serves ingress and the health check on the port the add-on listens on", () => {
    const ingressPort = config.ingress_port ?? 8099;
    expect(codeDefaults.api_port).toBe(ingressPort);
    expect(read("addon/Dockerfile")).toMatch(new RegExp(`HEALTHCHECK[\\s\\S]*\\b${ingressPort}\\b`));
    for (const port of Object.keys(config.ports ?? {})) expect(port).toBe(`${ingressPort}/tcp`);
  });
});

describe("add-on options", () => {
  it("are all options the add-on really reads", () => {
    expect(configOptionKeys.filter((key) => !optionKeys.includes(key))).toEqual([]);
  });

  it("cover every option the add-on reads, except the listed standalone-only ones", () => {
    const missing = optionKeys.filter((key) => !configOptionKeys.includes(key) && !(key in STANDALONE_ONLY));
    expect(missing).toEqual([]);
    for (const key of Object.keys(STANDALONE_ONLY)) {
      expect(optionKeys, `${key} is listed as standalone-only but the add-on does not read it`).toContain(
        key,
      );
      expect(configOptionKeys, `${key} is listed as standalone-only but is in config.yaml`).not.toContain(
        key,
      );
    }
  });

  it("have a schema entry in the Supervisor's syntax for every option", () => {
    for (const key of Object.keys(config.options)) expect(config.schema, key).toHaveProperty(key);
    for (const [key, value] of Object.entries(config.schema)) {
      const element = typeof value === "string" ? value : (value[0] ?? "");
      expect(element, key).toMatch(SCHEMA_ELEMENT);
      // The Supervisor requires a value in options for every schema entry not marked optional.
      if (!element.endsWith("?"))
        expect(config.options, `${key} is required by its schema but has no value`).toHaveProperty(key);
    }
  });

  it("offer the add-on's own defaults, which its parser accepts", () => {
    for (const [key, value] of Object.entries(config.options)) {
      expect(value, key).toEqual(codeDefaultsByKey[key]);
    }
    expect(OptionsSchema.safeParse(config.options).success).toBe(true);
  });

  it("have Supervisor schemas that accept and reject what the add-on's parser does", () => {
    for (const [key, value] of Object.entries(config.schema)) {
      const element = (typeof value === "string" ? value : (value[0] ?? "")).replace(/\?$/, "");
      const wrap = (probe: unknown): unknown => (typeof value === "string" ? probe : [probe]);
      const int = /^int\((-?\d*),(-?\d*)\)$/.exec(element);
      const list = /^list\((.+)\)$/.exec(element);
      const match = /^match\((.*)\)$/.exec(element);
      if (element === "bool") {
        expect(codeAccepts(key, wrap(true)) && codeAccepts(key, wrap(false)), key).toBe(true);
        expect(codeAccepts(key, wrap("yes")), key).toBe(false);
      } else if (int) {
        const [, min = "", max = ""] = int;
        if (min !== "") {
          expect(codeAccepts(key, wrap(Number(min))), `${key} accepts ${min}`).toBe(true);
          expect(codeAccepts(key, wrap(Number(min) - 1)), `${key} rejects below ${min}`).toBe(false);
        }
        if (max !== "") {
          expect(codeAccepts(key, wrap(Number(max))), `${key} accepts ${max}`).toBe(true);
          expect(codeAccepts(key, wrap(Number(max) + 1)), `${key} rejects above ${max}`).toBe(false);
        }
        expect(codeAccepts(key, wrap(1.5)), `${key} rejects fractions`).toBe(false);
      } else if (list) {
        for (const choice of (list[1] ?? "").split("|"))
          expect(codeAccepts(key, wrap(choice)), `${key} accepts ${choice}`).toBe(true);
        expect(codeAccepts(key, wrap("not-a-choice")), key).toBe(false);
      } else if (match) {
        const pattern = new RegExp(match[1] ?? "");
        const probes = [
          "persistent_notification",
          "notify.mobile_app_phone",
          "notify.",
          "notify.Phone",
          "light.kitchen",
          "",
          "persistent_notification2",
        ];
        for (const probe of probes)
          expect(codeAccepts(key, wrap(probe)), `${key}: ${probe}`).toBe(pattern.test(probe));
      } else {
        expect.fail(`${key}: add a cross-check for schema type ${element}`);
      }
    }
  });

  it("are optional in the add-on's parser when optional in the schema", () => {
    for (const [key, value] of Object.entries(config.schema)) {
      if (typeof value === "string" && value.endsWith("?"))
        expect(codeAccepts(key, undefined), key).toBe(true);
    }
  });
});

describe("addon/translations/en.yaml", () => {
  const Translations = z.strictObject({
    configuration: z.record(
      z.string(),
      z.strictObject({ name: z.string().min(1), description: z.string().min(1) }),
    ),
    network: z.record(z.string(), z.string().min(1)).optional(),
  });
  const translations = Translations.parse(readYaml("addon/translations/en.yaml"));

  it("names and describes every option, and no other", () => {
    expect(Object.keys(translations.configuration).sort()).toEqual([...configOptionKeys].sort());
  });

  it("describes every port", () => {
    expect(Object.keys(translations.network ?? {}).sort()).toEqual(Object.keys(config.ports ?? {}).sort());
  });
});

describe("addon/Dockerfile", () => {
  const dockerfile = read("addon/Dockerfile");
  const instructions = dockerfile
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("#"))
    .join("\n");

  it("builds from the Supervisor's BUILD_FROM (build.yaml is retired)", () => {
    expect(dockerfile).toMatch(/^ARG BUILD_FROM=ghcr\.io\/home-assistant\/base:[\w.-]+$/m);
    expect(dockerfile).toMatch(/^FROM \$\{BUILD_FROM\}$/m);
    expect(existsSync(`${root}addon/build.yaml`)).toBe(false);
  });

  it("installs Node from Alpine and runs the committed bundle, without npm", () => {
    expect(dockerfile).toMatch(/^RUN apk add --no-cache (?:.* )?nodejs(?: |$)/m);
    expect(dockerfile).toMatch(/^COPY dist\/latchkey-addon\.mjs \/app\/latchkey-addon\.mjs$/m);
    const cmd = JSON.stringify(["node", ...ADDON_NODE_FLAGS, "/app/latchkey-addon.mjs"]).replaceAll(
      ",",
      ", ",
    );
    // Tests and bench start the bundle with the same flags, so what they measure is what runs.
    expect(dockerfile.split("\n")).toContain(`CMD ${cmd}`);
    expect(read("addon/DOCS.md")).toContain(`command: ${cmd}`);
    expect(instructions).not.toMatch(/\b(?:npm|yarn|pnpm)\b/);
    expect(existsSync(`${root}addon/dist/latchkey-addon.mjs`)).toBe(true);
  });

  it("ships the ingress panel's script next to the bundle, where the add-on looks for it", () => {
    expect(dockerfile).toMatch(/^COPY dist\/latchkey-panel\.js \/app\/latchkey-panel\.js$/m);
    expect(existsSync(`${root}addon/dist/latchkey-panel.js`)).toBe(true);
  });

  it("has a health check", () => {
    expect(instructions).toMatch(/^HEALTHCHECK /m);
  });
});

describe("add-on repository files", () => {
  it("repository.yaml names the repository", () => {
    const repository = z
      .strictObject({ name: z.string().min(1), url: z.url(), maintainer: z.string().min(1) })
      .parse(readYaml("repository.yaml"));
    expect(repository.url).toMatch(/^https:\/\/github\.com\//);
  });

  it("has the store's documentation, changelog and AppArmor profile for the slug", () => {
    expect(read("addon/DOCS.md")).toContain("call_service");
    expect(read("addon/CHANGELOG.md")).toContain(config.version);
    expect(read("addon/apparmor.txt")).toMatch(new RegExp(`^profile ${config.slug} `, "m"));
  });

  it("has a 128×128 icon and a logo", () => {
    const pngSize = (path: string): [number, number] => {
      const bytes = readFileSync(`${root}${path}`);
      expect(bytes.subarray(1, 4).toString("latin1"), path).toBe("PNG");
      return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
    };
    expect(pngSize("addon/icon.png")).toEqual([128, 128]);
    const [width, height] = pngSize("addon/logo.png");
    expect(width).toBeGreaterThan(height);
  });
});

describe("the oldest Home Assistant Latchkey supports", () => {
  it("is declared alike in hacs.json, addon/config.yaml and the README, and is the release the oldest real-stack tier runs", () => {
    const declared = z.strictObject({ homeassistant: z.string() });
    const hacs = z.looseObject(declared.shape).parse(JSON.parse(read("hacs.json"))).homeassistant;
    const addon = z.looseObject(declared.shape).parse(readYaml("addon/config.yaml")).homeassistant;
    expect(addon).toBe(hacs);
    expect(read("README.md")).toContain(`Home Assistant ${hacs} or newer`);
    const [year, month] = hacs.split(".");
    expect(haTarget("2024.3").version.startsWith(`${year}.${month}.`)).toBe(true);
  });
});

describe("hacs.json", () => {
  const Hacs = z.strictObject({
    name: z.string().min(1),
    filename: z.string().min(1).optional(),
    content_in_root: z.boolean().optional(),
    hacs: z.string().optional(),
    homeassistant: z.string().optional(),
    hide_default_branch: z.boolean().optional(),
    country: z.union([z.string(), z.array(z.string())]).optional(),
    render_readme: z.boolean().optional(),
    zip_release: z.boolean().optional(),
  });

  it("uses only the keys HACS documents, with a name", () => {
    expect(Hacs.safeParse(JSON.parse(read("hacs.json"))).error).toBeUndefined();
  });

  it("points at a card file that is in dist/", () => {
    const hacs = Hacs.parse(JSON.parse(read("hacs.json")));
    expect(hacs.filename).toBeDefined();
    expect(existsSync(`${root}dist/${hacs.filename ?? ""}`)).toBe(true);
  });

  it("ships each language's texts as a chunk that imports nothing, and the card's parts import only its main chunk", () => {
    // HA loads the card as /hacsfiles/latchkey/latchkey-card.js?hacstag=…: a chunk importing
    // "./latchkey-card.js" would name another URL, and the browser would run the whole card twice.
    const chunks = readdirSync(`${root}dist`)
      .filter((name) => name !== "latchkey-card.js")
      .sort();
    const kind = (name: string) => name.replace(/-[\w-]{8}\.js$/, "");
    expect(chunks.map(kind)).toEqual([
      "latchkey-card-card-editor",
      "latchkey-card-code-editor",
      "latchkey-card-de",
      "latchkey-card-en",
      "latchkey-card-lock-alerts",
      "latchkey-card-main",
      "latchkey-card-share-form",
    ]);
    const main = chunks.find((name) => kind(name) === "latchkey-card-main") ?? "";
    const imports = (name: string) =>
      [...read(`dist/${name}`).matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)"(\.\/[^"]+\.js)"/g)].map(
        (m) => m[1],
      );
    // The entry is one line that loads the main chunk; the main chunk loads the others on demand.
    expect(imports("latchkey-card.js")).toEqual([`./${main}`]);
    for (const name of chunks) {
      if (name === main) continue;
      const language = /^latchkey-card-[a-z]{2}$/.test(kind(name));
      expect(imports(name), name).toEqual(language ? [] : [`./${main}`]);
      expect(read(`dist/${main}`)).toContain(`import("./${name}")`);
    }
  });
});
