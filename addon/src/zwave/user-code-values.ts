import { z } from "zod";

/** User Code CC (99) as zwave-js exposes it: one `userIdStatus` and one `userCode` value per slot. */
export const USER_CODE_CC = 99;

/** User ID status per the Z-Wave spec: 0 available, 1 enabled (occupied), 2 disabled, 3 messaging, 4 passage. */
export const USER_ID_AVAILABLE = 0;

/** A slot's content as read from a report or a cache. */
export type SlotContent = { status: "empty" } | { status: "set"; pin: string };

/** Combines the two per-slot values into what the slot holds. */
export function slotContent(
  userIdStatus: number | undefined,
  userCode: string | undefined,
): SlotContent | null {
  if (userCode !== undefined && /^\d+$/.test(userCode) && userIdStatus !== USER_ID_AVAILABLE) {
    return { status: "set", pin: userCode };
  }
  // zwave-js reports a cleared slot as status 0 and/or an empty code.
  if (userIdStatus === USER_ID_AVAILABLE || userCode === "") return { status: "empty" };
  return null;
}

/** Fields of HA's `zwave_js.value_updated` trigger variables that identify a user code value. */
export const ValueUpdatedTriggerSchema = z
  .object({
    device_id: z.string(),
    command_class: z.number(),
    property: z.union([z.string(), z.number()]),
    property_key: z.union([z.string(), z.number()]).nullable(),
    current_value: z.unknown(),
    current_value_raw: z.unknown().optional(),
  })
  .loose();
