import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from "vitest";
import { z } from "zod";
import type { ActivityEntry } from "../../src/model/activity";
import { allSynced } from "../integration/support/api-client";
import { scanForSecrets } from "./support/scan-secrets";
import { figure, LOCK_IDS, STACK_LOCKS, startStackWorld, type StackWorld } from "./support/stack-world";
import { until } from "./support/watch-ha";
import { findLock } from "../stack/zwave/mock-locks";

/**
 * Every `npm run demo:keypad` option on every simulated lock, through the real CLI, real
 * Z-Wave JS and real Home Assistant: what the add-on enters in its activity, and the alerts
 * HA shows. A jam and a keypad lockout reach HA only as the lock's sensors turning on.
 */
const PIN = "730518";
const REPO = resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

let world: StackWorld;
let momId = "";

beforeAll(async () => {
  world = await startStackWorld();
  const mom = await world.api.request("codes/create", {
    draft: { name: "Mom", pin: PIN, lockIds: LOCK_IDS },
  });
  if (!mom.ok) throw new Error(mom.error.message);
  momId = mom.result.codeId;
  await world.api.waitForSnapshot((s) => s.codes.length === 1 && allSynced(s), 120_000);
});
afterAll(async () => {
  await world.close();
});
beforeEach(() => {
  onTestFailed(() => {
    process.stdout.write(
      `--- add-on output (last 120 lines) ---\n${world.stack.addon.output().split("\n").slice(-120).join("\n")}\n---\n`,
    );
  });
});

/** `npm run demo:keypad -- <args>`, against this run's simulated locks. */
async function demoKeypad(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, ["--import", "tsx", "test/stack/keypad-cli.ts", ...args], {
    cwd: REPO,
    env: { ...process.env, LATCHKEY_DEMO_CONTROL: world.stack.zwave.controlUrl },
  });
  return stdout.trim();
}

async function newestEntry(lockId: string, since: number, kind: string): Promise<ActivityEntry> {
  let found: ActivityEntry | undefined;
  await until(
    async () => {
      const listed = await world.api.request("activity/list", { lockId, limit: 20 });
      found = listed.ok
        ? listed.result.entries.find((e) => e.kind === kind && Date.parse(e.at) >= since - 1_000)
        : undefined;
      return found !== undefined;
    },
    20_000,
    `a ${kind} entry on ${lockId}`,
  );
  if (!found) throw new Error("unreachable");
  return found;
}

async function alerted(pattern: RegExp, since: number): Promise<string> {
  await until(
    () => world.watch.notifications.some((n) => n.at >= since && pattern.test(n.message)),
    20_000,
    `an alert matching ${pattern.source}`,
  );
  return world.watch.notifications.find((n) => n.at >= since && pattern.test(n.message))?.message ?? "";
}

const Entity = z.looseObject({
  entity_id: z.string(),
  device_id: z.string().nullable(),
  unique_id: z.string(),
});
const State = z.looseObject({ entity_id: z.string(), state: z.string() });

async function batteryLevel(lockId: string): Promise<string | undefined> {
  const entities = z.array(Entity).parse(await world.watch.ws.call("config/entity_registry/list"));
  const device = entities.find((e) => e.entity_id === lockId)?.device_id;
  const battery = entities.find((e) => e.device_id === device && e.unique_id.endsWith("-128-0-level"));
  const states = z.array(State).parse(await world.watch.ws.call("get_states"));
  return states.find((s) => s.entity_id === battery?.entity_id)?.state;
}

/**
 * One lock of each kind: a User Code lock (front) and the User Credential lock (shed). The
 * others answer the same Access Control reports through the same driver code; running all four
 * took 8.5 minutes of CI's 30 on the shared machine (2026-12-02), two take half of that.
 */
const KINDS_OF_LOCK = STACK_LOCKS.filter((l) => l.nodeId === 2 || l.nodeId === 5);

