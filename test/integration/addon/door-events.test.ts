import { afterEach, describe, expect, it } from "vitest";
import type { ActivityEntry } from "../../../src/model/activity";
import { allSynced, connectApi } from "../support/api-client";
import { RawClient } from "../ha-fake/raw-client";
import { ADMIN, FAST, LOCKS, USER, slotsHolding, startWorld, threeLocks, type World } from "../support/world";
import { pinsShown, showsPin } from "../support/pins";
import { until } from "../support/until";

let world: World | null = null;
afterEach(async () => {
  if (world) expect(pinsShown(world.addon.output(), ["4821", "6047"])).toEqual([]);
  await world?.close();
  world = null;
});

describe("what happens at the door", () => {
  it("a keypad unlock with Mom's code → activity entry, notification naming Mom and the lock, latchkey_code_used", async () => {
    world = await startWorld({ notifyServices: ["mobile_app_pixel"] });
    const w = world;
    const created = await w.api.request("codes/create", {
      draft: {
        name: "Mom",
        pin: "4821",
        lockIds: LOCKS,
        notify: { onUse: true, targets: ["persistent_notification", "notify.mobile_app_pixel"] },
      },
    });
    if (!created.ok) throw new Error(created.error.message);
    await w.api.waitForSnapshot(allSynced);
    const slot = w.api.snapshot()?.slots[created.result.codeId]?.["lock.back_door"] ?? 0;

    w.ha.pressKeypad("lock.back_door", slot, "unlock");
    await until(() => w.ha.firedEvents.some((e) => e.event_type === "latchkey_code_used"));
    const used = w.ha.firedEvents.find((e) => e.event_type === "latchkey_code_used");
    expect(used?.data).toEqual({
      code_id: created.result.codeId,
      code_name: "Mom",
      entity_id: "lock.back_door",
      slot,
      method: "keypad",
      action: "unlock",
    });
    await until(() => w.ha.notifications.sent.length > 0 && w.ha.notifications.persistent.size > 0);
    expect([...w.ha.notifications.persistent.values()].map((n) => n.message)).toContain(
      "Mom unlocked Back Door with the keypad.",
    );
    expect(w.ha.notifications.sent[0]).toMatchObject({
      service: "notify.mobile_app_pixel",
      data: { message: "Mom unlocked Back Door with the keypad." },
    });

    const activity = await w.api.request("activity/list", { lockId: "lock.back_door" });
    expect(activity.ok && activity.result.entries[0]).toMatchObject({
      kind: "keypad_unlock",
      codeName: "Mom",
      slot,
      lockId: "lock.back_door",
    });
    // The lock's "last activity" travels in the snapshot, to every user (names as the option says).
    const last = await w.api.waitForSnapshot((s) => s.lastActivity["lock.back_door"] !== undefined);
    expect(last.lastActivity["lock.back_door"]).toMatchObject({ kind: "keypad_unlock", codeName: "Mom" });
    expect(last.lastActivity["lock.front_door"]).toBeUndefined();
    const kid = await connectApi(w.addon.apiUrl, USER.token);
    await kid.request("state/subscribe", {});
    const kidsView = await kid.waitForSnapshot((s) => s.lastActivity["lock.back_door"] !== undefined);
    expect(kidsView.lastActivity["lock.back_door"]).toMatchObject({ kind: "keypad_unlock", codeName: "Mom" });
    kid.close();
    // No PIN in any event or notification. HA itself echoes every service call on its bus as a
    // `call_service` event, so the set_lock_usercode call carries the PIN there; that one is HA's.
    const events = w.ha.firedEvents.filter((e) => e.event_type !== "call_service");
    expect(
      showsPin(
        JSON.stringify([events, [...w.ha.notifications.persistent.values()], w.ha.notifications.sent]),
        "4821",
      ),
    ).toBe(false);
  });

  it("a new code notifies by default (HA's persistent notification) when it opens a door", async () => {
    world = await startWorld();
    const w = world;
    const created = await w.api.request("codes/create", {
      draft: { name: "Dad", pin: "6047", lockIds: ["lock.front_door"] },
    });
    if (!created.ok) throw new Error(created.error.message);
    await w.api.waitForSnapshot(allSynced);
    w.ha.pressKeypad(
      "lock.front_door",
      w.api.snapshot()?.slots[created.result.codeId]?.["lock.front_door"] ?? 0,
      "unlock",
    );
    await until(() =>
      [...w.ha.notifications.persistent.values()].some(
        (n) => n.message === "Dad unlocked Front Door with the keypad.",
      ),
    );
  });

  it("a keypad unlock from a slot Latchkey does not manage reads as an unknown code", async () => {
    world = await startWorld();
    const w = world;
    w.ha.pressKeypad("lock.front_door", 17, "unlock");
    await until(() => w.ha.firedEvents.some((e) => e.event_type === "latchkey_lock_activity"));
    expect(w.addon.output()).toContain("An unknown code (slot 17) unlocked Front Door with the keypad.");
    expect(w.ha.firedEvents.some((e) => e.event_type === "latchkey_code_used")).toBe(false);
  });

  it("a limited-use code that reaches its limit disappears from every lock", async () => {
    world = await startWorld();
    const w = world;
    const created = await w.api.request("codes/create", {
      draft: {
        name: "Plumber",
        pin: "6047",
        lockIds: LOCKS,
        rules: { maxUses: 2, weekly: [], burner: false },
      },
    });
    if (!created.ok) throw new Error(created.error.message);
    await w.api.waitForSnapshot(allSynced);
    const slot = w.api.snapshot()?.slots[created.result.codeId]?.["lock.front_door"] ?? 0;
    w.ha.pressKeypad("lock.front_door", slot, "unlock");
    await until(() => w.ha.firedEvents.filter((e) => e.event_type === "latchkey_code_used").length === 1);
    for (const lock of LOCKS) expect(slotsHolding(w.ha, lock, "6047")).toHaveLength(1);
    w.ha.pressKeypad("lock.front_door", slot, "unlock");
    await until(() => LOCKS.every((lock) => slotsHolding(w.ha, lock, "6047").length === 0));
    const snap = await w.api.waitForSnapshot((s) => s.codes[0]?.uses === 2 && allSynced(s));
    expect(snap.codes[0]?.enabled).toBe(true);
  });

  it("code changes through Latchkey are journaled and fire latchkey_code_changed; a reveal is logged without the PIN", async () => {
    world = await startWorld();
    const w = world;
    const created = await w.api.request("codes/create", {
      draft: { name: "Mom", pin: "4821", lockIds: ["lock.front_door"] },
    });
    if (!created.ok) throw new Error(created.error.message);
    await w.api.request("codes/reveal", { codeId: created.result.codeId });
    await w.api.request("codes/set_enabled", { codeId: created.result.codeId, enabled: false });
    await until(() => w.ha.firedEvents.filter((e) => e.event_type === "latchkey_code_changed").length === 2);
    expect(
      w.ha.firedEvents.filter((e) => e.event_type === "latchkey_code_changed").map((e) => e.data.action),
    ).toEqual(["added", "disabled"]);
    const activity = await w.api.request("activity/list", { codeId: created.result.codeId });
    expect(activity.ok && activity.result.entries.map((e) => [e.kind, e.userName])).toEqual([
      ["code_disabled", "Alex Admin"],
      ["code_revealed", "Alex Admin"],
      ["code_created", "Alex Admin"],
    ]);
    expect(showsPin(JSON.stringify(activity), "4821")).toBe(false);
  });
});

