// Captures what the pinned HA really answers for the zwave_js calls Latchkey relies on,
// against the simulated lock network (test/stack/zwave). Output: a JSON document of
// request → response/error/event pairs, for contract tests and the HA fake.
//   npx tsx test/stack/ha/research-zwave.ts [out.json]
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { startZwaveStack } from "../zwave/zwave-stack.js";
import {
  addZwaveJsEntry,
  freePort,
  haWs,
  type HaWs,
  HaWsError,
  onboard,
  startHomeAssistant,
  waitForZwaveJsLoaded,
} from "./index.js";

const out: Record<string, unknown> = {};
const say = (msg: string): void => {
  console.log(`[research] ${msg}`);
};

async function capture(
  ws: HaWs,
  key: string,
  type: string,
  payload: Record<string, unknown> = {},
): Promise<unknown> {
  try {
    const result = await ws.call(type, payload);
    out[key] = { request: { type, ...payload }, result };
    return result;
  } catch (err) {
    const error = err instanceof HaWsError ? { code: err.code, message: err.haMessage } : String(err);
    out[key] = { request: { type, ...payload }, error };
    return undefined;
  }
}

async function collect(
  ws: HaWs,
  key: string,
  type: string,
  payload: Record<string, unknown>,
  act: () => Promise<unknown>,
  waitMs = 4000,
): Promise<void> {
  const events: unknown[] = [];
  const unsub = await ws.subscribe(type, payload, (e) => {
    events.push(e);
  });
  out[`${key}.action`] = await act().catch((err: unknown) => (err instanceof Error ? err.message : err));
  await sleep(waitMs);
  await unsub();
  out[key] = { request: { type, ...payload }, events };
}

