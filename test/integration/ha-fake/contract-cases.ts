// Protocol cases that hold the fake to real Home Assistant: the fake's own test runs them
// against the fake, the real-stack suite runs the very same cases against real HA.
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { authContractCases } from "./contract-cases-auth.js";
import { RawClient, errorSchema, resultSchema, type Frame } from "./raw-client.js";

export interface ContractTarget {
  wsUrl: string;
  adminToken: string;
  /** A non-admin user's token. */
  userToken: string;
  /** A zwave_js lock with free User Code slots. */
  lockEntityId: string;
  /** A slot the cases may write and clear (default 3). */
  testSlot?: number;
  /** Makes the lock report a keypad operation; cases needing it are skipped without it. */
  pressKeypad?: (slot: number, action: "lock" | "unlock") => Promise<void>;
}

const contextSchema = z.strictObject({
  id: z.string(),
  parent_id: z.string().nullable(),
  user_id: z.string().nullable(),
});
const registryEntry = z.looseObject({
  entity_id: z.string(),
  device_id: z.string().nullable(),
  platform: z.string(),
});
const eventSchema = z.looseObject({ id: z.number(), type: z.literal("event"), event: z.unknown() });

function errorOf(frame: Frame): { code: string; message: string } {
  return errorSchema.parse(frame).error;
}

