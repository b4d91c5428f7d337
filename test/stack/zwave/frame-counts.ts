// Reading the simulated network's frame counter (the radio benchmark, e2e checks): totals per lock, a
// compact breakdown by command class, and a wait until the air has been quiet for a while (a
// write's last frames — the driver's own read-back, ACKs — may follow the moment it is confirmed).
import type { FrameCount } from "./control-schema";
import type { ControlClient } from "./control-client";

export interface Frames {
  rows: FrameCount[];
  total: number;
}

export function framesOf(rows: readonly FrameCount[], nodes?: readonly number[]): Frames {
  const picked = rows.filter((r) => nodes?.includes(r.node) ?? true);
  return { rows: picked, total: picked.reduce((sum, r) => sum + r.frames, 0) };
}

/** "User Code 4 → / 2 ←, ACK 2 → / 4 ←": → to the lock, ← from the lock, per command class. */
export function breakdown(frames: Frames): string {
  const byClass = new Map<string, { to: number; from: number }>();
  for (const r of frames.rows) {
    const entry = byClass.get(r.commandClass) ?? { to: 0, from: 0 };
    if (r.direction === "to_node") entry.to += r.frames;
    else entry.from += r.frames;
    byClass.set(r.commandClass, entry);
  }
  if (byClass.size === 0) return "none";
  return [...byClass]
    .sort(([, a], [, b]) => b.to + b.from - (a.to + a.from))
    .map(([cc, { to, from }]) => `${cc} ${to}→/${from}←`)
    .join(", ");
}

/** Resolves with the counts once no frame crossed the air for `quietMs` (at most `timeoutMs`). */
export async function settledFrames(
  control: ControlClient,
  quietMs = 1_500,
  timeoutMs = 60_000,
): Promise<FrameCount[]> {
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  let since = Date.now();
  for (;;) {
    const { frames } = await control.frames();
    const total = framesOf(frames).total;
    if (total !== last) {
      last = total;
      since = Date.now();
    } else if (Date.now() - since >= quietMs || Date.now() > deadline) return frames;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
