// Contract cases for what a lock reports besides its moves: a jam and a keypad lockout are
// states (HA's binary sensors on the lock's device turn on; no `zwave_js_notification`), wrong
// codes and "all user codes deleted" are notifications, and the last one empties the driver's
// cached codes. Latchkey finds the sensors by their unique id on the lock's device.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { contractSession, eventSchema, registryEntry, type ContractTarget } from "./contract-support.js";
import type { RawClient } from "./raw-client.js";
import { resultSchema } from "./raw-client.js";

const SensorEntry = registryEntry.extend({
  unique_id: z.string(),
  original_name: z.string().nullable(),
  entity_category: z.string().nullable(),
});
const StateChange = z.looseObject({
  entity_id: z.string(),
  new_state: z.looseObject({ state: z.string() }).nullable(),
});
const Notification = z.looseObject({ device_id: z.string(), event: z.number(), event_label: z.string() });

/** The lock's binary sensor whose zwave_js unique id ends with `suffix`. */
async function sensorOf(client: RawClient, deviceId: string, suffix: string) {
  const frame = resultSchema.parse(await client.command("config/entity_registry/list"));
  const entries = z.array(z.looseObject({ unique_id: z.string().optional() })).parse(frame.result);
  const found = entries.flatMap((e) => {
    const parsed = SensorEntry.safeParse(e);
    return parsed.success && parsed.data.device_id === deviceId && parsed.data.unique_id.endsWith(suffix)
      ? [parsed.data]
      : [];
  });
  expect(found).toHaveLength(1);
  return found[0] ?? SensorEntry.parse({});
}

