// The measured cases of the radio benchmark, each on the running real stack: codes created
// through the card API, timed until every (code, lock) pair is synced — the lock confirmed
// it — and the frames the simulated locks saw meanwhile (until the air is quiet again).
import type { ApiClient } from "../../test/integration/support/api-client";
import type { FullStack } from "../../test/stack/full-stack";
import { framesOf, settledFrames, type Frames } from "../../test/stack/zwave/frame-counts";

export interface SyncCase {
  label: string;
  /** Wall time from the first create sent to the last pair synced. */
  ms: number;
  /** (code, lock) pairs that changed: one slot written on one lock each. */
  lockSlots: number;
  frames: Frames;
}

/** Distinct 6-digit PINs that no weakness rule flags (no runs, no repeats). */
export function benchPin(index: number): string {
  return String(204_817 + index * 7_919)
    .padStart(6, "0")
    .slice(-6);
}

function syncedAll(api: ApiClient, codeIds: readonly string[], lockIds: readonly string[]): boolean {
  const snapshot = api.snapshot();
  if (!snapshot) return false;
  return codeIds.every((codeId) =>
    lockIds.every((lockId) => snapshot.sync[codeId]?.[lockId]?.state === "synced"),
  );
}

export async function syncCase(
  stack: FullStack,
  api: ApiClient,
  label: string,
  codes: number,
  lockIds: readonly string[],
  firstIndex: number,
): Promise<SyncCase & { codeIds: string[] }> {
  await settledFrames(stack.zwave.control);
  await stack.zwave.control.resetFrames();
  const started = performance.now();
  const codeIds: string[] = [];
  for (let i = 0; i < codes; i++) {
    const created = await api.request("codes/create", {
      draft: {
        name: `Bench ${String(firstIndex + i).padStart(3, "0")}`,
        pin: benchPin(firstIndex + i),
        lockIds: [...lockIds],
      },
    });
    if (!created.ok) throw new Error(`${label}: ${created.error.message}`);
    codeIds.push(created.result.codeId);
  }
  const timeoutMs = 120_000 + codes * lockIds.length * 10_000;
  await api.waitForSnapshot(() => syncedAll(api, codeIds, lockIds), timeoutMs);
  const ms = performance.now() - started;
  const nodes = stack.locks.filter((l) => lockIds.includes(l.entityId)).map((l) => l.nodeId);
  const frames = framesOf(await settledFrames(stack.zwave.control), nodes);
  return { label, ms, lockSlots: codes * lockIds.length, frames, codeIds };
}

/** Deletes the codes and waits until the locks hold none of them (not measured). */
export async function removeCodes(
  stack: FullStack,
  api: ApiClient,
  codeIds: readonly string[],
): Promise<void> {
  for (const codeId of codeIds) {
    const deleted = await api.request("codes/delete", { codeId });
    if (!deleted.ok) throw new Error(`delete: ${deleted.error.message}`);
  }
  await api.waitForSnapshot(
    (s) => codeIds.every((id) => !s.codes.some((c) => c.id === id)) && Object.keys(s.slots).length === 0,
    120_000 + codeIds.length * 10_000,
  );
  const deadline = Date.now() + 120_000 + codeIds.length * 10_000;
  for (;;) {
    const { nodes } = await stack.zwave.control.state();
    if (nodes.every((n) => Object.keys(n.slots).length === 0)) break;
    if (Date.now() > deadline) throw new Error("the locks still hold codes after the deletes");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await settledFrames(stack.zwave.control);
}

export interface QuietCase {
  label: string;
  ms: number;
  frames: Frames;
}

/** Frames while `during` runs and until the air is quiet again. */
export async function quietCase(
  stack: FullStack,
  label: string,
  during: () => Promise<void>,
): Promise<QuietCase> {
  await settledFrames(stack.zwave.control);
  await stack.zwave.control.resetFrames();
  const started = performance.now();
  await during();
  const frames = framesOf(await settledFrames(stack.zwave.control, 3_000));
  return { label, ms: performance.now() - started, frames };
}
