// Fake-only behaviours: capability profiles, injected faults, node status, connection control.
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { z } from "zod";
import { startHaFake, type HaFake, type HaFakeOptions } from "./index.js";
import { RawClient, errorSchema, resultSchema } from "./raw-client.js";

const LOCK = "lock.back_door";
const base: HaFakeOptions = {
  users: [{ id: "admin-id", name: "Admin", isAdmin: true, token: "t-admin" }],
  locks: [{ entityId: LOCK, name: "Back Door", nodeId: 7, slotCount: 5, codes: { 1: "1111" } }],
  valueReportDelayMs: 5,
};

let fake: HaFake | null = null;
const clients: RawClient[] = [];
async function admin(f: HaFake): Promise<RawClient> {
  const { client, answer } = await RawClient.authed(f.wsUrl, "t-admin");
  expect(answer.type).toBe("auth_ok");
  clients.push(client);
  return client;
}
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await fake?.stop();
  fake = null;
});

const setCode = (slot: number, usercode: string) => ({
  domain: "zwave_js",
  service: "set_lock_usercode",
  service_data: { entity_id: LOCK, code_slot: slot, usercode },
});

describe("capability profiles", () => {
  it("pinned has no invoke_cc_api nor get_lock_usercode; newest has both", async () => {
    fake = await startHaFake(base);
    let client = await admin(fake);
    const deviceId = fake.deviceId(LOCK);
    const invoke = {
      device_id: deviceId,
      command_class: 99,
      method_name: "get",
      parameters: [1],
      wait_for_result: true,
    };
    expect(errorSchema.parse(await client.command("zwave_js/invoke_cc_api", invoke)).error.code).toBe(
      "unknown_command",
    );
    const get = {
      domain: "zwave_js",
      service: "get_lock_usercode",
      target: { entity_id: LOCK },
      return_response: true,
    };
    expect(errorSchema.parse(await client.command("call_service", get)).error.code).toBe("not_found");
    await fake.stop();

    fake = await startHaFake({ ...base, profile: "newest" });
    client = await admin(fake);
    const read = resultSchema.parse(
      await client.command("zwave_js/invoke_cc_api", { ...invoke, device_id: fake.deviceId(LOCK) }),
    );
    expect(read.result).toEqual({ userIdStatus: 1, userCode: "1111" });
    const cached = resultSchema.parse(await client.command("call_service", get));
    expect(z.looseObject({ response: z.unknown() }).parse(cached.result).response).toMatchObject({
      [LOCK]: { "1": { usercode: "1111", in_use: true } },
    });
  });
});

describe("a User Credential lock (newest profile)", () => {
  const credentialLock: HaFakeOptions = {
    ...base,
    profile: "newest",
    locks: [
      {
        entityId: LOCK,
        name: "Back Door",
        nodeId: 7,
        slotCount: 5,
        commandClass: "user_credential",
        codes: { 1: "1111" },
      },
    ],
  };
  const call = (service: string, data: Record<string, unknown>, returnResponse = false) => ({
    domain: "zwave_js",
    service,
    service_data: data,
    target: { entity_id: LOCK },
    ...(returnResponse ? { return_response: true } : {}),
  });

  // What real HA answers on such a lock is in the contract (contract-credentials.ts); this is
  // only the fake's own test hook: slots() shows what the lock's users hold.
  it("seeds codes as users' PINs and shows credential writes in slots()", async () => {
    fake = await startHaFake(credentialLock);
    const client = await admin(fake);
    expect(fake.slots(LOCK).get(1)).toEqual({ status: "enabled", code: "1111" });
    await client.command("call_service", call("set_user", { user_id: 2 }, true));
    const pin = { user_id: 2, credential_type: "pin_code", credential_data: "2222", credential_slot: 2 };
    expect(
      resultSchema.parse(await client.command("call_service", call("set_credential", pin, true))).success,
    ).toBe(true);
    expect(fake.slots(LOCK).get(2)).toEqual({ status: "enabled", code: "2222" });
    await client.command(
      "call_service",
      call("delete_credential", { user_id: 2, credential_type: "pin_code", credential_slot: 2 }),
    );
    expect(fake.slots(LOCK).get(2)).toEqual({ status: "available", code: "" });
    expect(fake.slots(LOCK).get(1)).toEqual({ status: "enabled", code: "1111" });
  });
});