describe("every demo:keypad option on a lock of each kind (real HA + Z-Wave JS)", () => {
  for (const lock of KINDS_OF_LOCK) {
    const slug = findLock(lock.nodeId)?.slug ?? "front";
    it(`${lock.name}: --slot, --manual, --rf (unlock and lock), --jam, --wrong-code, --lockout, --battery`, async () => {
      const slot = world.api.snapshot()?.slots[momId]?.[lock.entityId];
      expect(slot).toBeGreaterThan(0);
      const name = lock.name;
      const cases: { args: string[]; kind: string; alert?: RegExp; codeName?: string }[] = [
        {
          args: ["--slot", String(slot)],
          kind: "keypad_unlock",
          codeName: "Mom",
          alert: new RegExp(`^Mom unlocked ${name} with the keypad\\.$`),
        },
        {
          args: ["--slot", String(slot), "--action", "lock"],
          kind: "keypad_lock",
          codeName: "Mom",
          alert: new RegExp(`^Mom locked ${name} with the keypad\\.$`),
        },
        { args: ["--manual"], kind: "manual_unlock" },
        { args: ["--manual", "--action", "lock"], kind: "manual_lock" },
        { args: ["--rf"], kind: "rf_unlock" },
        { args: ["--rf", "--action", "lock"], kind: "rf_lock" },
        { args: ["--jam"], kind: "jammed", alert: new RegExp(`^${name} is jammed\\.$`) },
        {
          args: ["--wrong-code"],
          kind: "wrong_code",
          alert: new RegExp(`^A wrong code was entered at ${name} at .+\\.$`),
        },
        {
          args: ["--lockout"],
          kind: "keypad_disabled",
          alert: new RegExp(`^${name} turned its keypad off at .+ after too many wrong codes\\.$`),
        },
      ];
      for (const c of cases) {
        const since = Date.now();
        expect(await demoKeypad("--lock", slug, ...c.args)).toMatch(new RegExp(`^${name}: `));
        const entry = await newestEntry(lock.entityId, since, c.kind);
        if (c.codeName) expect(entry).toMatchObject({ codeId: momId, codeName: c.codeName, slot });
        if (c.alert) await alerted(c.alert, since);
        figure(`${name} ${c.args.join(" ")} → ${c.kind} entry`, `${Date.parse(entry.at) - since} ms`);
      }
      await demoKeypad("--lock", slug, "--battery", "15");
      await until(
        async () => Number(await batteryLevel(lock.entityId)) === 15,
        20_000,
        "the battery at 15 %",
      );
    });
  }

  it("each lock's own alert choices (the card's Alerts form): Front Door quiet about a hand and speaking of an app unlock, Shed Door on the household's defaults", async () => {
    const set = await world.api.request("locks/set_alerts", {
      lockId: "lock.front_door",
      alerts: { manual: false, remote: true },
    });
    expect(set.ok).toBe(true);
    // The household's defaults alert a hand (the README's promise) and not an app.
    let since = Date.now();
    await demoKeypad("--lock", "shed", "--manual");
    await newestEntry("lock.shed_door", since, "manual_unlock");
    await alerted(/^Shed Door was unlocked by hand\.$/, since);
    since = Date.now();
    await demoKeypad("--lock", "front", "--manual");
    await newestEntry("lock.front_door", since, "manual_unlock");
    await demoKeypad("--lock", "front", "--rf");
    await newestEntry("lock.front_door", since, "rf_unlock");
    await alerted(/^Front Door was unlocked from an app or remote\.$/, since);
    expect(
      world.watch.notifications.some(
        (n) => n.at >= since && n.message === "Front Door was unlocked by hand.",
      ),
    ).toBe(false);
  });

  it("no PIN in the add-on's log, HA's states, events or notifications", async () => {
    const scan = await scanForSecrets(world, [PIN]);
    expect(scan.findings).toEqual([]);
    expect(world.watch.notifications.some((n) => n.message.includes(PIN))).toBe(false);
  });
});
