// startHaFake: an HTTP server on 127.0.0.1 with HA's websocket at /api/websocket, plus the
// test-side controls (injection, faults, connection drops, refusing connections).
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { WebSocketServer } from "ws";
import { Accounts } from "./accounts.js";
import { AUTH_COMMANDS } from "./commands-auth.js";
import type { CommandDef, FakeCore } from "./command-types.js";
import { CORE_COMMANDS } from "./commands-core.js";
import { NEWEST_ZWAVE_COMMANDS, ZWAVE_COMMANDS } from "./commands-zwave.js";
import { FakeConnection } from "./connection.js";
import type { HaEvent } from "./event-bus.js";
import { Faults } from "./faults.js";
import { Home, NO_QUIRKS, type FakeLock, type LockQuirks } from "./home.js";
import { LockDriver, type DirectWrite } from "./lock-driver.js";
import type { HaFakeOptions, HaProfile } from "./options.js";
import { HA_VERSION_NEWEST, HA_VERSION_PINNED, type JsonObject } from "./protocol.js";
import { registerServices, type Notifications } from "./service-defs.js";
import { ServiceRegistry } from "./services.js";

export interface RecordedServiceCall {
  domain: string;
  service: string;
  data: JsonObject;
  userId: string | null;
}

export interface SlotView {
  status: "available" | "enabled";
  code: string;
}

export interface HaFake {
  readonly port: number;
  readonly httpUrl: string;
  readonly wsUrl: string;
  readonly profile: HaProfile;
  readonly haVersion: string;
  readonly serviceCalls: readonly RecordedServiceCall[];
  /** User Code writes sent through zwave_js/invoke_cc_api (set, clear), which are no service calls. */
  readonly directWrites: readonly DirectWrite[];
  /** User Code Gets the locks answered (slot reads on the radio). */
  readonly slotReads: readonly { entityId: string; slot: number }[];
  readonly firedEvents: readonly HaEvent[];
  readonly notifications: Notifications;
  readonly faults: Faults;
  deviceId(entityId: string): string;
  slots(entityId: string): Map<number, SlotView>;
  isLocked(entityId: string): boolean;
  /** A Z-Wave lock's keypad names the slot; a Matter lock's its PIN credential index. */
  pressKeypad(entityId: string, slot: number, action: "unlock" | "lock"): void;
  /** A Matter lock: someone enrolled at the lock itself (its menu, a vendor app). */
  matterEnrol(entityId: string, pin: string): { userIndex: number; credentialIndex: number };
  manual(entityId: string, action: "unlock" | "lock"): void;
  /** The bolt jams: the lock's "Lock jammed" sensor turns on, as the real driver files it (no notification). */
  jam(entityId: string): void;
  /** Any Access Control event the lock reports (16 keypad lockout, 19 too many codes, 50 a wrong code, …). */
  accessEvent(entityId: string, event: number, parameters?: Record<string, number>): void;
  setNodeStatus(entityId: string, status: "dead" | "alive" | "asleep"): void;
  /** How many zwave_js/subscribe_node_status subscriptions follow the lock's node. */
  nodeStatusWatchers(entityId: string): number;
  /** The lock says its power was applied (its batteries back in), as the simulated network's POST /power-applied. */
  powerApplied(entityId: string): void;
  /** Switches a User Code lock's quirks, as the simulated network's POST /quirks does; what is left out is off. */
  setLockQuirks(entityId: string, quirks: Partial<LockQuirks>): void;
  /** The driver has read every empty slot (as the real driver's interview does): HA lists them as free. */
  readAllSlots(entityId: string): void;
  /**
   * Someone sets (or empties, null) a slot at the lock's keypad: HA fires the Access Control
   * notification and the driver's cache follows (real HA 2026.11's driver reads the slot itself
   * after the notification; contract-keypad.ts).
   */
  keypadChangeCode(entityId: string, slot: number, code: string | null): void;
  /**
   * The lock forgets every code without a word (a battery swap, a factory reset): its memory is
   * empty, the driver's cache keeps what it read until the slots are read again.
   */
  forgetCodes(entityId: string): void;
  dropConnections(): void;
  /** What get_config says about HA's start-up (real HA serves its websocket before it is RUNNING). */
  setHaState(state: "STARTING" | "RUNNING"): void;
  /** How many subscriptions (of every connection) take events of this type. */
  subscriptions(eventType: string): number;
  /** An admin disables (or enables) an entity in HA's settings: it leaves HA's states. */
  setEntityDisabled(entityId: string, disabled: boolean): void;
  setAcceptingConnections(accept: boolean): Promise<void>;
  /** Auth messages received so far: every HA login anyone tried. */
  readonly loginAttempts: number;
  /** As an admin would in HA's user settings (config/auth/delete, config/auth/update, a token deleted in a profile). */
  removeUser(userId: string): void;
  setUserAdmin(userId: string, isAdmin: boolean): void;
  revokeToken(accessToken: string): void;
  stop(): Promise<void>;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address: AddressInfo | string | null = server.address();
      resolve(typeof address === "object" && address !== null ? address.port : port);
    });
  });
}

