import { z } from "zod";
import type { Lock } from "../../../src/model/lock";
import type { HaClient } from "../ha/client";
import { HaCommandError } from "../ha/errors";
import { slotContent, USER_CODE_CC, type SlotContent } from "./user-code-values";
import type { SlotReadBack } from "./write-verdict";

/** A device id HA's registry never hands out (its ids are 32 hex digits). */
const NO_SUCH_DEVICE = "latchkey-probe-no-such-device";

const UserCodeGetSchema = z.object({ userIdStatus: z.number(), userCode: z.string() }).loose();

/** Supervision's "fail": the lock received the command and did not carry it out. */
const SUPERVISION_FAIL = 0x02;
const SupervisionAnswerSchema = z.object({ status: z.number().int() }).loose();

/**
 * The lock's User Code command class through ws `zwave_js/invoke_cc_api` (wait_for_result):
 * reading a slot from the lock itself (`get`) and writing one (`set`, `clear`). Only newer HA
 * has the command; `detect` finds out once per connection.
 */
export class UserCodeCcApi {
  private constructor(private readonly client: HaClient) {}

  /**
   * Asks about a device that does not exist, so no frame goes on the air (a real lock would
   * be woken by every reconnect otherwise): HA without the command answers `unknown_command`;
   * HA with it looks the device up first and answers `not_found`.
   */
  static async detect(client: HaClient, anyDeviceId: string | undefined): Promise<UserCodeCcApi | null> {
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
      return new UserCodeCcApi(client);
    } catch (error) {
      if (error instanceof HaCommandError && error.code === "unknown_command") return null;
      // Any other answer (not_found, expected) means the command is there.
      return new UserCodeCcApi(client);
    }
  }

  async read(lock: Lock, slot: number): Promise<SlotContent | null> {
    const readBack = await this.readBack(lock, slot);
    return readBack ? slotContent(readBack.userIdStatus, readBack.userCode) : null;
  }

  /** The slot's two values as the lock sent them (a masked PIN stays "****"); null when no report came. */
  async readBack(lock: Lock, slot: number): Promise<SlotReadBack | null> {
    const parsed = UserCodeGetSchema.safeParse(unwrapEndpoint(await this.invoke(lock, "get", [slot])));
    return parsed.success ? parsed.data : null;
  }

  /**
   * Writes a slot with the CC's own Set (User ID status 1, enabled) or clears it. Unlike HA's
   * set_lock_usercode (zwave-js's setValue), this starts no read-back of the driver's own, so the
   * caller's one Get is the only read on the air. A lock with Supervision answers whether it
   * carried the command out: a "fail" is its refusal (a duplicate PIN, a slot it will not take).
   */
  async write(lock: Lock, slot: number, pin: string | null): Promise<void> {
    const raw = await this.invoke(
      lock,
      pin === null ? "clear" : "set",
      pin === null ? [slot] : [slot, 1, pin],
    );
    const answer = SupervisionAnswerSchema.safeParse(unwrapEndpoint(raw));
    if (answer.success && answer.data.status === SUPERVISION_FAIL)
      throw new HaCommandError(
        "lock_refused",
        `${lock.name} refused to ${pin === null ? "clear" : "take the code in"} slot ${slot}.`,
      );
  }

  /** The lock's User Code checksum (a v2 lock that keeps one), or null where it cannot say. */
  async checksum(lock: Lock): Promise<number | null> {
    try {
      const sum = z
        .number()
        .int()
        .min(0)
        .max(0xffff)
        .safeParse(unwrapEndpoint(await this.invoke(lock, "getUserCodeChecksum", [])));
      return sum.success ? sum.data : null;
    } catch {
      return null;
    }
  }

  private invoke(lock: Lock, method: string, parameters: unknown[]): Promise<unknown> {
    return this.client.command(z.unknown(), {
      type: "zwave_js/invoke_cc_api",
      device_id: lock.deviceId,
      command_class: USER_CODE_CC,
      method_name: method,
      parameters,
      wait_for_result: true,
    });
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
