import { afterEach, describe, expect, it } from "vitest";
import type { SlotWriter } from "../../addon/src/sync/executor";
import { slotsHolding } from "../integration/support/world";
import { allSynced, deferred, draft, startLatchkey, type Harness } from "./support/harness";

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

/** Wraps the real writer: counts writes in flight per lock, and can hold the first one back. */
function watchedWriter(hold: Promise<void> | null) {
  const inFlight = new Map<string, number>();
  const most = new Map<string, number>();
  let first = true;
  const wrap =
    (writer: SlotWriter): SlotWriter =>
    async (op, lock, signal) => {
      const now = (inFlight.get(lock.id) ?? 0) + 1;
      inFlight.set(lock.id, now);
      most.set(lock.id, Math.max(most.get(lock.id) ?? 0, now));
      try {
        if (first && hold) {
          first = false;
          await hold;
        }
        return await writer(op, lock, signal);
      } finally {
        inFlight.set(lock.id, (inFlight.get(lock.id) ?? 1) - 1);
      }
    };
  return { wrap, most };
}

describe("the executor's lanes", () => {
  it("a write that overran its time still holds its lock: nothing else is written there until it ends", async () => {
    const release = deferred();
    const watched = watchedWriter(release.promise);
    h = await startLatchkey({
      operationTimeoutMs: 300,
      link: (link) => ({ ...link, writer: watched.wrap(link.writer) }),
    });
    const mom = await h.service.createCode(draft("Mom", "4821", ["lock.front_door"]));
    await h.service.createCode(draft("Dad", "5930", ["lock.front_door"]));
    // Mom's write overruns: it is reported as failed, and Dad's write waits.
    await h.until((s) => s.sync[mom.codeId]?.["lock.front_door"]?.state === "failed");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(watched.most.get("lock.front_door")).toBe(1);
    // Mom's write ends (it landed after all); then Dad's runs.
    release.resolve();
    await h.until(allSynced);
    expect(watched.most.get("lock.front_door")).toBe(1);
    expect(slotsHolding(h.ha, "lock.front_door", "4821")).toEqual([1]);
    expect(slotsHolding(h.ha, "lock.front_door", "5930")).toEqual([2]);
  });

  it("writes to different locks run side by side", async () => {
    const release = deferred();
    const watched = watchedWriter(release.promise);
    h = await startLatchkey({ link: (link) => ({ ...link, writer: watched.wrap(link.writer) }) });
    // The first write (front door) is held; the back door's is written meanwhile.
    await h.service.createCode(draft("Mom", "4821", ["lock.front_door", "lock.back_door"]));
    await h.until((s) =>
      Object.values(s.sync).some((perLock) => perLock["lock.back_door"]?.state === "synced"),
    );
    expect(slotsHolding(h.ha, "lock.front_door", "4821")).toEqual([]);
    release.resolve();
    await h.until(allSynced);
  });
});