describe("access rules the add-on enforces", () => {
  it("a burner code is retired at its first use and people are told", async () => {
    world = await startWorld();
    const w = world;
    const created = await w.api.request("codes/create", {
      draft: { name: "Emergency", pin: "6047", lockIds: LOCKS, rules: { burner: true, weekly: [] } },
    });
    if (!created.ok) throw new Error(created.error.message);
    await w.api.waitForSnapshot(allSynced);
    const slot = w.api.snapshot()?.slots[created.result.codeId]?.["lock.front_door"] ?? 0;
    w.ha.pressKeypad("lock.front_door", slot, "unlock");
    await until(() => LOCKS.every((lock) => slotsHolding(w.ha, lock, "6047").length === 0));
    expect([...w.ha.notifications.persistent.values()].map((n) => n.message)).toContain(
      "Emergency unlocked Front Door with the keypad. It was the burner code, so it has been taken off the locks; enable it again to re-arm it.",
    );
    await w.api.waitForSnapshot((s) => s.codes[0]?.enabled === false);
  });

  it("a code whose validity ends leaves every lock by itself", async () => {
    world = await startWorld({}, { ...FAST, LATCHKEY_CLOCK_TICK_MS: "200" });
    const w = world;
    const validUntil = new Date(Date.now() + 4000).toISOString();
    await w.api.request("codes/create", {
      draft: {
        name: "Plumber",
        pin: "6047",
        lockIds: ["lock.front_door"],
        rules: { validUntil, weekly: [], burner: false },
      },
    });
    await w.api.waitForSnapshot(allSynced);
    expect(slotsHolding(w.ha, "lock.front_door", "6047")).toHaveLength(1);
    await until(() => slotsHolding(w.ha, "lock.front_door", "6047").length === 0, 15_000);
  });
});

