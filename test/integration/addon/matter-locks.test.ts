import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { RawClient, resultSchema } from "../ha-fake/raw-client";
import type { HaFakeOptions } from "../ha-fake/index";
import { allSynced } from "../support/api-client";
import { pinsShown } from "../support/pins";
import { ADMIN, FAST, slotsHolding, startWorld, threeLocks, type World } from "../support/world";

const PATIO = "lock.patio_door";

/** The three Z-Wave locks and a Matter door of 10 users, as the real stack has. */
function withMatterPatioDoor(codes?: Record<number, string>): NonNullable<HaFakeOptions["locks"]> {
  return [
    ...threeLocks(),
    {
      entityId: PATIO,
      name: "Patio Door",
      nodeId: 1,
      slotCount: 10,
      protocol: "matter",
      ...(codes ? { codes } : {}),
    },
  ];
}

const MATTER_WRITES = new Set([
  "set_lock_credential",
  "clear_lock_credential",
  "clear_lock_user",
  "set_lock_user",
]);

/** Matter lock writes the add-on sent (reads left out). */
function matterWrites(w: World): { service: string; data: Record<string, unknown> }[] {
  return w.ha.serviceCalls
    .filter((c) => c.domain === "matter" && MATTER_WRITES.has(c.service))
    .map((c) => ({ service: c.service, data: c.data }));
}

let world: World | null = null;
afterEach(async () => {
  if (world) {
    expect(pinsShown(world.addon.output(), ["4821", "5930", "7391", "6060"])).toEqual([]);
    await world.close();
  }
  world = null;
});

