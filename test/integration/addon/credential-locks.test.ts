import { afterEach, describe, expect, it } from "vitest";
import type { HaFakeOptions } from "../ha-fake/index";
import { allSynced } from "../support/api-client";
import { pinsShown } from "../support/pins";
import { FAST, LOCKS, lockWrites, slotsHolding, startWorld, threeLocks, type World } from "../support/world";

/** The back door keeps its codes only in the User Credential CC; the other two are User Code locks. */
function withCredentialBackDoor(
  codes?: Record<number, string>,
  tagUsers?: number[],
): NonNullable<HaFakeOptions["locks"]> {
  return threeLocks().map((l) =>
    l.entityId === "lock.back_door"
      ? {
          ...l,
          commandClass: "user_credential" as const,
          ...(codes ? { codes } : {}),
          ...(tagUsers ? { tagUsers } : {}),
        }
      : l,
  );
}

const CREDENTIAL_SERVICES = new Set([
  "get_users",
  "set_user",
  "set_credential",
  "delete_credential",
  "delete_user",
]);

let world: World | null = null;
afterEach(async () => {
  if (world) {
    expect(pinsShown(world.addon.output(), ["4821", "5930", "7391"])).toEqual([]);
    await world.close();
  }
  world = null;
});

/** Credential writes the add-on sent (get_users reads left out). */
function credentialWrites(w: World): { service: string; data: Record<string, unknown> }[] {
  return w.ha.serviceCalls
    .filter((c) => c.domain === "zwave_js" && CREDENTIAL_SERVICES.has(c.service) && c.service !== "get_users")
    .map((c) => ({ service: c.service, data: c.data }));
}

