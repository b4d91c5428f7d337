// Contract cases of the zwave_js integration that every supported HA has: value triggers,
// keypad notifications, and which of the newer paths exist.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  contextSchema,
  contractSession,
  errorOf,
  eventSchema,
  type ContractTarget,
} from "./contract-support.js";
import { errorSchema, resultSchema, type Frame } from "./raw-client.js";

export function zwaveCases(getTarget: () => ContractTarget): void {
  const { connect, lockDeviceId } = contractSession(getTarget);
  describe("zwave_js locks", () => {
    it("value_updated may miss the first write to a slot the driver never read, hears the re-read and later writes", async () => {
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
      // The driver reports the never-read value as "value added": the trigger stays silent, unless
      // the driver's own verifying read (about a second later, sooner or later under load) is heard…
      const early = await client
        .next((f) => f.id === firstSub && f.type === "event", 2_000)
        .then((f) => JSON.stringify(f))
        .catch(() => null);
      if (early !== null) expect(early).toContain('"current_value":"4825"');
      // …and a User Code get re-reads the slot, which is heard.
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

    it("offers no credential actions and no zwave_js/node_capabilities (both newer than the pinned HA)", async (ctx) => {
      if (getTarget().profile !== "pinned") return ctx.skip();
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

    it("zwave_js/invoke_cc_api on a device that does not exist: unknown_command on 2024.3, not_found where the command exists (no lock is asked)", async () => {
      const client = await connect(true);
      const probe = await client.command("zwave_js/invoke_cc_api", {
        device_id: "latchkey-probe-no-such-device",
        command_class: 99,
        method_name: "getUsersCount",
        parameters: [],
        wait_for_result: true,
      });
      expect(errorOf(probe).code).toBe(getTarget().profile === "pinned" ? "unknown_command" : "not_found");
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
      expect(Object.keys(event.data).sort()).toEqual(
        [
          "command_class",
          "command_class_name",
          "device_id",
          "domain",
          "endpoint",
          "event",
          "event_label",
          "home_id",
          // Newer HA adds the home id as hex text.
          ...(getTarget().profile === "newest" ? ["home_id_hex"] : []),
          "label",
          "node_id",
          "parameters",
          "type",
        ].sort(),
      );
      if (getTarget().profile === "newest")
        expect(event.data.home_id_hex).toBe(
          `0x${z.number().parse(event.data.home_id).toString(16).padStart(8, "0")}`,
        );
    });
  });
}
