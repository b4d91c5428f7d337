// Preloaded into zwave-server (`node --import .../server-schema-shim.ts`): makes @zwave-js/server
// 3.10.2 advertise Z-Wave JS server API schema 51 instead of 50.
//
// Why: Home Assistant 2026.11's zwave_js pins zwave-js-server-python 0.74.0, which refuses any
// server below schema 51, and 3.10.2 is the newest @zwave-js/server the npm registry serves
// (2026-09). Schema 51 adds only a node field (`endpointGroups`, which the client reads with a
// default) and renames one argument of `controller.toggle_rf`, which neither HA's lock code
// paths nor Latchkey use. The contract tests run against this server, so a difference that
// matters shows there. Drop this file when a server with schema 51 is published.
import { register } from "node:module";

/** The schema the newest pinned Home Assistant requires; the shim raises the server to it. */
export const SHIM_SCHEMA = 51;

register(
  "data:text/javascript," +
    encodeURIComponent(`
      export async function load(url, context, nextLoad) {
        const result = await nextLoad(url, context);
        if (!/@zwave-js\\/server\\/dist-esm\\/lib\\/const\\.js$/.test(url)) return result;
        const source = String(result.source);
        const patched = source.replace(/maxSchemaVersion = 50;/, "maxSchemaVersion = ${SHIM_SCHEMA};");
        if (patched === source) throw new Error("server-schema-shim: @zwave-js/server's const.js changed; remove or update the shim");
        return { ...result, source: patched };
      }
    `),
);