describe("locks that only speak the User Credential CC, on the newest HA (credential actions)", () => {
  it("a code reaches a User Credential lock and a User Code lock; disable and delete clear both", async () => {
    world = await startWorld({ profile: "newest", locks: withCredentialBackDoor() });
    const w = world;
    await w.addon.waitForOutput(/Back Door keeps its codes in the User Credential command class/);
    expect(w.api.snapshot()?.locks.find((l) => l.id === "lock.back_door")).toMatchObject({
      slotCount: 30,
      slotCountSource: "lock",
    });

    const created = await w.api.request("codes/create", {
      draft: { name: "Mom", pin: "4821", lockIds: ["lock.front_door", "lock.back_door"] },
    });
    if (!created.ok) throw new Error(created.error.message);
    const codeId = created.result.codeId;
    const synced = await w.api.waitForSnapshot(allSynced);
    expect(synced.sync[codeId]).toMatchObject({
      "lock.front_door": { state: "synced", via: "cc_read" },
      "lock.back_door": { state: "synced", via: "lock_report" },
    });
    expect(slotsHolding(w.ha, "lock.front_door", "4821")).toEqual([1]);
    expect(slotsHolding(w.ha, "lock.back_door", "4821")).toEqual([1]);
    // The User Code services never touch the credential lock; the credential actions only it.
    expect(lockWrites(w.ha).map((c) => c.entityId)).toEqual(["lock.front_door"]);
    // A new user and its PIN in one action.
    expect(credentialWrites(w).map((c) => c.service)).toEqual(["set_user"]);
    expect(credentialWrites(w)[0]?.data).toMatchObject({
      entity_id: ["lock.back_door"],
      user_id: 1,
      credential_type: "pin_code",
    });

    await w.api.request("codes/set_enabled", { codeId, enabled: false });
    await w.api.waitForSnapshot(
      () =>
        slotsHolding(w.ha, "lock.back_door", "4821").length === 0 &&
        slotsHolding(w.ha, "lock.front_door", "4821").length === 0,
    );
    await w.api.waitForSnapshot(allSynced);
    // Latchkey's user held nothing but the PIN: the whole user goes, none is left empty in HA's list.
    expect(credentialWrites(w).map((c) => c.service)).toEqual(["set_user", "delete_user"]);

    await w.api.request("codes/set_enabled", { codeId, enabled: true });
    await w.api.waitForSnapshot(() => slotsHolding(w.ha, "lock.back_door", "4821").length === 1);
    await w.api.waitForSnapshot(allSynced);
    expect(
      credentialWrites(w)
        .map((c) => c.service)
        .slice(2),
    ).toEqual(["set_user"]);

    await w.api.request("codes/delete", { codeId });
    await w.api.waitForSnapshot(
      (s) => s.codes.length === 0 && LOCKS.every((lock) => slotsHolding(w.ha, lock, "4821").length === 0),
    );
  });

  it("a keypad unlock at the User Credential lock names the code (the user index is the slot)", async () => {
    world = await startWorld({ profile: "newest", locks: withCredentialBackDoor() });
    const w = world;
    const created = await w.api.request("codes/create", {
      draft: { name: "Mom", pin: "4821", lockIds: ["lock.back_door"] },
    });
    if (!created.ok) throw new Error(created.error.message);
    await w.api.waitForSnapshot(allSynced);
    w.ha.pressKeypad("lock.back_door", 1, "unlock");
    await w.api.waitForSnapshot(() => w.ha.firedEvents.some((e) => e.event_type === "latchkey_code_used"));
    expect(w.ha.firedEvents.find((e) => e.event_type === "latchkey_code_used")?.data).toMatchObject({
      code_name: "Mom",
      entity_id: "lock.back_door",
      slot: 1,
    });
  });

  it("a rejected credential is retried, and HA's error text never carries the PIN into the sync status", async () => {
    world = await startWorld({ profile: "newest", locks: withCredentialBackDoor() });
    const w = world;
    w.ha.faults.failNext({
      service: "set_user",
      entityId: "lock.back_door",
      times: 2,
      message: "Credential 4821 was rejected by the lock",
    });
    const created = await w.api.request("codes/create", {
      draft: { name: "Mom", pin: "4821", lockIds: ["lock.back_door"] },
    });
    if (!created.ok) throw new Error(created.error.message);
    const failing = await w.api.waitForSnapshot(
      (s) => s.sync[created.result.codeId]?.["lock.back_door"]?.state === "failed",
    );
    const reason = JSON.stringify(failing.sync[created.result.codeId]);
    expect(reason).toMatch(/was rejected by the lock/);
    expect(pinsShown(reason, ["4821"])).toEqual([]);
    await w.api.waitForSnapshot(allSynced, 20_000);
    expect(slotsHolding(w.ha, "lock.back_door", "4821")).toEqual([1]);
  });

  it("reports PINs it did not write as unmanaged and goes around them; adopting needs a PIN HA cannot read there, clearing works", async () => {
    world = await startWorld({ profile: "newest", locks: withCredentialBackDoor({ 1: "7391" }) });
    const w = world;
    const first = await w.api.waitForSnapshot((s) => s.unmanaged.length === 1);
    expect(first.unmanaged).toEqual([{ lockId: "lock.back_door", slot: 1 }]);
    expect(pinsShown(JSON.stringify(first), ["7391"])).toEqual([]);

    await w.api.request("codes/create", { draft: { name: "Mom", pin: "4821", lockIds: ["lock.back_door"] } });
    await w.api.waitForSnapshot(allSynced);
    expect(slotsHolding(w.ha, "lock.back_door", "4821")).toEqual([2]);
    expect(slotsHolding(w.ha, "lock.back_door", "7391")).toEqual([1]);

    const adopted = await w.api.request("unmanaged/adopt", {
      lockId: "lock.back_door",
      slot: 1,
      name: "Grandpa",
    });
    expect(adopted).toMatchObject({
      ok: false,
      error: { code: "conflict", problem: "error.pin_unreadable" },
    });
    expect(slotsHolding(w.ha, "lock.back_door", "7391")).toEqual([1]);
    const cleared = await w.api.request("unmanaged/clear", { lockId: "lock.back_door", slot: 1 });
    expect(cleared.ok).toBe(true);
    await w.api.waitForSnapshot((s) => s.unmanaged.length === 0 && allSynced(s));
    expect(slotsHolding(w.ha, "lock.back_door", "7391")).toEqual([]);
    expect(slotsHolding(w.ha, "lock.back_door", "4821")).toEqual([2]);
  });

  it("stays off a person enrolled with a tag only, and does not offer them as a code to adopt or clear", async () => {
    world = await startWorld({ profile: "newest", locks: withCredentialBackDoor({ 1: "7391" }, [2]) });
    const w = world;
    const first = await w.api.waitForSnapshot((s) => s.unmanaged.length > 0);
    expect(first.unmanaged).toEqual([{ lockId: "lock.back_door", slot: 1 }]);

    await w.api.request("codes/create", { draft: { name: "Mom", pin: "4821", lockIds: ["lock.back_door"] } });
    await w.api.waitForSnapshot(allSynced);
    expect(slotsHolding(w.ha, "lock.back_door", "4821")).toEqual([3]);
    for (const request of [
      w.api.request("unmanaged/adopt", { lockId: "lock.back_door", slot: 2, name: "Cleaner" }),
      w.api.request("unmanaged/clear", { lockId: "lock.back_door", slot: 2 }),
    ]) {
      expect(await request).toMatchObject({
        ok: false,
        error: { code: "not_found", problem: "error.slot_not_unmanaged" },
      });
    }
    expect(credentialWrites(w).filter((c) => c.data["user_id"] === 2)).toEqual([]);
  });
});