export function lockStateCases(getTarget: () => ContractTarget): void {
  const { connect, lockDeviceId } = contractSession(getTarget);

  /** Subscribes to state changes and notifications; returns where they arrive. */
  async function watch(client: RawClient) {
    const states = client.send("subscribe_events", { event_type: "state_changed" });
    const notes = client.send("subscribe_events", { event_type: "zwave_js_notification" });
    await client.next((f) => f.id === states && f.type === "result");
    await client.next((f) => f.id === notes && f.type === "result");
    return {
      stateOf: async (entityId: string, state: string) => {
        await client.next((f) => {
          if (f.id !== states || f.type !== "event") return false;
          const body = z.looseObject({ data: StateChange }).safeParse(eventSchema.parse(f).event);
          return (
            body.success && body.data.data.entity_id === entityId && body.data.data.new_state?.state === state
          );
        }, 30_000);
      },
      notification: async (deviceId: string, timeoutMs = 30_000) => {
        const frame = await client.next((f) => {
          if (f.id !== notes || f.type !== "event") return false;
          const body = z.looseObject({ data: Notification }).safeParse(eventSchema.parse(f).event);
          return body.success && body.data.data.device_id === deviceId;
        }, timeoutMs);
        return z.looseObject({ data: Notification }).parse(eventSchema.parse(frame).event).data;
      },
    };
  }

  describe("what a lock reports besides its moves", () => {
    it("a jam turns the lock's Lock jammed sensor on and fires no zwave_js_notification; the next operation turns it off", async (ctx) => {
      const { jam, pressKeypad } = getTarget();
      if (!jam || !pressKeypad) return ctx.skip();
      const client = await connect(true);
      const deviceId = await lockDeviceId(client);
      const sensor = await sensorOf(client, deviceId, "-113-0-Access Control-Lock state.11");
      expect(sensor).toMatchObject({
        platform: "zwave_js",
        original_name: "Lock jammed",
        entity_category: "diagnostic",
      });
      expect(sensor.entity_id).toMatch(/^binary_sensor\./);
      const seen = await watch(client);
      await jam();
      await seen.stateOf(sensor.entity_id, "on");
      await expect(seen.notification(deviceId, 1_500)).rejects.toThrow();
      await pressKeypad(2, "lock");
      expect(await seen.notification(deviceId)).toMatchObject({ event: 5 });
      await seen.stateOf(sensor.entity_id, "off");
    });

    it("a keypad lockout (Access Control 16) is the Keypad temporary disabled sensor; wrong codes are notifications", async (ctx) => {
      const { accessEvent, pressKeypad } = getTarget();
      if (!accessEvent || !pressKeypad) return ctx.skip();
      const client = await connect(true);
      const deviceId = await lockDeviceId(client);
      const lockout = await sensorOf(client, deviceId, "-113-0-Access Control-Keypad state.16");
      expect(lockout).toMatchObject({
        original_name: "Keypad temporary disabled",
        // 2024.3 files the keypad's state sensors as regular entities, 2026.11 as diagnostic.
        entity_category: getTarget().profile === "newest" ? "diagnostic" : null,
      });
      const seen = await watch(client);
      await accessEvent(16);
      await seen.stateOf(lockout.entity_id, "on");
      await expect(seen.notification(deviceId, 1_500)).rejects.toThrow();
      for (const [event, label] of [
        [19, "Manually enter user access code exceeds code limit"],
        [20, "Unlock by RF with invalid user code"],
        [50, "Invalid credential used"],
      ] as const) {
        await accessEvent(event);
        expect(await seen.notification(deviceId)).toMatchObject({ event, event_label: label });
      }
      // A keypad operation sets the keypad state back to idle.
      await pressKeypad(2, "lock");
      await seen.stateOf(lockout.entity_id, "off");
    });

    it("“all user codes deleted” (12) is a notification, and the driver forgets the codes it had cached", async (ctx) => {
      const { accessEvent } = getTarget();
      if (!accessEvent || getTarget().profile !== "newest") return ctx.skip();
      const client = await connect(true);
      const deviceId = await lockDeviceId(client);
      const slot = getTarget().testSlot ?? 3;
      const lockEntityId = getTarget().lockEntityId;
      const zwave = (service: string, data: Record<string, unknown>, returnResponse = false) =>
        client.command(
          "call_service",
          {
            domain: "zwave_js",
            service,
            service_data: data,
            target: { entity_id: lockEntityId },
            ...(returnResponse ? { return_response: true } : {}),
          },
          30_000,
        );
      const cached = async () =>
        z
          .looseObject({ response: z.record(z.string(), z.record(z.string(), z.unknown())) })
          .parse(resultSchema.parse(await zwave("get_lock_usercode", { code_slot: slot }, true)).result)
          .response[lockEntityId]?.[String(slot)];
      expect(
        resultSchema.parse(await zwave("set_lock_usercode", { code_slot: slot, usercode: "5173" })).success,
      ).toBe(true);
      const deadline = Date.now() + 30_000;
      while (JSON.stringify(await cached()) !== JSON.stringify({ usercode: "5173", in_use: true })) {
        if (Date.now() > deadline) throw new Error("the code never reached the driver's cache");
        await new Promise((r) => setTimeout(r, 200));
      }
      const seen = await watch(client);
      await accessEvent(12);
      expect(await seen.notification(deviceId)).toMatchObject({
        event: 12,
        event_label: "All user codes deleted",
      });
      expect(await cached()).toEqual({ usercode: "", in_use: false });
      await zwave("clear_lock_usercode", { code_slot: slot });
    });

    it("a dead node's lock keeps its state on 2026.11 (unavailable on 2024.3), and is alive again when the lock speaks", async (ctx) => {
      const { away, profile } = getTarget();
      if (!away) return ctx.skip();
      const client = await connect(true);
      const lockEntityId = getTarget().lockEntityId;
      const deviceId = await lockDeviceId(client);
      const StateRow = z.looseObject({ entity_id: z.string(), state: z.string() });
      const lockState = async () =>
        z
          .array(StateRow)
          .parse(resultSchema.parse(await client.command("get_states")).result)
          .find((s) => s.entity_id === lockEntityId)?.state;
      const status = async () =>
        z
          .looseObject({ status: z.number() })
          .parse(
            resultSchema.parse(await client.command("zwave_js/node_status", { device_id: deviceId })).result,
          ).status;
      const statusBecomes = async (wanted: number) => {
        const deadline = Date.now() + 60_000;
        while ((await status()) !== wanted) {
          if (Date.now() > deadline) throw new Error(`node status never became ${wanted}`);
          await new Promise((r) => setTimeout(r, 500));
        }
      };
      const before = await lockState();
      expect(before).toMatch(/^(locked|unlocked)$/);
      await away(true);
      try {
        // The driver finds the node dead at its next command to it.
        await client
          .command(
            "call_service",
            { domain: "lock", service: "lock", target: { entity_id: lockEntityId } },
            60_000,
          )
          .catch(() => undefined);
        await statusBecomes(3);
        // 2026.11's ZWaveBaseEntity.available asks only whether the driver is connected and the
        // node ready; 2024.3's also whether the node is dead.
        expect(await lockState()).toBe(profile === "newest" ? before : "unavailable");
      } finally {
        await away(false);
      }
      await statusBecomes(4);
      expect(await lockState()).toMatch(/^(locked|unlocked)$/);
    });
  });
}