const RegEntity = z.object({ entity_id: z.string(), platform: z.string(), device_id: z.string().nullable() });
const work = await mkdtemp(join(tmpdir(), "latchkey-research-"));
const stack = await startZwaveStack({ workDir: join(work, "zwave") });
say(`zwave stack ${stack.wsUrl}`);
const ha = await startHomeAssistant({ configDir: join(work, "ha"), port: await freePort() });
try {
  const creds = await onboard(ha);
  await addZwaveJsEntry(ha, creds.admin.token, stack.wsUrl);
  await waitForZwaveJsLoaded(ha, creds.admin.token);
  const ws = await haWs(ha.url, creds.admin.token);
  const guest = await haWs(ha.url, creds.nonAdmin.token);

  let locks: z.infer<typeof RegEntity>[] = [];
  for (let i = 0; i < 120 && locks.length < 3; i++) {
    const all = await ws.callParsed(z.array(RegEntity), "config/entity_registry/list");
    locks = all.filter((e) => e.platform === "zwave_js" && e.entity_id.startsWith("lock."));
    if (locks.length < 3) await sleep(500);
  }
  const lock = locks.find((l) => l.entity_id.includes("back")) ?? locks[0];
  if (lock?.device_id == null) throw new Error(`no zwave_js lock entity: ${JSON.stringify(locks)}`);
  const deviceId = lock.device_id;
  const lockNode = Number(/node_(\d+)/.exec(lock.entity_id)?.[1] ?? "2");
  say(`lock ${lock.entity_id} device ${deviceId}`);

  const entities = await capture(ws, "entity_registry_list", "config/entity_registry/list");
  out.entity_registry_list = {
    lockEntries: z
      .array(RegEntity.loose())
      .parse(entities)
      .filter((e) => e.device_id === deviceId),
  };
  const devices = await capture(ws, "device_registry_list", "config/device_registry/list");
  out.device_registry_list = {
    lockDevice: z
      .array(z.object({ id: z.string() }).loose())
      .parse(devices)
      .find((d) => d.id === deviceId),
  };
  const states = await capture(ws, "get_states", "get_states");
  out.get_states = {
    locks: z
      .array(z.object({ entity_id: z.string() }).loose())
      .parse(states)
      .filter((s) => s.entity_id.startsWith("lock.")),
  };
  const services = await capture(ws, "get_services", "get_services");
  out.get_services = { zwave_js: z.record(z.string(), z.unknown()).parse(services).zwave_js };

  await capture(ws, "node_status.admin", "zwave_js/node_status", { device_id: deviceId });
  await capture(guest, "node_status.non_admin", "zwave_js/node_status", { device_id: deviceId });
  await capture(ws, "node_status.bad_device", "zwave_js/node_status", { device_id: "nope" });
  await capture(ws, "node_state", "zwave_js/node_state", { device_id: deviceId });
  await capture(ws, "invoke_cc_api", "zwave_js/invoke_cc_api", {
    device_id: deviceId,
    command_class: 99,
    method_name: "get",
    parameters: [5],
    wait_for_result: true,
  });
  await capture(ws, "refresh_node_cc_values", "zwave_js/refresh_node_cc_values", {
    device_id: deviceId,
    command_class_id: 99,
  });
  await capture(guest, "refresh_node_cc_values.non_admin", "zwave_js/refresh_node_cc_values", {
    device_id: deviceId,
    command_class_id: 99,
  });
  await capture(ws, "network_status", "zwave_js/network_status", { device_id: deviceId });
  await capture(guest, "current_user.non_admin", "auth/current_user");
  await capture(ws, "current_user.admin", "auth/current_user");

  const call = (c: HaWs, service: string, data: Record<string, unknown>): Promise<unknown> =>
    c.call("call_service", {
      domain: "zwave_js",
      service,
      service_data: data,
      target: { entity_id: lock.entity_id },
    });
  const trigger = (property: string, slot: number): Record<string, unknown> => ({
    trigger: {
      platform: "zwave_js.value_updated",
      device_id: deviceId,
      command_class: 99,
      property,
      property_key: slot,
    },
  });
  await call(ws, "set_lock_usercode", { code_slot: 5, usercode: "482916" });
  await sleep(1000);
  await collect(ws, "subscribe_trigger.userCode", "subscribe_trigger", trigger("userCode", 5), () =>
    call(ws, "set_lock_usercode", { code_slot: 5, usercode: "111222" }),
  );
  await collect(ws, "subscribe_trigger.userIdStatus", "subscribe_trigger", trigger("userIdStatus", 5), () =>
    call(ws, "clear_lock_usercode", { code_slot: 5 }),
  );
  await call(ws, "set_lock_usercode", { code_slot: 5, usercode: "765432" });
  await sleep(1000);
  // 2024.3 has no ws invoke_cc_api, but the service exists (no response): a User Code "get"
  // makes the driver re-read the slot, which reaches us through the value_updated trigger.
  await collect(
    ws,
    "service_invoke_cc_api.get_slot5",
    "subscribe_trigger",
    trigger("userCode", 5),
    () =>
      ws.call("call_service", {
        domain: "zwave_js",
        service: "invoke_cc_api",
        service_data: { device_id: deviceId, command_class: 99, method_name: "get", parameters: [5] },
      }),
    3000,
  );
  await collect(
    ws,
    "subscribe_trigger.no_property_key",
    "subscribe_trigger",
    {
      trigger: {
        platform: "zwave_js.value_updated",
        device_id: deviceId,
        command_class: 99,
        property: "userCode",
      },
    },
    () => Promise.resolve(null),
    200,
  );
  await collect(ws, "subscribe_trigger.slot_12_never_set", "subscribe_trigger", trigger("userCode", 12), () =>
    call(ws, "set_lock_usercode", { code_slot: 12, usercode: "121212" }),
  );
  const entry = (
    await ws.callParsed(z.array(z.object({ entry_id: z.string(), domain: z.string() })), "config_entries/get")
  ).find((e) => e.domain === "zwave_js");
  const diag = await fetch(
    `${ha.url}/api/diagnostics/config_entry/${entry?.entry_id ?? ""}/device/${deviceId}`,
    {
      headers: { authorization: `Bearer ${creds.admin.token}` },
    },
  );
  const diagBody = z
    .object({
      data: z
        .object({
          state: z
            .object({ values: z.record(z.string(), z.object({ commandClass: z.number() }).loose()) })
            .loose(),
        })
        .loose(),
    })
    .loose()
    .parse(await diag.json());
  out.diagnostics_device = {
    status: diag.status,
    keys: Object.keys(diagBody.data),
    userCodeValues: Object.entries(diagBody.data.state.values)
      .filter(([, v]) => v.commandClass === 99)
      .slice(0, 14),
  };
  await collect(
    ws,
    "state_changed.unlock_lock",
    "subscribe_events",
    { event_type: "state_changed" },
    async () => {
      await ws.call("call_service", {
        domain: "lock",
        service: "unlock",
        target: { entity_id: lock.entity_id },
      });
      await sleep(1500);
      return ws.call("call_service", {
        domain: "lock",
        service: "lock",
        target: { entity_id: lock.entity_id },
      });
    },
    2000,
  );
  const sc = z
    .object({
      events: z.array(
        z
          .object({
            data: z
              .object({
                entity_id: z.string(),
                new_state: z.object({ state: z.string() }).loose().nullable(),
              })
              .loose(),
          })
          .loose(),
      ),
    })
    .loose()
    .parse(out["state_changed.unlock_lock"]);
  out["state_changed.unlock_lock"] = sc.events
    .filter((e) => e.data.entity_id === lock.entity_id)
    .map((e) => e.data.new_state?.state);
  await capture(guest, "subscribe_trigger.non_admin", "subscribe_trigger", {
    trigger: {
      platform: "zwave_js.value_updated",
      device_id: deviceId,
      command_class: 99,
      property: "userCode",
    },
  });
  await call(ws, "set_lock_usercode", { code_slot: 5, usercode: "482916" });
  await sleep(500);
  await collect(
    ws,
    "zwave_js_notification.keypad",
    "subscribe_events",
    { event_type: "zwave_js_notification" },
    () => stack.control.keypad({ node: lockNode, slot: 5, action: "unlock" }),
    2000,
  );
  await capture(guest, "subscribe_events.non_admin", "subscribe_events", {
    event_type: "zwave_js_notification",
  });

  const svc = (c: HaWs, key: string, service: string, data: Record<string, unknown>): Promise<unknown> =>
    capture(c, key, "call_service", {
      domain: "zwave_js",
      service,
      service_data: data,
      target: { entity_id: lock.entity_id },
    });
  await svc(ws, "set_lock_usercode.ok", "set_lock_usercode", { code_slot: 6, usercode: "1234" });
  await svc(ws, "set_lock_usercode.slot_missing", "set_lock_usercode", { code_slot: 999, usercode: "1234" });
  await svc(ws, "set_lock_usercode.too_short", "set_lock_usercode", { code_slot: 7, usercode: "12" });
  await svc(ws, "set_lock_usercode.too_long", "set_lock_usercode", { code_slot: 7, usercode: "12345678901" });
  await svc(ws, "set_lock_usercode.bad_schema", "set_lock_usercode", { code_slot: "x", usercode: "1234" });
  await svc(ws, "clear_lock_usercode.slot_missing", "clear_lock_usercode", { code_slot: 999 });
  await svc(guest, "set_lock_usercode.non_admin", "set_lock_usercode", { code_slot: 8, usercode: "5555" });
  await svc(guest, "clear_lock_usercode.non_admin", "clear_lock_usercode", { code_slot: 8 });
  await capture(ws, "lock.lock", "call_service", {
    domain: "lock",
    service: "lock",
    target: { entity_id: lock.entity_id },
  });
  await sleep(1000);
  out.lock_state_after_lock = await capture(ws, "_states2", "get_states");
  out.lock_state_after_lock = z
    .array(z.object({ entity_id: z.string(), state: z.string() }).loose())
    .parse(out.lock_state_after_lock)
    .filter((s) => s.entity_id === lock.entity_id);
  delete out._states2;
  out.mock_state = await stack.control.state();
  await ws.close();
  await guest.close();
} finally {
  await ha.stop();
  await stack.stop();
  const file = process.argv[2] ?? join(process.cwd(), "artifacts", "ha-zwave-research.json");
  await writeFile(file, `${JSON.stringify(out, null, 2)}\n`);
  say(`wrote ${file}`);
  if (process.env.RESEARCH_KEEP === undefined) await rm(work, { recursive: true, force: true });
  else say(`kept ${work}`);
}
