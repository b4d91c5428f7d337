import { z } from "zod";
import type { Lock } from "../../../src/model/lock";
import type { HaClient } from "../ha/client";
import type { Logger } from "../log/logger";
import type { SlotWriter } from "../sync/executor";
import type { CodeInventory } from "../zwave/code-inventory";
import type { SlotCountReader } from "../zwave/lock-routes";
import { MATTER_LOCK_SERVICES } from "./lock-answers";
import { matterInventory } from "./lock-inventory";
import { MatterLockInfo, type PinLengthReader } from "./lock-limits";
import { createMatterWriter } from "./lock-writer";

const ServicesSchema = z.record(z.string(), z.record(z.string(), z.unknown()));

/** How Latchkey reads and writes Matter locks: HA's matter lock actions. */
export interface MatterSupport {
  writer: SlotWriter;
  inventory: CodeInventory;
  slotCount: SlotCountReader;
  pinLength: PinLengthReader;
}

/** Present where the running HA has the matter lock actions (2026.4+); Matter locks are not managed otherwise. */
export async function detectMatterSupport(
  client: HaClient,
  log: Logger,
  callTimeoutMs: number,
): Promise<MatterSupport | null> {
  const services = await client.command(ServicesSchema, { type: "get_services" });
  const matter = services.matter ?? {};
  if (!MATTER_LOCK_SERVICES.every((service) => service in matter)) return null;
  const info = new MatterLockInfo(client);
  return {
    writer: createMatterWriter({ client, log, callTimeoutMs }),
    inventory: (lock) => matterInventory(client, lock),
    slotCount: async (lock) => (await info.limits(lock))?.slotCount ?? null,
    pinLength: async (lock) => (await info.limits(lock))?.pinLength ?? null,
  };
}

const isMatter = (lock: Lock) => lock.protocol === "matter";

/** Sends Matter locks to the matter paths and every other lock to the Z-Wave ones. */
export function withMatterLocks(
  matter: MatterSupport | null,
  zwave: { writer: SlotWriter; inventory: CodeInventory | null; slotCount: SlotCountReader | null },
): {
  writer: SlotWriter;
  inventory: CodeInventory | null;
  slotCount: SlotCountReader | null;
  pinLength?: PinLengthReader;
  platforms?: readonly string[];
} {
  if (!matter) return zwave;
  const { inventory, slotCount } = zwave;
  return {
    writer: (op, lock, signal) =>
      isMatter(lock) ? matter.writer(op, lock, signal) : zwave.writer(op, lock, signal),
    inventory: (lock) =>
      isMatter(lock) ? matter.inventory(lock) : inventory ? inventory(lock) : Promise.resolve(null),
    slotCount: (lock) =>
      isMatter(lock) ? matter.slotCount(lock) : slotCount ? slotCount(lock) : Promise.resolve(null),
    pinLength: (lock) => (isMatter(lock) ? matter.pinLength(lock) : Promise.resolve(null)),
    platforms: ["matter"],
  };
}