describe("Matter locks, on the newest HA (matter lock actions)", () => {
  it("finds the Matter lock with its own limits; a code becomes a PIN credential of a user of its own, edited, disabled, enabled and deleted", async () => {
    world = await startWorld({ profile: "newest", locks: withMatterPatioDoor() });
    const w = world;
    const first = await w.api.waitForSnapshot((s) => s.locks.some((l) => l.id === PATIO));
    expect(first.locks.find((l) => l.id === PATIO)).toMatchObject({
      protocol: "matter",
      slotCount: 10,
      slotCountSource: "lock",
      pinLength: { min: 4, max: 8 },
    });
    await w.addon.waitForOutput(/Found 3 Z-Wave lock\(s\) and 1 Matter lock\(s\)/);

    const created = await w.api.request("codes/create", {
      draft: { name: "Mom", pin: "4821", lockIds: ["lock.front_door", PATIO] },
    });
    if (!created.ok) throw new Error(created.error.message);
    const codeId = created.result.codeId;
    const synced = await w.api.waitForSnapshot(allSynced);
    // A Matter lock never reads a PIN back: its own credential status confirms the write.
    expect(synced.sync[codeId]).toMatchObject({
      "lock.front_door": { state: "synced", via: "cc_read" },
      [PATIO]: { state: "synced", via: "lock_report" },
    });
    expect(slotsHolding(w.ha, PATIO, "4821")).toEqual([1]);
    expect(matterWrites(w)).toEqual([
      {
        service: "set_lock_credential",
        data: { entity_id: [PATIO], credential_type: "pin", credential_data: "4821", credential_index: 1 },
      },
    ]);

    await w.api.request("codes/update", { codeId, changes: { pin: "5930" } });
    await w.api.waitForSnapshot(() => slotsHolding(w.ha, PATIO, "5930").length === 1);
    await w.api.waitForSnapshot(allSynced);
    expect(slotsHolding(w.ha, PATIO, "5930")).toEqual([1]);

    await w.api.request("codes/set_enabled", { codeId, enabled: false });
    await w.api.waitForSnapshot(() => slotsHolding(w.ha, PATIO, "5930").length === 0);
    await w.api.waitForSnapshot(allSynced);
    // Latchkey's user held nothing but that PIN: the user goes with it.
    expect(matterWrites(w).map((c) => c.service)).toEqual([
      "set_lock_credential",
      "set_lock_credential",
      "clear_lock_user",
    ]);

    await w.api.request("codes/set_enabled", { codeId, enabled: true });
    await w.api.waitForSnapshot(() => slotsHolding(w.ha, PATIO, "5930").length === 1);
    await w.api.waitForSnapshot(allSynced);

    await w.api.request("codes/delete", { codeId });
    await w.api.waitForSnapshot(
      (s) => s.codes.length === 0 && slotsHolding(w.ha, PATIO, "5930").length === 0,
    );
  });

  it("shows PINs enrolled at the Matter lock as unmanaged, goes around them, cannot adopt them unread, clears them", async () => {
    world = await startWorld({ profile: "newest", locks: withMatterPatioDoor({ 1: "7391" }) });
    const w = world;
    const first = await w.api.waitForSnapshot((s) => s.unmanaged.length === 1);
    expect(first.unmanaged).toEqual([{ lockId: PATIO, slot: 1 }]);
    expect(pinsShown(JSON.stringify(first), ["7391"])).toEqual([]);

    await w.api.request("codes/create", { draft: { name: "Mom", pin: "4821", lockIds: [PATIO] } });
    await w.api.waitForSnapshot(allSynced);
    expect(slotsHolding(w.ha, PATIO, "4821")).toEqual([2]);

    const adopted = await w.api.request("unmanaged/adopt", { lockId: PATIO, slot: 1, name: "Grandpa" });
    expect(adopted).toMatchObject({
      ok: false,
      error: { code: "conflict", problem: "error.pin_unreadable" },
    });
    const cleared = await w.api.request("unmanaged/clear", { lockId: PATIO, slot: 1 });
    expect(cleared.ok).toBe(true);
    await w.api.waitForSnapshot((s) => s.unmanaged.length === 0 && allSynced(s));
    expect(slotsHolding(w.ha, PATIO, "7391")).toEqual([]);
    expect(slotsHolding(w.ha, PATIO, "4821")).toEqual([2]);
  });

  it("a duplicate PIN the Matter lock refuses fails with HA's words and no PIN", async () => {
    world = await startWorld({ profile: "newest", locks: withMatterPatioDoor({ 1: "7391" }) });
    const w = world;
    await w.api.waitForSnapshot((s) => s.unmanaged.length === 1);
    const created = await w.api.request("codes/create", {
      draft: { name: "Copy", pin: "7391", lockIds: [PATIO] },
    });
    if (!created.ok) throw new Error(created.error.message);
    const failing = await w.api.waitForSnapshot(
      (s) => s.sync[created.result.codeId]?.[PATIO]?.state === "failed",
    );
    const status = JSON.stringify(failing.sync[created.result.codeId]);
    expect(status).toMatch(/lock returned status `failure`/);
    expect(pinsShown(status, ["7391"])).toEqual([]);
  });

  it("tells keypad, hand and Home Assistant moves of a Matter door apart by the lock's operation source", async () => {
    world = await startWorld({ profile: "newest", locks: withMatterPatioDoor() });
    const w = world;
    await w.api.waitForSnapshot((s) => s.locks.some((l) => l.id === PATIO));
    const kinds = () =>
      w.ha.firedEvents
        .filter((e) => e.event_type === "latchkey_lock_activity" && e.data.entity_id === PATIO)
        .map((e) => ({ kind: e.data.kind, user: e.data.user_name }));

    // HA hands on the source (changed_by) only: a keypad move cannot name the code.
    w.ha.pressKeypad(PATIO, 1, "unlock");
    await w.addon.waitForOutput(/Someone unlocked Patio Door with the keypad\./);
    w.ha.manual(PATIO, "lock");
    await w.addon.waitForOutput(/Patio Door was locked by hand\./);
    const { client } = await RawClient.authed(w.ha.wsUrl, ADMIN.token);
    await client.command("call_service", {
      domain: "lock",
      service: "unlock",
      service_data: {},
      target: { entity_id: PATIO },
    });
    await w.addon.waitForOutput(/unlocked Patio Door in Home Assistant\./);
    client.close();
    // The event follows the log line.
    for (const end = Date.now() + 5_000; kinds().length < 3 && Date.now() < end;)
      await new Promise((r) => setTimeout(r, 25));
    expect(kinds()).toEqual([
      { kind: "keypad_unlock", user: null },
      { kind: "manual_lock", user: null },
      { kind: "unlocked", user: ADMIN.name },
    ]);
    const listed = await w.api.request("activity/list", { lockId: PATIO });
    expect(listed.ok && listed.result.entries.map((e) => e.kind)).toEqual([
      "unlocked",
      "manual_lock",
      "keypad_unlock",
    ]);
  });

  it("a PIN changed or a user cleared on the Matter lock by someone else in HA is held, told and never overwritten", async () => {
    world = await startWorld(
      { profile: "newest", locks: withMatterPatioDoor() },
      { ...FAST, LATCHKEY_CODE_ACTION_RELIST_MS: "200" },
    );
    const w = world;
    const mom = await w.api.request("codes/create", {
      draft: { name: "Mom", pin: "4821", lockIds: [PATIO] },
    });
    const dad = await w.api.request("codes/create", {
      draft: { name: "Dad", pin: "5930", lockIds: [PATIO] },
    });
    if (!mom.ok || !dad.ok) throw new Error("create failed");
    const synced = await w.api.waitForSnapshot(allSynced);
    const momSlot = synced.slots[mom.result.codeId]?.[PATIO] ?? 0;
    const dadSlot = synced.slots[dad.result.codeId]?.[PATIO] ?? 0;
    const { client } = await RawClient.authed(w.ha.wsUrl, ADMIN.token);
    const act = async (service: string, data: Record<string, unknown>) =>
      resultSchema.parse(
        await client.command("call_service", {
          domain: "matter",
          service,
          service_data: data,
          target: { entity_id: PATIO },
          ...(service === "set_lock_credential" ? { return_response: true } : {}),
        }),
      ).success;
    try {
      const writes = matterWrites(w).length;
      // A script (or another lock manager) gives Mom's PIN slot a new PIN.
      expect(
        await act("set_lock_credential", {
          credential_type: "pin",
          credential_data: "6060",
          credential_index: momSlot,
        }),
      ).toBe(true);
      const changed = await w.api.waitForSnapshot((s) => s.held.length === 1);
      expect(changed.held[0]).toMatchObject({
        lockId: PATIO,
        slot: momSlot,
        codeId: mom.result.codeId,
        reason: "changed_in_ha",
      });
      await w.api.waitForSnapshot(() =>
        [...w.ha.notifications.persistent.values()].some((n) => n.message.includes("Mom")),
      );
      expect([...w.ha.notifications.persistent.values()].map((n) => n.message)).toContain(
        `Alex Admin changed a code on Patio Door in Home Assistant (slot ${momSlot}). That slot belongs to Mom: open Latchkey to keep the lock's code or restore Mom's.`,
      );

      // Dad's user is cleared (with his PIN): the echo names the user, the lock's listing the slot.
      const status = await client.command("call_service", {
        domain: "matter",
        service: "get_lock_credential_status",
        service_data: { credential_type: "pin", credential_index: dadSlot },
        target: { entity_id: PATIO },
        return_response: true,
      });
      const dadUser = z
        .object({
          result: z.object({ response: z.record(z.string(), z.object({ user_index: z.number() })) }),
        })
        .parse(status).result.response[PATIO]?.user_index;
      expect(await act("clear_lock_user", { user_index: dadUser })).toBe(true);
      const removed = await w.api.waitForSnapshot((s) => s.held.length === 2);
      expect(removed.held).toContainEqual(
        expect.objectContaining({ slot: dadSlot, codeId: dad.result.codeId, reason: "removed_in_ha" }),
      );
      await new Promise((r) => setTimeout(r, 1_000));
      // Only the two actions above: Latchkey wrote nothing over them.
      expect(
        matterWrites(w)
          .slice(writes)
          .map((c) => c.service),
      ).toEqual(["set_lock_credential", "clear_lock_user"]);
      expect(slotsHolding(w.ha, PATIO, "6060")).toEqual([momSlot]);

      // The admin restores Mom's PIN and keeps Dad off the lock.
      await w.api.request("held/resolve", { lockId: PATIO, slot: momSlot, keep: "latchkey" });
      await w.api.request("held/resolve", { lockId: PATIO, slot: dadSlot, keep: "lock" });
      const after = await w.api.waitForSnapshot((s) => s.held.length === 0 && allSynced(s));
      expect(slotsHolding(w.ha, PATIO, "4821")).toEqual([momSlot]);
      expect(after.codes.find((c) => c.id === dad.result.codeId)?.lockIds).not.toContain(PATIO);
    } finally {
      client.close();
    }
  });

  it("a PIN added from another Matter controller (no word reaches HA) shows as unmanaged at the next periodic listing", async () => {
    world = await startWorld(
      { profile: "newest", locks: withMatterPatioDoor() },
      { ...FAST, LATCHKEY_MATTER_RELIST_MS: "400" },
    );
    const w = world;
    await w.api.waitForSnapshot((s) => s.locks.some((l) => l.id === PATIO));
    const { credentialIndex } = w.ha.matterEnrol(PATIO, "7391");
    const listed = await w.api.waitForSnapshot((s) => s.unmanaged.some((u) => u.lockId === PATIO), 5_000);
    expect(listed.unmanaged).toEqual([{ lockId: PATIO, slot: credentialIndex }]);
  });
});
