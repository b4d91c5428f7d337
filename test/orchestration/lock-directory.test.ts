import { afterEach, describe, expect, it } from "vitest";
import { slotsHolding } from "../integration/support/world";
import { deferred, draft, startLatchkey, type Harness } from "./support/harness";

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

/** Waits until `check` holds, polling (for facts no snapshot change announces). */
async function eventually(check: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("the lock directory", () => {
  it("reads HA one time after another: an older read that finishes last cannot pause a lock that is back", async () => {
    // The last step of a read of HA (asking each lock its slot count) can be held back.
    let holding: Promise<void> | null = null;
    let heldReads = 0;
    const release = deferred();
    h = await startLatchkey({
      link: (link) => ({
        ...link,
        slotCount: async () => {
          const hold = holding;
          if (hold) {
            heldReads += 1;
            await hold;
          }
          return null;
        },
      }),
    });
    const ha = h.ha;
    // The front door drops off the network: a read of HA starts, sees it dead, and is held back.
    // Only its node status says so (HA keeps the lock available): wait until Latchkey follows it.
    await eventually(() => ha.nodeStatusWatchers("lock.front_door") > 0);
    holding = release.promise;
    ha.setNodeStatus("lock.front_door", "dead");
    await eventually(() => heldReads > 0);
    holding = null;
    // It comes back at once: another read of HA, which sees it alive.
    ha.setNodeStatus("lock.front_door", "alive");
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Only now does the first read finish.
    release.resolve();
    // Three reads of HA in all (at the start, the held one, the one after it) have finished.
    const reads = () => h?.logs.filter((line) => line.includes("Found 3 Z-Wave lock(s)")).length ?? 0;
    await eventually(() => reads() === 3);
    expect(h.service.locks.lockOf("lock.front_door")?.nodeStatus).toBe("alive");
    await h.service.createCode(draft("Mom", "4821", ["lock.front_door"]));
    await h.until((s) => s.sync[Object.keys(s.sync)[0] ?? ""]?.["lock.front_door"]?.state === "synced");
    expect(slotsHolding(ha, "lock.front_door", "4821")).toEqual([1]);
  });
});

describe("a lock that leaves HA for a while", () => {
  it("its codes no longer show as in step there, and edits are accepted and reach it when it is back", async () => {
    h = await startLatchkey();
    const { codeId } = await h.service.createCode(
      draft("Mom", "4821", ["lock.front_door", "lock.back_door"]),
    );
    await h.until((s) => Object.values(s.sync[codeId] ?? {}).every((st) => st.state === "synced"));
    // Someone disables the front door's entity in HA (or its node is re-interviewed).
    h.ha.setEntityDisabled("lock.front_door", true);
    const away = await h.until((s) => !s.locks.some((l) => l.id === "lock.front_door"));
    expect(away.sync[codeId]?.["lock.front_door"]).toMatchObject({
      state: "waiting",
      problem: "sync_reason.lock_gone",
    });
    expect(away.sync[codeId]?.["lock.back_door"]?.state).toBe("synced");
    // A new PIN is accepted now, like for any offline lock, and waits for the front door.
    await h.service.updateCode(codeId, { pin: "7391" });
    await h.until((s) => s.sync[codeId]?.["lock.back_door"]?.state === "synced");
    expect(slotsHolding(h.ha, "lock.back_door", "7391")).toEqual([1]);
    expect(slotsHolding(h.ha, "lock.front_door", "4821")).toEqual([1]);
    h.ha.setEntityDisabled("lock.front_door", false);
    await h.until((s) => Object.values(s.sync[codeId] ?? {}).every((st) => st.state === "synced"));
    expect(slotsHolding(h.ha, "lock.front_door", "7391")).toEqual([1]);
  });
});
