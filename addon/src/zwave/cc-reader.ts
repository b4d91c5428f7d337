import { z } from "zod";
import type { Lock } from "../../../src/model/lock";
import type { HaClient } from "../ha/client";
import { HaCommandError } from "../ha/errors";
import { slotContent, USER_CODE_CC, type SlotContent } from "./user-code-values";

const UserCodeGetSchema = z.object({ userIdStatus: z.number(), userCode: z.string() }).loose();
const ResultSchema = z.record(z.string(), z.unknown());

/**
 * Reads a slot from the lock itself through ws `zwave_js/invoke_cc_api` (User Code `get`,
 * wait_for_result). Only newer HA has the command; `detect` finds out once per connection.
 */
export class CcReader {
  private constructor(private readonly client: HaClient) {}

  static async detect(client: HaClient, anyDeviceId: string | undefined): Promise<CcReader | null> {
    if (!anyDeviceId) return null;
    try {
      await client.command(z.unknown(), { type: "zwave_js/invoke_cc_api", device_id: anyDeviceId, command_class: USER_CODE_CC, method_name: "getUsersCount", parameters: [], wait_for_result: true });
      return new CcReader(client);
    } catch (error) {
      if (error instanceof HaCommandError && error.code === "unknown_command") return null;
      // The command exists but this call failed (e.g. lock asleep): the path is still there.
      return new CcReader(client);
    }
  }

  async read(lock: Lock, slot: number): Promise<SlotContent | null> {
    const raw = await this.client.command(ResultSchema, {
      type: "zwave_js/invoke_cc_api",
      device_id: lock.deviceId,
      command_class: USER_CODE_CC,
      method_name: "get",
      parameters: [slot],
      wait_for_result: true,
    });
    // The result is keyed by endpoint index; a lock answers on its root endpoint.
    const first = Object.values(raw)[0];
    const parsed = UserCodeGetSchema.safeParse(first);
    return parsed.success ? slotContent(parsed.data.userIdStatus, parsed.data.userCode) : null;
  }
}
