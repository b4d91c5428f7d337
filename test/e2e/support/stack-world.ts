import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connectApi, type ApiClient } from "../../integration/support/api-client";
import { startFullStack, type FullStack } from "../../stack/full-stack";
import { haTarget } from "../../stack/ha/target";
import { demoLocksFor } from "../../stack/name-locks";
import { HaWatch } from "./watch-ha";

/** The locks of this run's stack (the 2024.3 stack has no User Credential lock). */
export const STACK_LOCKS = demoLocksFor(haTarget());
export const LOCK_IDS = STACK_LOCKS.map((l) => l.entityId);
/** Front, back and the slow garage lock: User Code locks on every HA, what the 1 → 3 figure measures. */
export const THREE_USER_CODE_LOCKS = ["lock.front_door", "lock.back_door", "lock.garage_side_door"];

export interface StackWorld {
  stack: FullStack;
  watch: HaWatch;
  api: ApiClient;
  /** What a lock's own memory holds: slot → PIN (enabled slots only). */
  memory: (entityId: string) => Promise<Map<number, string>>;
  close: () => Promise<void>;
}

/** `matter`: a Matter door too (HA 2026.11); `addonEnv`: tuning added to the add-on's. */
export async function startStackWorld(
  options: { matter?: boolean; addonEnv?: Record<string, string> } = {},
): Promise<StackWorld> {
  const workDir = await mkdtemp(join(tmpdir(), "latchkey-e2e-"));
  const stack = await startFullStack({
    workDir,
    addonEnv: { LATCHKEY_RETRY_BASE_MS: "500", ...options.addonEnv },
    ...(options.matter ? { matter: true } : {}),
  });
  const watch = await HaWatch.start(stack.ha.url, stack.credentials.admin.token);
  const api = await connectApi(stack.addon.apiUrl, stack.credentials.admin.token);
  await api.request("state/subscribe", {});
  await api.waitForSnapshot((s) => s.locks.length === STACK_LOCKS.length + (options.matter ? 1 : 0));
  return {
    stack,
    watch,
    api,
    memory: async (entityId) => {
      const node = STACK_LOCKS.find((l) => l.entityId === entityId)?.nodeId;
      const state = await stack.zwave.control.state();
      const slots = state.nodes.find((n) => n.node === node)?.slots ?? {};
      return new Map(
        Object.entries(slots).flatMap(([slot, s]) =>
          s.status === "enabled" ? [[Number(slot), s.code] as const] : [],
        ),
      );
    },
    close: async () => {
      api.close();
      await watch.close();
      await stack.stop();
    },
  };
}

/** Slots of a lock's memory holding `pin`. */
export async function slotsWith(world: StackWorld, entityId: string, pin: string): Promise<number[]> {
  return [...(await world.memory(entityId))].filter(([, code]) => code === pin).map(([slot]) => slot);
}

export function figure(name: string, value: string): void {
  process.stdout.write(`[figure] ${name}: ${value}\n`);
}

export async function reconnectApi(world: StackWorld): Promise<ApiClient> {
  const api = await connectApi(world.stack.addon.apiUrl, world.stack.credentials.admin.token);
  await api.request("state/subscribe", {});
  return api;
}