describe("phone notifications", () => {
  it("an unlock notification on a phone offers “Lock it”, and tapping it locks that door", async () => {
    world = await startWorld({ notifyServices: ["mobile_app_pixel"] });
    const w = world;
    const created = await w.api.request("codes/create", {
      draft: {
        name: "Mom",
        pin: "4821",
        lockIds: ["lock.back_door"],
        notify: { onUse: true, targets: ["notify.mobile_app_pixel"] },
      },
    });
    if (!created.ok) throw new Error(created.error.message);
    await w.api.waitForSnapshot(allSynced);
    const slot = w.api.snapshot()?.slots[created.result.codeId]?.["lock.back_door"] ?? 0;
    w.ha.pressKeypad("lock.back_door", slot, "unlock");
    await until(() => w.ha.notifications.sent.length === 1);
    expect(w.ha.notifications.sent[0]?.data).toMatchObject({
      data: { actions: [{ action: "LATCHKEY_LOCK:lock.back_door", title: "Lock it" }] },
    });
    expect(w.ha.isLocked("lock.back_door")).toBe(false);

    // What the companion app sends when the button is tapped.
    const { client } = await RawClient.authed(w.ha.wsUrl, ADMIN.token);
    await client.command("fire_event", {
      event_type: "mobile_app_notification_action",
      event_data: { action: "LATCHKEY_LOCK:lock.back_door" },
    });
    await until(() => w.ha.isLocked("lock.back_door"));
    client.close();
  });
});

describe("a home that speaks German", () => {
  it("gets its notifications, the Lock-it button and a shared code in German; the add-on's log stays English", async () => {
    world = await startWorld({ language: "de", notifyServices: ["mobile_app_pixel", "sms_gateway"] });
    const w = world;
    const created = await w.api.request("codes/create", {
      draft: {
        name: "Oma",
        pin: "4821",
        lockIds: ["lock.back_door"],
        rules: { validUntil: "2026-12-24T18:00:00Z", maxUses: 3, weekly: [], burner: false },
        notify: { onUse: true, targets: ["notify.mobile_app_pixel"] },
      },
    });
    if (!created.ok) throw new Error(created.error.message);
    await w.api.waitForSnapshot(allSynced);
    const slot = w.api.snapshot()?.slots[created.result.codeId]?.["lock.back_door"] ?? 0;

    w.ha.pressKeypad("lock.back_door", slot, "unlock");
    await until(() => w.ha.notifications.sent.length === 1);
    expect(w.ha.notifications.sent[0]?.data).toMatchObject({
      message: "Oma hat Back Door mit dem Tastenfeld entriegelt.",
      data: { actions: [{ action: "LATCHKEY_LOCK:lock.back_door", title: "Abschließen" }] },
    });
    await w.addon.waitForOutput(/Oma unlocked Back Door with the keypad\./);

    await w.api.request("codes/share", {
      codeId: created.result.codeId,
      service: "notify.sms_gateway",
      recipients: [],
    });
    expect(w.ha.notifications.sent[1]?.data).toMatchObject({
      title: "Dein Türcode",
      message:
        "Hallo Oma, dein Türcode ist 4821 (Back Door). Gültig bis 24.12.2026, 19:00. Er funktioniert 3-mal.",
    });
  });
});

