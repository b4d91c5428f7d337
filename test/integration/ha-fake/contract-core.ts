// Contract cases of HA's websocket protocol itself: auth, commands, errors, contexts, users.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  contextSchema,
  contractSession,
  errorOf,
  eventSchema,
  type ContractTarget,
} from "./contract-support.js";
import { RawClient, errorSchema, resultSchema } from "./raw-client.js";

export function protocolCases(getTarget: () => ContractTarget): void {
  const { connect, lockDeviceId, track } = contractSession(getTarget);
  describe("auth phase", () => {
    it("announces auth_required with ha_version, then auth_ok with ha_version", async () => {
      const client = await RawClient.open(getTarget().wsUrl);
      track(client);
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
      track(client);
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

    // How Latchkey sees a code changed in HA's own Manage access dialog (service/ha-code-changes.ts).
    it("echoes every service call on the bus (call_service), the target merged into its data as lists", async () => {
      const client = await connect(true);
      const lockId = getTarget().lockEntityId;
      const subId = client.send("subscribe_events", { event_type: "call_service" });
      await client.next((f) => f.id === subId && f.type === "result");
      const called = resultSchema.parse(
        await client.command(
          "call_service",
          { domain: "lock", service: "lock", target: { entity_id: lockId } },
          20_000,
        ),
      );
      const caller = z.strictObject({ context: contextSchema }).parse(called.result).context;
      const echo = z
        .looseObject({
          event_type: z.literal("call_service"),
          data: z.strictObject({ domain: z.string(), service: z.string(), service_data: z.unknown() }),
          context: contextSchema,
        })
        .parse(eventSchema.parse(await client.next((f) => f.id === subId && f.type === "event")).event);
      // HA's call_service schema turns the target's ids into lists before the echo.
      expect(echo.data).toEqual({ domain: "lock", service: "lock", service_data: { entity_id: [lockId] } });
      expect(echo.context.id).toBe(caller.id);
      expect(echo.context.user_id).toBe(caller.user_id);
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
      // voluptuous' humanized path changed between the releases.
      expect(errorOf(bad)).toEqual({
        code: "invalid_format",
        message:
          getTarget().profile === "pinned"
            ? "required key not provided @ data['code_slot']"
            : "required key not provided at 'code_slot'",
      });
    });
  });
}