export function protocolContractCases(getTarget: () => ContractTarget): void {
  const open: RawClient[] = [];
  const connect = async (admin: boolean): Promise<RawClient> => {
    const t = getTarget();
    const { client, answer } = await RawClient.authed(t.wsUrl, admin ? t.adminToken : t.userToken);
    expect(answer.type).toBe("auth_ok");
    open.push(client);
    return client;
  };
  const lockDeviceId = async (client: RawClient): Promise<string> => {
    const frame = resultSchema.parse(await client.command("config/entity_registry/list"));
    const entries = z.array(registryEntry).parse(frame.result);
    const entry = entries.find((e) => e.entity_id === getTarget().lockEntityId);
    expect(entry?.platform).toBe("zwave_js");
    return z.string().parse(entry?.device_id);
  };
  afterEach(() => {
    for (const c of open.splice(0)) c.close();
  });
  authContractCases(getTarget, open);

  describe("auth phase", () => {
    it("announces auth_required with ha_version, then auth_ok with ha_version", async () => {
      const client = await RawClient.open(getTarget().wsUrl);
      open.push(client);
      const required = z
        .looseObject({ type: z.literal("auth_required"), ha_version: z.string() })
        .parse(await client.next(() => true));
      client.sendRaw({ type: "auth", access_token: getTarget().adminToken });
      const ok = z
        .strictObject({ type: z.literal("auth_ok"), ha_version: z.string() })
        .parse(await client.next(() => true));
      expect(ok.ha_version).toBe(required.ha_version);
    });

    it("answers a bad token with auth_invalid and closes", async () => {
      const { client, answer } = await RawClient.authed(getTarget().wsUrl, "not-a-token");
      open.push(client);
      expect(answer).toEqual({ type: "auth_invalid", message: "Invalid access token or password" });
      expect(await client.waitClosed()).toBe(true);
    });
  });

  describe("command phase", () => {
    it("answers ping with pong", async () => {
      const client = await connect(true);
      const id = client.send("ping");
      expect(await client.next((f) => f.id === id)).toEqual({ id, type: "pong" });
    });

    it("rejects unknown commands and non-increasing ids", async () => {
      const client = await connect(true);
      const unknown = await client.command("latchkey/no_such_command");
      expect(errorOf(unknown)).toEqual({ code: "unknown_command", message: "Unknown command." });
      client.sendRaw({ id: 50, type: "ping" });
      await client.next((f) => f.id === 50);
      client.sendRaw({ id: 50, type: "ping" });
      const reuse = await client.next((f) => f.id === 50);
      expect(errorOf(reuse)).toEqual({ code: "id_reuse", message: "Identifier values have to increase." });
    });

    it("get_config carries time_zone, language, version, components and the start-up state", async () => {
      const client = await connect(false);
      const config = z
        .looseObject({
          time_zone: z.string(),
          language: z.string(),
          version: z.string(),
          components: z.array(z.string()),
          state: z.string(),
        })
        .parse(resultSchema.parse(await client.command("get_config")).result);
      expect(config.components).toContain("zwave_js");
      // Once started; while starting HA already answers here with "STARTING" (the add-on reads again then).
      expect(config.state).toBe("RUNNING");
    });

    it("refuses admin-only commands to non-admins with unauthorized", async () => {
      const client = await connect(false);
      const deviceId = await lockDeviceId(client);
      const fire = await client.command("fire_event", { event_type: "latchkey_contract" });
      expect(errorOf(fire)).toEqual({ code: "unauthorized", message: "Unauthorized" });
      const trigger = await client.command("subscribe_trigger", {
        trigger: {
          platform: "zwave_js.value_updated",
          device_id: deviceId,
          command_class: 99,
          property: "userCode",
          property_key: 1,
        },
      });
      expect(errorOf(trigger).code).toBe("unauthorized");
      expect(
        errorOf(await client.command("subscribe_events", { event_type: "zwave_js_notification" })).code,
      ).toBe("unauthorized");
      expect(
        resultSchema.parse(await client.command("subscribe_events", { event_type: "state_changed" })).success,
      ).toBe(true);
    });

    it("fire_event and call_service answer with the caller's context", async () => {
      const client = await connect(true);
      const fired = resultSchema.parse(
        await client.command("fire_event", { event_type: "latchkey_contract", event_data: { n: 1 } }),
      );
      const ctx = contextSchema.parse(z.looseObject({ context: z.unknown() }).parse(fired.result).context);
      expect(ctx.user_id).not.toBeNull();
      const called = resultSchema.parse(
        await client.command(
          "call_service",
          { domain: "lock", service: "lock", target: { entity_id: getTarget().lockEntityId } },
          20_000,
        ),
      );
      expect(z.strictObject({ context: contextSchema }).parse(called.result).context.user_id).toBe(
        ctx.user_id,
      );
    });

    it("config/auth/list names every user and their groups, for admins only", async () => {
      const admin = await connect(true);
      const me = z
        .looseObject({ id: z.string(), name: z.string() })
        .parse(resultSchema.parse(await admin.command("auth/current_user")).result);
      const users = z
        .array(z.looseObject({ id: z.string(), name: z.string().nullable(), group_ids: z.array(z.string()) }))
        .parse(resultSchema.parse(await admin.command("config/auth/list")).result);
      const listed = users.find((u) => u.id === me.id);
      expect(listed).toMatchObject({ name: me.name });
      expect(listed?.group_ids).toContain("system-admin");
      expect(Object.keys(listed ?? {}).sort()).toEqual([
        "credentials",
        "group_ids",
        "id",
        "is_active",
        "is_owner",
        "local_only",
        "name",
        "system_generated",
        "username",
      ]);
      const user = await connect(false);
      expect(errorOf(await user.command("config/auth/list")).code).toBe("unauthorized");
    });

    it("the lock's state change after a lock service call carries the caller's context", async () => {
      const client = await connect(true);
      const lockId = getTarget().lockEntityId;
      const subId = client.send("subscribe_events", { event_type: "state_changed" });
      await client.next((f) => f.id === subId && f.type === "result");
      const lockState = z.looseObject({
        entity_id: z.string(),
        new_state: z.looseObject({ state: z.string(), context: contextSchema }).nullable(),
      });
      const stateEvent = z.looseObject({
        event_type: z.literal("state_changed"),
        data: lockState,
        context: contextSchema,
      });
      const move = async (service: "lock" | "unlock", state: string) => {
        const called = resultSchema.parse(
          await client.command(
            "call_service",
            { domain: "lock", service, target: { entity_id: lockId } },
            20_000,
          ),
        );
        const caller = z.strictObject({ context: contextSchema }).parse(called.result).context;
        const frame = await client.next((f) => {
          const event = eventSchema.safeParse(f);
          const changed =
            event.success && event.data.id === subId ? stateEvent.safeParse(event.data.event) : null;
          return (
            changed?.success === true &&
            changed.data.data.entity_id === lockId &&
            changed.data.data.new_state?.state === state
          );
        }, 30_000);
        return { caller, event: stateEvent.parse(eventSchema.parse(frame).event) };
      };
      // From unlocked to locked and back, so the state changes whatever it was before.
      await client.command(
        "call_service",
        { domain: "lock", service: "unlock", target: { entity_id: lockId } },
        20_000,
      );
      await move("lock", "locked");
      const { caller, event } = await move("unlock", "unlocked");
      expect(caller.user_id).not.toBeNull();
      expect(event.context.user_id).toBe(caller.user_id);
      expect(event.data.new_state?.context.user_id).toBe(caller.user_id);
    });

    it("reports a missing service as not_found and bad service data as invalid_format", async () => {
      const client = await connect(true);
      const missing = await client.command("call_service", {
        domain: "zwave_js",
        service: "no_such_service",
        service_data: {},
      });
      expect(errorSchema.parse(missing).error).toMatchObject({
        code: "not_found",
        message: "Service zwave_js.no_such_service not found.",
        translation_key: "service_not_found",
      });
      const bad = await client.command("call_service", {
        domain: "zwave_js",
        service: "set_lock_usercode",
        service_data: { entity_id: getTarget().lockEntityId, usercode: "4826" },
      });
      expect(errorOf(bad)).toEqual({
        code: "invalid_format",
        message: "required key not provided @ data['code_slot']",
      });
    });
  });

  describe("zwave_js locks", () => {
    it("value_updated misses the first write to a slot the driver never read, hears the re-read and later writes", async () => {
      const client = await connect(true);
      const deviceId = await lockDeviceId(client);
      const slot = getTarget().testSlot ?? 3;
      const trigger = {
        platform: "zwave_js.value_updated",
        device_id: deviceId,
        command_class: 99,
        property: "userCode",
        property_key: slot,
      };
      const firstSub = client.send("subscribe_trigger", { trigger });
      expect(resultSchema.parse(await client.next((f) => f.id === firstSub)).success).toBe(true);
      await client.command(
        "call_service",
        {
          domain: "zwave_js",
          service: "set_lock_usercode",
          service_data: { code_slot: slot, usercode: "4825" },
          target: { entity_id: getTarget().lockEntityId },
        },
        30_000,
      );
      // The driver reports the never-read value as "value added": the trigger stays silent…
      await expect(client.next((f) => f.id === firstSub && f.type === "event", 2_000)).rejects.toThrow();
      // …until a User Code get re-reads the slot.
      await client.command(
        "call_service",
        {
          domain: "zwave_js",
          service: "invoke_cc_api",
          service_data: { command_class: 99, method_name: "get", parameters: [slot] },
          target: { entity_id: getTarget().lockEntityId },
        },
        30_000,
      );
      expect(
        JSON.stringify(await client.next((f) => f.id === firstSub && f.type === "event", 30_000)),
      ).toContain('"current_value":"4825"');
      const subId = client.send("subscribe_trigger", {
        trigger: {
          platform: "zwave_js.value_updated",
          device_id: deviceId,
          command_class: 99,
          property: "userCode",
          property_key: slot,
        },
      });
      expect(resultSchema.parse(await client.next((f) => f.id === subId)).success).toBe(true);
      const set = await client.command(
        "call_service",
        {
          domain: "zwave_js",
          service: "set_lock_usercode",
          service_data: { code_slot: slot, usercode: "4826" },
          target: { entity_id: getTarget().lockEntityId },
        },
        30_000,
      );
      expect(resultSchema.parse(set).success).toBe(true);
      const isCode =
        (code: string) =>
        (f: Frame): boolean =>
          f.id === subId && f.type === "event" && JSON.stringify(f).includes(`"current_value":"${code}"`);
      const event = eventSchema.parse(await client.next(isCode("4826"), 30_000));
      const body = z
        .strictObject({
          variables: z.strictObject({ trigger: z.record(z.string(), z.unknown()) }),
          context: z.null(),
        })
        .parse(event.event);
      expect(body.variables.trigger).toMatchObject({
        id: "0",
        idx: "0",
        alias: null,
        platform: "zwave_js.value_updated",
        device_id: deviceId,
        command_class: 99,
        command_class_name: "User Code",
        property: "userCode",
        property_name: "userCode",
        endpoint: null,
        property_key: slot,
        property_key_name: String(slot),
        current_value: "4826",
        current_value_raw: "4826",
      });
      const clear = await client.command(
        "call_service",
        {
          domain: "zwave_js",
          service: "clear_lock_usercode",
          service_data: { entity_id: getTarget().lockEntityId, code_slot: slot },
        },
        30_000,
      );
      expect(resultSchema.parse(clear).success).toBe(true);
    });

    it("offers no credential actions and no zwave_js/node_capabilities (both newer than the pinned HA)", async () => {
      const client = await connect(true);
      const services = z
        .record(z.string(), z.record(z.string(), z.unknown()))
        .parse(resultSchema.parse(await client.command("get_services")).result);
      expect(Object.keys(services.zwave_js ?? {})).toContain("set_lock_usercode");
      for (const service of ["get_users", "set_user", "set_credential", "delete_credential"])
        expect(Object.keys(services.zwave_js ?? {})).not.toContain(service);
      const missing = await client.command("call_service", {
        domain: "zwave_js",
        service: "set_credential",
        service_data: { user_id: 1, credential_type: "pin_code", credential_data: "4827" },
        target: { entity_id: getTarget().lockEntityId },
      });
      expect(errorSchema.parse(missing).error).toMatchObject({
        code: "not_found",
        message: "Service zwave_js.set_credential not found.",
        translation_key: "service_not_found",
      });
      const capabilities = await client.command("zwave_js/node_capabilities", {
        device_id: await lockDeviceId(client),
      });
      expect(errorOf(capabilities)).toEqual({ code: "unknown_command", message: "Unknown command." });
    });

    it("fires zwave_js_notification for a keypad unlock with the user id", async (ctx) => {
      const press = getTarget().pressKeypad;
      if (!press) return ctx.skip();
      const client = await connect(true);
      const deviceId = await lockDeviceId(client);
      const subId = client.send("subscribe_events", { event_type: "zwave_js_notification" });
      await client.next((f) => f.id === subId && f.type === "result");
      await press(2, "unlock");
      const event = z
        .looseObject({
          event_type: z.string(),
          data: z.record(z.string(), z.unknown()),
          origin: z.string(),
          time_fired: z.string(),
          context: contextSchema,
        })
        .parse(
          eventSchema.parse(await client.next((f) => f.id === subId && f.type === "event", 30_000)).event,
        );
      expect(event.event_type).toBe("zwave_js_notification");
      expect(event.data).toMatchObject({
        domain: "zwave_js",
        device_id: deviceId,
        endpoint: 0,
        command_class: 113,
        command_class_name: "Notification",
        label: "Access Control",
        type: 6,
        event: 6,
        event_label: "Keypad unlock operation",
        parameters: { userId: 2 },
      });
      expect(Object.keys(event.data).sort()).toEqual([
        "command_class",
        "command_class_name",
        "device_id",
        "domain",
        "endpoint",
        "event",
        "event_label",
        "home_id",
        "label",
        "node_id",
        "parameters",
        "type",
      ]);
    });
  });
}