describe("when a User Credential lock cannot list its users for a while", () => {
  it("picks no slot there until it can, so a PIN enrolled at the lock is never overwritten", async () => {
    // The lock does not answer the first few listings (its slot count read is one of them).
    world = await startWorld(
      { profile: "newest", locks: withCredentialBackDoor({ 1: "7391" }) },
      FAST,
      (ha) => {
        ha.faults.failNext({
          service: "get_users",
          entityId: "lock.back_door",
          times: 6,
          message: "Node 3 did not respond",
        });
      },
    );
    const w = world;
    await w.api.request("codes/create", {
      draft: { name: "Mom", pin: "4821", lockIds: ["lock.front_door", "lock.back_door"] },
    });
    const waiting = await w.api.waitForSnapshot((s) =>
      Object.values(s.sync).some((perLock) => perLock["lock.back_door"]?.state === "waiting"),
    );
    const backDoor = Object.values(waiting.sync)[0]?.["lock.back_door"];
    expect(backDoor?.state === "waiting" ? backDoor.reason : backDoor?.state).toMatch(
      /could not yet list the codes/,
    );
    const synced = await w.api.waitForSnapshot(allSynced, 20_000);
    expect(Object.values(synced.slots)[0]).toMatchObject({ "lock.back_door": 2 });
    expect(slotsHolding(w.ha, "lock.back_door", "7391")).toEqual([1]);
    expect(slotsHolding(w.ha, "lock.back_door", "4821")).toEqual([2]);
  });
});

describe("a User Credential lock on the oldest supported HA (no credential actions)", () => {
  it("fails on that lock alone, with a reason that says why; the code is kept and the other locks sync", async () => {
    world = await startWorld({ profile: "pinned", locks: withCredentialBackDoor() });
    const w = world;
    await w.addon.waitForOutput(/User Credential locks: not supported by this Home Assistant/);
    const created = await w.api.request("codes/create", {
      draft: { name: "Mom", pin: "4821", lockIds: LOCKS },
    });
    if (!created.ok) throw new Error(created.error.message);
    const snap = await w.api.waitForSnapshot((s) => {
      const sync = s.sync[created.result.codeId] ?? {};
      return (
        sync["lock.front_door"]?.state === "synced" &&
        sync["lock.garage_side_door"]?.state === "synced" &&
        sync["lock.back_door"]?.state === "failed"
      );
    });
    const failed = snap.sync[created.result.codeId]?.["lock.back_door"];
    // HA 2024.3 cannot list the lock's codes, so the slot is read before anything is written;
    // a lock without User Code values never answers that read.
    expect(failed?.state === "failed" ? failed.reason : "").toMatch(
      /Back Door did not report what slot 1 holds.*User Credential command class.*Home Assistant 2026\.6 or newer/,
    );
    expect(snap.codes.map((c) => c.name)).toEqual(["Mom"]);
    expect(slotsHolding(w.ha, "lock.front_door", "4821")).toEqual([1]);
    expect(slotsHolding(w.ha, "lock.back_door", "4821")).toEqual([]);
    expect(w.ha.serviceCalls.some((c) => CREDENTIAL_SERVICES.has(c.service))).toBe(false);
  });
});
