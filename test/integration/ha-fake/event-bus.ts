// A minimal HA event bus (core.py EventBus): events carry event_type, data, origin,
// time_fired and context, serialised like core.py Event.json_fragment.
import { randomUUID } from "node:crypto";
import type { HaContext, JsonObject } from "./protocol.js";

export interface HaEvent {
  event_type: string;
  data: JsonObject;
  origin: "LOCAL" | "REMOTE";
  time_fired: string;
  context: HaContext;
}

type Listener = (event: HaEvent) => void;

/** HA context ids are ULIDs (26 chars); a random 26-char upper-case id keeps the same shape. */
export function newContext(userId: string | null): HaContext {
  const id = randomUUID().replace(/-/g, "").slice(0, 26).toUpperCase();
  return { id, parent_id: null, user_id: userId };
}

export class EventBus {
  readonly fired: HaEvent[] = [];
  private readonly listeners = new Set<{ type: string; fn: Listener }>();

  /** "*" (MATCH_ALL) receives every event, as subscribe_events without event_type does. */
  listen(type: string, fn: Listener): () => void {
    const entry = { type, fn };
    this.listeners.add(entry);
    return () => this.listeners.delete(entry);
  }

  /** How many listeners take events of this type (subscriptions of every connection). */
  listenerCount(type: string): number {
    return [...this.listeners].filter((l) => l.type === type).length;
  }

  fire(
    eventType: string,
    data: JsonObject,
    context: HaContext,
    origin: "LOCAL" | "REMOTE" = "LOCAL",
  ): HaEvent {
    const event: HaEvent = {
      event_type: eventType,
      data,
      origin,
      time_fired: new Date().toISOString(),
      context,
    };
    this.fired.push(event);
    for (const l of [...this.listeners]) if (l.type === "*" || l.type === eventType) l.fn(event);
    return event;
  }
}
