import { z } from "zod";
import type { Lock } from "../../../src/model/lock";
import type { HaClient } from "../ha/client";
import { HaCommandError } from "../ha/errors";
import { slotContent, USER_CODE_CC, type SlotContent } from "./user-code-values";

/** A device id HA's registry never hands out (its ids are 32 hex digits). */
const NO_SUCH_DEVICE = "latchkey-probe-no-such-device";

const UserCodeGetSchema = z.object({ userIdStatus: z.number(), userCode: z.string() }).loose();

/**
 * Reads a slot from the lock itself through ws `zwave_js/invoke_cc_api` (User Code `get`,
 * wait_for_result). Only newer HA has the command; `detect` finds out once per connection.
 */
export class CcReader {
  private constructor(private readonly client: HaClient) {}

  /**
   * Asks about a device that does not exist, so no frame goes on the air (a real lock would
   * be woken by every reconnect otherwise): HA without the command answers `unknown_command`;
   * HA with it looks the device up first and answers `not_found`.
   */
  static async detect(client: HaClient, anyDeviceId: string | undefined): Promise<CcReader | null> {
    if (!anyDeviceId) return null;
    try {
      await client.command(z.unknown(), {
        type: "zwave_js/invoke_cc_api",
        device_id: NO_SUCH_DEVICE,
        command_class: USER_CODE_CC,
        method_name: "getUsersCount",
        parameters: [],
        wait_for_result: true,
      });
      return new CcReader(client);
    } catch (error) {
      if (error instanceof HaCommandError && error.code === "unknown_command") return null;
      // Any other answer (not_found, expected) means the command is there.
      return new CcReader(client);
    }
  }

  async read(lock: Lock, slot: number): Promise<SlotContent | null> {
    const raw = await this.client.command(z.unknown(), {
      type: "zwave_js/invoke_cc_api",
      device_id: lock.deviceId,
      command_class: USER_CODE_CC,
      method_name: "get",
      parameters: [slot],
      wait_for_result: true,
    });
    const parsed = UserCodeGetSchema.safeParse(unwrapEndpoint(raw));
    return parsed.success ? slotContent(parsed.data.userIdStatus, parsed.data.userCode) : null;
  }

  /** The lock's own user slot count (User Code `getUsersCount`), or null when it cannot say. */
  async slotCount(lock: Lock): Promise<number | null> {
    try {
      const raw = await this.client.command(z.unknown(), {
        type: "zwave_js/invoke_cc_api",
        device_id: lock.deviceId,
        command_class: USER_CODE_CC,
        method_name: "getUsersCount",
        parameters: [],
        wait_for_result: true,
      });
      const count = z.number().int().min(1).max(65535).safeParse(unwrapEndpoint(raw));
      return count.success ? count.data : null;
    } catch {
      return null;
    }
  }
}

/** Some HA versions key the result by endpoint index ({"0": result}); take the root endpoint's. */
function unwrapEndpoint(raw: unknown): unknown {
  const keyed = z.record(z.string().regex(/^\d+$/), z.unknown()).safeParse(raw);
  if (keyed.success && Object.keys(keyed.data).length > 0)
    return keyed.data["0"] ?? Object.values(keyed.data)[0];
  return raw;
}