export async function startHaFake(options: HaFakeOptions): Promise<HaFake> {
  const profile = options.profile ?? "pinned";
  const haVersion = options.haVersion ?? (profile === "newest" ? HA_VERSION_NEWEST : HA_VERSION_PINNED);
  const home = new Home(options.homeId ?? 3967092953, profile === "newest");
  const faults = new Faults();
  const driver = new LockDriver(home, faults, options.valueReportDelayMs ?? 30, profile === "newest");
  const services = new ServiceRegistry(home, faults, profile);
  const notifications: Notifications = { persistent: new Map(), sent: [] };
  registerServices(services, driver, profile, options.notifyServices ?? [], notifications);
  for (const lock of options.locks ?? []) home.addLock(lock);
  const core: FakeCore = {
    home,
    accounts: new Accounts(options.users, profile),
    services,
    driver,
    profile,
    haVersion,
    timeZone: options.timeZone ?? "Europe/Amsterdam",
    language: options.language ?? "en",
    haState: "RUNNING",
  };
  const commands = new Map<string, CommandDef>(
    Object.entries({
      ...CORE_COMMANDS,
      ...AUTH_COMMANDS,
      ...ZWAVE_COMMANDS,
      ...(profile === "newest" ? NEWEST_ZWAVE_COMMANDS : {}),
    }),
  );

  const connections = new Set<FakeConnection>();
  const sockets = new Set<Socket>();
  const wss = new WebSocketServer({ noServer: true });
  const makeServer = (): Server => {
    const server = createServer((_req, res) => {
      res.writeHead(404).end();
    });
    server.on("connection", (s) => {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
    });
    server.on("upgrade", (req, socket, head) => {
      if (req.url !== "/api/websocket") {
        socket.destroy();
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        const conn = new FakeConnection(ws, core, commands, faults);
        connections.add(conn);
        ws.on("close", () => connections.delete(conn));
      });
    });
    return server;
  };
  let server: Server | null = makeServer();
  const port = await listen(server, 0);

  const lockOf = (entityId: string): FakeLock => {
    const lock = home.locks.get(entityId);
    if (!lock) throw new Error(`ha-fake: no lock ${entityId}`);
    return lock;
  };
  const accountOf = (userId: string) => {
    const account = core.accounts.byId(userId);
    if (!account) throw new Error(`ha-fake: no user ${userId}`);
    return account;
  };
  const dropConnections = (): void => {
    for (const c of connections) c.close();
    for (const s of sockets) s.destroy();
  };

  return {
    port,
    httpUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/api/websocket`,
    profile,
    haVersion,
    get directWrites() {
      return [...driver.directWrites];
    },
    get slotReads() {
      return [...driver.slotReads];
    },
    get serviceCalls() {
      return services.calls.map((c) => ({
        domain: c.domain,
        service: c.service,
        data: c.data,
        userId: c.userId,
      }));
    },
    firedEvents: home.bus.fired,
    get loginAttempts() {
      return core.accounts.loginAttempts;
    },
    removeUser: (userId) => {
      core.accounts.remove(accountOf(userId));
    },
    setUserAdmin: (userId, isAdmin) => {
      core.accounts.update(accountOf(userId), { groupIds: [isAdmin ? "system-admin" : "system-users"] });
    },
    revokeToken: (accessToken) => {
      const found = core.accounts.validate(accessToken);
      if (!found) throw new Error("ha-fake: no such token");
      core.accounts.revoke(found.user, found.token);
    },
    notifications,
    faults,
    deviceId: (entityId) => lockOf(entityId).deviceId,
    slots: (entityId) => {
      const lock = lockOf(entityId);
      const out = new Map<number, SlotView>();
      const store = lock.credentials;
      for (let slot = 1; slot <= lock.config.slotCount; slot++) {
        if (lock.matter) {
          // A Matter lock's "slot" is the PIN credential index.
          const pin = lock.matter.credentials.get(slot)?.pin;
          out.set(slot, { status: pin === undefined ? "available" : "enabled", code: pin ?? "" });
          continue;
        }
        if (store) {
          // A User Credential lock's "slot" is the user index; its code is the user's PIN.
          const pin = store.pinOf(slot);
          out.set(slot, { status: pin === undefined ? "available" : "enabled", code: pin ?? "" });
          continue;
        }
        // The lock's memory: a change the driver never read first.
        const unread = lock.unread.get(slot);
        if (lock.unread.has(slot)) {
          out.set(slot, { status: unread ? "enabled" : "available", code: unread ?? "" });
          continue;
        }
        const code = lock.node.get(99, "userCode", slot)?.value;
        const enabled = lock.node.get(99, "userIdStatus", slot)?.value === 1;
        out.set(slot, {
          status: enabled ? "enabled" : "available",
          code: typeof code === "string" ? code : "",
        });
      }
      return out;
    },
    isLocked: (entityId) => lockOf(entityId).locked,
    pressKeypad: (entityId, slot, action) => {
      const lock = lockOf(entityId);
      if (lock.matter) lock.changedBy = "Keypad";
      driver.accessEvent(lock, action === "unlock" ? 6 : 5, { userId: slot });
      driver.applyLocked(lock, action === "lock");
    },
    matterEnrol: (entityId, pin) => {
      const door = lockOf(entityId).matter;
      if (!door) throw new Error(`${entityId} is not a Matter lock`);
      return door.enrolElsewhere(pin);
    },
    manual: (entityId, action) => {
      const lock = lockOf(entityId);
      if (lock.matter) lock.changedBy = "Manual";
      driver.accessEvent(lock, action === "unlock" ? 2 : 1, {});
      driver.applyLocked(lock, action === "lock");
    },
    jam: (entityId) => {
      driver.accessEvent(lockOf(entityId), 11, {});
    },
    accessEvent: (entityId, event, parameters = {}) => {
      driver.accessEvent(lockOf(entityId), event, parameters);
    },
    readAllSlots: (entityId) => {
      const lock = lockOf(entityId);
      for (let slot = 1; slot <= lock.config.slotCount; slot++)
        if (lock.node.get(99, "userIdStatus", slot)?.value === null) {
          lock.node.update(99, "userIdStatus", slot, 0);
          lock.node.update(99, "userCode", slot, "");
        }
    },
    setLockQuirks: (entityId, quirks) => {
      lockOf(entityId).quirks = { ...NO_QUIRKS, ...quirks };
    },
    setNodeStatus: (entityId, status) => {
      driver.setNodeStatus(lockOf(entityId), status);
    },
    nodeStatusWatchers: (entityId) => lockOf(entityId).node.statusWatchers,
    powerApplied: (entityId) => {
      home.powerApplied(lockOf(entityId));
    },
    subscriptions: (eventType) => home.bus.listenerCount(eventType),
    setEntityDisabled: (entityId, disabled) => {
      home.setEntityDisabled(entityId, disabled);
    },
    setHaState: (state) => {
      core.haState = state;
    },
    keypadChangeCode: (entityId, slot, code) => {
      const lock = lockOf(entityId);
      driver.accessEvent(lock, code === null ? 13 : 14, { userId: slot });
      driver.reportSlot(lock, slot, code);
    },
    forgetCodes: (entityId) => {
      const lock = lockOf(entityId);
      for (let slot = 1; slot <= lock.config.slotCount; slot++) lock.unread.set(slot, null);
    },
    dropConnections,
    setAcceptingConnections: async (accept) => {
      if (accept && server === null) {
        server = makeServer();
        await listen(server, port);
      } else if (!accept && server !== null) {
        // close() stops listening at once (new connects are refused); its callback would wait
        // for the open sockets, which is not what a refused TCP connect means.
        server.close();
        server = null;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    },
    stop: async () => {
      dropConnections();
      wss.close();
      if (server !== null) {
        const closing = server;
        server = null;
        await new Promise<void>((resolve) =>
          closing.close(() => {
            resolve();
          }),
        );
      }
    },
  };
}
