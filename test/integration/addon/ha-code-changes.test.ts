import { afterEach, describe, expect, it } from "vitest";
import { RawClient, resultSchema } from "../ha-fake/raw-client";
import { allSynced } from "../support/api-client";
import { pinsShown } from "../support/pins";
import { ADMIN, FAST, slotsHolding, startWorld, threeLocks, type World } from "../support/world";

/**
 * Someone else changes a lock's codes through Home Assistant — what its own Manage access
 * dialog does: the zwave_js credential actions, on a User Code lock (front) and a User Credential
 * lock (back). It uses the same HA user as Latchkey here, as a household whose add-on runs on
 * the owner's own token would.
 */
let world: World | null = null;
let other: RawClient | null = null;
afterEach(async () => {
  other?.close();
  other = null;
  if (world) expect(pinsShown(world.addon.output(), ["4821", "7777", "6060"])).toEqual([]);
  await world?.close();
  world = null;
});

async function momOnFrontAndBack(): Promise<{ w: World; codeId: string; ha: RawClient }> {
  const locks = threeLocks().map((l) =>
    l.entityId === "lock.back_door" ? { ...l, commandClass: "user_credential" as const } : l,
  );
  world = await startWorld({ profile: "newest", locks }, { ...FAST, LATCHKEY_CODE_ACTION_RELIST_MS: "200" });
  const w = world;
  const created = await w.api.request("codes/create", {
    draft: { name: "Mom", pin: "4821", lockIds: ["lock.front_door", "lock.back_door"] },
  });
  if (!created.ok) throw new Error(created.error.message);
  await w.api.waitForSnapshot(allSynced);
  const { client } = await RawClient.authed(w.ha.wsUrl, ADMIN.token);
  other = client;
  return { w, codeId: created.result.codeId, ha: client };
}

const action = (service: string, entityId: string, data: Record<string, unknown>) => ({
  domain: "zwave_js",
  service,
  service_data: data,
  target: { entity_id: entityId },
  ...(service === "set_credential" || service === "set_user" ? { return_response: true } : {}),
});

describe("a code changed in Home Assistant by someone else (its Manage access dialog)", () => {
  it("a new PIN for Latchkey's user is held, told and never overwritten; restoring puts Mom's back", async () => {
    const { w, codeId, ha } = await momOnFrontAndBack();
    const writes = w.ha.serviceCalls.length;
    const pin = { user_id: 1, credential_type: "pin_code", credential_data: "7777", credential_slot: 1 };
    expect(
      resultSchema.parse(await ha.command("call_service", action("set_credential", "lock.front_door", pin)))
        .success,
    ).toBe(true);
    const held = await w.api.waitForSnapshot((s) => s.held.length === 1);
    expect(held.held[0]).toMatchObject({
      lockId: "lock.front_door",
      slot: 1,
      codeId,
      reason: "changed_in_ha",
    });
    expect(held.sync[codeId]?.["lock.front_door"]?.state).toBe("waiting");
    await w.api.waitForSnapshot(() => w.ha.notifications.persistent.size > 0);
    expect([...w.ha.notifications.persistent.values()].map((n) => n.message)).toContain(
      "Alex Admin changed a code on Front Door in Home Assistant (slot 1). That slot belongs to Mom: open Latchkey to keep the lock's code or restore Mom's.",
    );
    const activity = await w.api.request("activity/list", { lockId: "lock.front_door" });
    expect(
      activity.ok && activity.result.entries.map((e) => [e.kind, e.codeName, e.userName]),
    ).toContainEqual(["code_changed_in_ha", "Mom", "Alex Admin"]);
    // Nothing written over it, not even after the lock's codes were listed again.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(w.ha.serviceCalls.slice(writes).filter((c) => c.service.startsWith("set_lock"))).toEqual([]);
    expect(slotsHolding(w.ha, "lock.front_door", "7777")).toEqual([1]);

    await w.api.request("held/resolve", { lockId: "lock.front_door", slot: 1, keep: "latchkey" });
    await w.api.waitForSnapshot((s) => s.held.length === 0 && allSynced(s));
    expect(slotsHolding(w.ha, "lock.front_door", "4821")).toEqual([1]);
  });

  it("Latchkey's user deleted on a User Credential lock is held as removed; keeping it so takes Mom off that lock", async () => {
    const { w, codeId, ha } = await momOnFrontAndBack();
    await ha.command("call_service", action("delete_user", "lock.back_door", { user_id: 1 }));
    const held = await w.api.waitForSnapshot((s) => s.held.length === 1);
    expect(held.held[0]).toMatchObject({
      lockId: "lock.back_door",
      slot: 1,
      codeId,
      reason: "removed_in_ha",
    });
    await w.api.request("held/resolve", { lockId: "lock.back_door", slot: 1, keep: "lock" });
    const after = await w.api.waitForSnapshot((s) => s.held.length === 0);
    expect(after.codes.find((c) => c.id === codeId)?.lockIds).toEqual(["lock.front_door"]);
    expect(slotsHolding(w.ha, "lock.back_door", "4821")).toEqual([]);
  });

  it("a code added in a free slot shows as unmanaged; Latchkey's own writes are never taken for someone else's", async () => {
    const { w, ha } = await momOnFrontAndBack();
    const added = await ha.command(
      "call_service",
      action("set_user", "lock.front_door", { credential_type: "pin_code", credential_data: "6060" }),
    );
    expect(resultSchema.parse(added).success).toBe(true);
    const listed = await w.api.waitForSnapshot((s) => s.unmanaged.length === 1);
    expect(listed.unmanaged).toEqual([{ lockId: "lock.front_door", slot: 2 }]);
    expect(listed.held).toEqual([]);
    // Mom's own edit goes through the same actions on the back door: it must not be held.
    const codeId = listed.codes[0]?.id ?? "";
    await w.api.request("codes/update", { codeId, changes: { pin: "4822" } });
    const synced = await w.api.waitForSnapshot(
      (s) => allSynced(s) && slotsHolding(w.ha, "lock.back_door", "4822").length === 1,
    );
    expect(synced.held).toEqual([]);
  });
});
