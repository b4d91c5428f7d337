import { z } from "zod";
import type { AddonSocket, SocketFactory, SocketHandlers } from "../../../src/card/data/addon-client";
import type { WireError } from "../../../src/model/errors";
import { type Snapshot } from "../../../src/model/protocol";
import { HelloSchema, RequestSchema, type Request } from "../../../src/model/requests";

const ClientMessageSchema = z.union([HelloSchema, RequestSchema]);
type ClientMessage = z.infer<typeof ClientMessageSchema>;
type Reply = { ok: true; result: unknown } | { ok: false; error: WireError };

const AT = "2026-01-01T10:00:00Z";

export function snapshotFixture(isAdmin = true): Snapshot {
  const lock = (id: string, name: string) => ({
    id,
    deviceId: `dev-${name}`,
    name,
    area: null,
    available: true,
    nodeStatus: "alive" as const,
    slotCount: 30,
    slotCountSource: "lock" as const,
    pinLength: { min: 4, max: 8 },
  });
  const code = (id: string, name: string, lockIds: string[], enabled: boolean) => ({
    id,
    name,
    lockIds,
    enabled,
    rules: { weekly: [], burner: false },
    notify: { onUse: false, targets: [] },
    uses: 0,
    createdAt: AT,
    updatedAt: AT,
  });
  return {
    user: { name: isAdmin ? "Ada" : "Kid", isAdmin },
    locks: [lock("lock.front_door", "Front door"), lock("lock.back_door", "Back door")],
    codes: [
      code("code-ada", "Ada", ["lock.front_door", "lock.back_door"], true),
      code("code-guest", "Guest", ["lock.front_door"], false),
    ],
    slots: {
      "code-ada": { "lock.front_door": 1, "lock.back_door": 1 },
      "code-guest": { "lock.front_door": 2 },
    },
    sync: {
      "code-ada": {
        "lock.front_door": { state: "synced", via: "lock_report", at: AT },
        "lock.back_door": { state: "failed", reason: "Lock did not answer", attempts: 3, nextRetryAt: null },
      },
    },
    unmanaged: [],
    lastActivity: {
      "lock.front_door": {
        id: "a-1",
        at: AT,
        kind: "keypad_unlock",
        lockId: "lock.front_door",
        codeId: "code-ada",
        codeName: "Ada",
        slot: 1,
        userName: null,
      },
    },
    held: [],
    clearing: [],
    offLocks: { "code-guest": "disabled" },
    alerts: {
      "lock.front_door": { keypad: true, manual: true, remote: false, auto_lock: false, jam: true },
      "lock.back_door": { keypad: true, manual: false, remote: true, auto_lock: false, jam: true },
    },
    connected: true,
  };
}

/** Stands in for the add-on behind the card's injectable socket factory; records what it got. */
export class FakeAddon {
  readonly received: ClientMessage[] = [];
  readonly urls: string[] = [];
  /** Answers requests other than state/subscribe. */
  respond: (request: Request) => Reply = () => ({
    ok: false,
    error: { code: "internal", message: "not scripted" },
  });
  reachable = true;
  private handlers: SocketHandlers | null = null;

  constructor(public snapshot: Snapshot = snapshotFixture()) {}

  readonly factory: SocketFactory = (url, handlers): AddonSocket => {
    this.urls.push(url);
    this.handlers = handlers;
    queueMicrotask(() => {
      if (this.reachable) handlers.open();
      else handlers.close();
    });
    return {
      send: (data) => {
        this.receive(data);
      },
      close: () => {
        queueMicrotask(() => {
          handlers.close();
        });
      },
    };
  };

  requests(type?: string): Request[] {
    return this.received.flatMap((m) => (m.type !== "hello" && (!type || m.type === type) ? [m] : []));
  }

  /** The add-on goes away (a restart): the card sees its socket close. */
  closeCurrent(): void {
    this.handlers?.close();
  }

  push(message: unknown): void {
    this.handlers?.message(JSON.stringify(message));
  }

  private receive(data: string): void {
    const message = ClientMessageSchema.parse(JSON.parse(data));
    this.received.push(message);
    queueMicrotask(() => {
      if (message.type === "hello") {
        this.push({ type: "welcome", protocol: 1, user: this.snapshot.user });
      } else if (message.type === "state/subscribe") {
        this.push({ type: "result", id: message.id, ok: true, result: { subscribed: true } });
        this.push({ type: "snapshot", snapshot: this.snapshot });
      } else {
        this.push({ type: "result", id: message.id, ...this.respond(message) });
      }
    });
  }
}