describe("faults and injection", () => {
  it("failNext raises home_assistant_error once; hangNext never answers", async () => {
    fake = await startHaFake(base);
    const client = await admin(fake);
    fake.faults.failNext({ service: "set_lock_usercode", entityId: LOCK, message: "Z-Wave error 204" });
    expect(errorSchema.parse(await client.command("call_service", setCode(2, "2222"))).error).toEqual({
      code: "home_assistant_error",
      message: "Z-Wave error 204",
    });
    expect(resultSchema.parse(await client.command("call_service", setCode(2, "2222"))).success).toBe(true);
    await expect.poll(() => fake?.slots(LOCK).get(2)).toEqual({ status: "enabled", code: "2222" });
    fake.faults.hangNext({ service: "zwave_js.clear_lock_usercode" });
    await expect(
      client.command(
        "call_service",
        {
          domain: "zwave_js",
          service: "clear_lock_usercode",
          service_data: { entity_id: LOCK, code_slot: 2 },
        },
        300,
      ),
    ).rejects.toThrow(/timed out/);
    expect(fake.serviceCalls.map((c) => c.service)).toEqual([
      "set_lock_usercode",
      "set_lock_usercode",
      "clear_lock_usercode",
    ]);
  });

  it("a dead node keeps the lock's state (HA 2026.11 keeps it available), tells node-status subscribers, and skips its services", async () => {
    fake = await startHaFake({ ...base, profile: "newest" });
    const client = await admin(fake);
    const sub = client.send("zwave_js/subscribe_node_status", { device_id: fake.deviceId(LOCK) });
    await client.next((f) => f.id === sub && f.type === "result");
    fake.setNodeStatus(LOCK, "dead");
    const ev = await client.next((f) => f.id === sub && f.type === "event");
    expect(z.looseObject({ event: z.unknown() }).parse(ev).event).toEqual({
      event: "dead",
      status: 3,
      ready: true,
    });
    const states = z
      .array(z.looseObject({ entity_id: z.string(), state: z.string() }))
      .parse(resultSchema.parse(await client.command("get_states")).result);
    expect(states.find((s) => s.entity_id === LOCK)?.state).toBe("locked");
    // A write to a node that answers nothing goes nowhere (what zwave-js then reports is not modelled).
    expect(resultSchema.parse(await client.command("call_service", setCode(3, "3333"))).success).toBe(true);
    expect(fake.slots(LOCK).get(3)).toEqual({ status: "available", code: "" });
  });

  it("a disabled entity leaves HA's states (state_changed to null) and keeps its registry entry, marked disabled", async () => {
    fake = await startHaFake(base);
    const client = await admin(fake);
    const sub = client.send("subscribe_events", { event_type: "state_changed" });
    await client.next((f) => f.id === sub && f.type === "result");
    fake.setEntityDisabled(LOCK, true);
    const ev = z
      .looseObject({
        event: z.looseObject({ data: z.looseObject({ entity_id: z.string(), new_state: z.null() }) }),
      })
      .parse(await client.next((f) => f.id === sub && f.type === "event"));
    expect(ev.event.data.entity_id).toBe(LOCK);
    const states = z
      .array(z.looseObject({ entity_id: z.string() }))
      .parse(resultSchema.parse(await client.command("get_states")).result);
    expect(states.some((st) => st.entity_id === LOCK)).toBe(false);
    const entries = z
      .array(z.looseObject({ entity_id: z.string(), disabled_by: z.string().nullable() }))
      .parse(resultSchema.parse(await client.command("config/entity_registry/list")).result);
    expect(entries.find((e) => e.entity_id === LOCK)?.disabled_by).toBe("user");
    fake.setEntityDisabled(LOCK, false);
    const back = z
      .array(z.looseObject({ entity_id: z.string() }))
      .parse(resultSchema.parse(await client.command("get_states")).result);
    expect(back.some((st) => st.entity_id === LOCK)).toBe(true);
  });

  it("keypad and manual operations change the lock state and fire events", async () => {
    fake = await startHaFake(base);
    fake.pressKeypad(LOCK, 1, "unlock");
    expect(fake.isLocked(LOCK)).toBe(false);
    fake.manual(LOCK, "lock");
    expect(fake.isLocked(LOCK)).toBe(true);
    const labels = fake.firedEvents
      .filter((e) => e.event_type === "zwave_js_notification")
      .map((e) => e.data.event_label);
    expect(labels).toEqual(["Keypad unlock operation", "Manual lock operation"]);
  });
});

describe("connection control", () => {
  it("dropConnections closes sockets; refusing connections makes connect fail", async () => {
    fake = await startHaFake(base);
    const client = await admin(fake);
    fake.dropConnections();
    expect(await client.waitClosed()).toBe(true);
    await fake.setAcceptingConnections(false);
    const ws = new WebSocket(fake.wsUrl);
    const err = await new Promise<string>((resolve) => {
      ws.on("error", (e: NodeJS.ErrnoException) => {
        resolve(e.code ?? "error");
      });
    });
    expect(err).toBe("ECONNREFUSED");
    await fake.setAcceptingConnections(true);
    await admin(fake);
  });
});