describe("locks that only report their state", () => {
  /** A world whose back door sends no Access Control notifications: HA sees only its new state. */
  async function quietBackDoor(): Promise<{
    w: World;
    activity: (lockId: string) => Promise<ActivityEntry[]>;
  }> {
    const locks = threeLocks().map((l) =>
      l.entityId === "lock.back_door" ? { ...l, accessControlNotifications: false } : l,
    );
    world = await startWorld({ locks });
    const w = world;
    const activity = async (lockId: string) => {
      const listed = await w.api.request("activity/list", { lockId });
      return listed.ok ? listed.result.entries : [];
    };
    return { w, activity };
  }

  it("a door moved without a notification is entered as unlocked or locked; one with a notification is entered once", async () => {
    const { w, activity } = await quietBackDoor();
    const doorEntries = async (lockId: string) => (await activity(lockId)).map((e) => e.kind);

    w.ha.manual("lock.back_door", "unlock");
    await w.addon.waitForOutput(/Back Door was unlocked\./);
    w.ha.manual("lock.back_door", "lock");
    await w.addon.waitForOutput(/Back Door was locked\./);
    expect(await doorEntries("lock.back_door")).toEqual(["locked", "unlocked"]);
    const snapshot = await w.api.waitForSnapshot((s) => s.lastActivity["lock.back_door"]?.kind === "locked");
    expect(snapshot.lastActivity["lock.back_door"]).toMatchObject({
      kind: "locked",
      codeId: null,
      codeName: null,
    });
    expect(
      w.ha.firedEvents.filter((e) => e.event_type === "latchkey_lock_activity").map((e) => e.data.kind),
    ).toEqual(["unlocked", "locked"]);

    // The front door tells how: one entry, not a second "unlocked" after the grace time.
    w.ha.manual("lock.front_door", "unlock");
    await until(() => w.ha.firedEvents.filter((e) => e.event_type === "latchkey_lock_activity").length === 3);
    await new Promise((r) => setTimeout(r, 600));
    expect(await doorEntries("lock.front_door")).toEqual(["manual_unlock"]);

    // A card from before these kinds never receives them: its parser would refuse the snapshot.
    const older = await connectApi(w.addon.apiUrl, ADMIN.token, { features: [] });
    await older.request("state/subscribe", {});
    const seen = await older.waitForSnapshot(() => true);
    expect(seen.lastActivity["lock.back_door"]).toBeUndefined();
    expect(seen.lastActivity["lock.front_door"]).toMatchObject({ kind: "manual_unlock" });
    const listed = await older.request("activity/list", { lockId: "lock.back_door" });
    expect(listed.ok && listed.result.entries).toEqual([]);
    older.close();
  });

  it("a door moved in Home Assistant names the person, whether the lock reports how or only its new state", async () => {
    const { w, activity } = await quietBackDoor();
    const entries = async (lockId: string) =>
      (await activity(lockId)).map((e) => ({ kind: e.kind, userName: e.userName }));
    const { client } = await RawClient.authed(w.ha.wsUrl, ADMIN.token);
    // The front door follows the command with an "RF unlock" notification; the back door only changes state.
    await client.command("call_service", {
      domain: "lock",
      service: "unlock",
      target: { entity_id: "lock.front_door" },
    });
    await w.addon.waitForOutput(/Alex Admin unlocked Front Door in Home Assistant\./);
    await client.command("call_service", {
      domain: "lock",
      service: "unlock",
      target: { entity_id: "lock.back_door" },
    });
    await w.addon.waitForOutput(/Alex Admin unlocked Back Door in Home Assistant\./);
    client.close();
    w.ha.manual("lock.garage_side_door", "unlock");
    await w.addon.waitForOutput(/Garage Side Door was unlocked by hand\./);
    await new Promise((r) => setTimeout(r, 600)); // past the grace time: no second entry comes
    expect(await entries("lock.front_door")).toEqual([{ kind: "rf_unlock", userName: "Alex Admin" }]);
    expect(await entries("lock.back_door")).toEqual([{ kind: "unlocked", userName: "Alex Admin" }]);
    expect(await entries("lock.garage_side_door")).toEqual([{ kind: "manual_unlock", userName: null }]);
    const fired = w.ha.firedEvents
      .filter((e) => e.event_type === "latchkey_lock_activity")
      .map((e) => [e.data.entity_id, e.data.user_name]);
    expect(fired).toEqual([
      ["lock.front_door", "Alex Admin"],
      ["lock.back_door", "Alex Admin"],
      ["lock.garage_side_door", null],
    ]);
  });
});
