import { createConnection, type Connection } from "home-assistant-js-websocket";
import { z } from "zod";
import type { Logger } from "../log/logger";
import { HaCommandError } from "./errors";
import { withTimeout } from "./timeout";
import { createSocketFactory } from "./socket";

export interface HaEvent {
  event_type: string;
  data: Record<string, unknown>;
  time_fired: string;
  /** The HA user behind it (a service call they made, and the state change it caused), if any. */
  userId: string | null;
}
const HaEventSchema = z
  .object({
    event_type: z.string(),
    data: z.record(z.string(), z.unknown()),
    time_fired: z.string(),
    context: z.object({ user_id: z.string().nullable().optional() }).loose().optional(),
  })
  .transform(({ context, ...event }) => ({ ...event, userId: context?.user_id ?? null }));

function callKey(domain: string, service: string, entityId: string | undefined): string {
  return `${domain}.${service}|${entityId ?? ""}`;
}

/**
 * The add-on's only door to HA: commands go through zod schemas, errors come back as
 * HaCommandError. home-assistant-js-websocket keeps the socket alive, reconnects and
 * re-subscribes; this class adds typing and a reconnect hook.
 */
export class HaClient {
  /** Service calls this client has sent and HA has not answered yet, by "domain.service|entity". */
  private readonly callsInFlight = new Map<string, number>();

  private constructor(
    private readonly connection: Connection,
    readonly haVersion: string,
  ) {}

  static async connect(wsUrl: string, token: string, log: Logger): Promise<HaClient> {
    const createSocket = createSocketFactory(wsUrl, token);
    const connection = await createConnection({ createSocket });
    const client = new HaClient(connection, connection.haVersion);
    connection.addEventListener("disconnected", () => {
      log.warn("Lost the connection to Home Assistant; reconnecting.");
    });
    return client;
  }

  /** Called after every reconnect (not the first connect): HA may have changed meanwhile. */
  onReconnect(callback: () => void): void {
    this.connection.addEventListener("ready", callback);
  }

  onDisconnect(callback: () => void): void {
    this.connection.addEventListener("disconnected", callback);
  }

  onAuthLost(callback: () => void): void {
    this.connection.addEventListener("reconnect-error", callback);
  }

  get connected(): boolean {
    return this.connection.connected;
  }

  async command<S extends z.ZodType>(
    schema: S,
    message: { type: string } & Record<string, unknown>,
    timeoutMs = 60_000,
  ): Promise<z.infer<S>> {
    let raw: unknown;
    try {
      raw = await withTimeout(
        this.connection.sendMessagePromise<unknown>(message),
        timeoutMs,
        `Home Assistant did not answer ${message.type}.`,
      );
    } catch (reason) {
      throw HaCommandError.from(reason);
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success)
      throw new HaCommandError(
        "unexpected_response",
        `Home Assistant answered ${message.type} in an unexpected shape.`,
      );
    return parsed.data;
  }

  async callService(
    domain: string,
    service: string,
    data: Record<string, unknown>,
    target?: { entity_id: string },
    returnResponse = false,
  ): Promise<unknown> {
    const key = callKey(domain, service, target?.entity_id);
    this.callsInFlight.set(key, (this.callsInFlight.get(key) ?? 0) + 1);
    try {
      const result = await this.command(z.object({ response: z.unknown().optional() }).loose(), {
        type: "call_service",
        domain,
        service,
        service_data: data,
        ...(target ? { target } : {}),
        ...(returnResponse ? { return_response: true } : {}),
      });
      return result.response;
    } finally {
      const left = (this.callsInFlight.get(key) ?? 1) - 1;
      if (left === 0) this.callsInFlight.delete(key);
      else this.callsInFlight.set(key, left);
    }
  }

  /**
   * Whether HA's `call_service` echo of a call is one of this client's own: HA fires the echo
   * when the call starts and answers it when the call is done, in that order on this one socket,
   * so the call is still in flight when its echo arrives.
   */
  isOwnCallInFlight(domain: string, service: string, entityId: string): boolean {
    return this.callsInFlight.has(callKey(domain, service, entityId));
  }

  async subscribeEvents(eventType: string, callback: (event: HaEvent) => void): Promise<() => Promise<void>> {
    return this.connection.subscribeEvents<unknown>((raw) => {
      const parsed = HaEventSchema.safeParse(raw);
      if (parsed.success) callback(parsed.data);
    }, eventType);
  }

  /**
   * A Z-Wave device's node status events ("dead", "alive", "sleep", "wake up"), through
   * `zwave_js/subscribe_node_status` (admin). Not re-subscribed by the library after a
   * reconnect: HA answers it only once zwave_js is loaded again, and the library leaves a failed
   * re-subscription as an unhandled rejection, which ends the process. The caller subscribes
   * again once it has read HA after the reconnect.
   */
  async subscribeNodeStatus(
    deviceId: string,
    callback: (event: string) => void,
  ): Promise<() => Promise<void>> {
    const FrameSchema = z.object({ event: z.string() }).loose();
    return this.connection.subscribeMessage<unknown>(
      (raw) => {
        const parsed = FrameSchema.safeParse(raw);
        if (parsed.success) callback(parsed.data.event);
      },
      { type: "zwave_js/subscribe_node_status", device_id: deviceId },
      { resubscribe: false },
    );
  }

  /**
   * A short-lived `subscribe_trigger` (admin): HA sends `{variables: {trigger: …}}` each time it
   * fires. Not re-subscribed after a reconnect, and bounded in time: the library neither
   * rejects nor resolves a subscription whose answer was lost with the connection.
   */
  async subscribeTrigger(
    trigger: Record<string, unknown>,
    callback: (variables: unknown) => void,
    timeoutMs = 10_000,
  ): Promise<() => Promise<void>> {
    const FrameSchema = z.object({ variables: z.object({ trigger: z.unknown() }) });
    const subscribing = this.connection.subscribeMessage<unknown>(
      (raw) => {
        const parsed = FrameSchema.safeParse(raw);
        if (parsed.success) callback(parsed.data.variables.trigger);
      },
      { type: "subscribe_trigger", trigger },
      { resubscribe: false },
    );
    try {
      return await withTimeout(
        subscribing,
        timeoutMs,
        "Home Assistant did not answer a trigger subscription.",
      );
    } catch (error) {
      // If the answer still comes, drop the subscription nobody waits for any more.
      void subscribing.then((unsubscribe) => unsubscribe()).catch(() => undefined);
      throw HaCommandError.from(error);
    }
  }

  close(): void {
    this.connection.close();
  }
}
