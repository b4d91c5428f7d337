// Typed client for the mock's HTTP control endpoint (see control-server.ts).
import { z } from "zod";
import {
  ActionResponse,
  ErrorResponse,
  FramesResponse,
  StateResponse,
  type AccessEventRequest,
  type AwayRequest,
  type ActionRequest,
  type BatteryRequest,
  type JamRequest,
  type KeypadCodeRequest,
  type KeypadRequest,
  type PowerAppliedRequest,
  type QuirksRequest,
  type ResetCodesRequest,
} from "./control-schema.js";

export interface ControlClient {
  readonly url: string;
  keypad(req: KeypadRequest): Promise<ActionResponse>;
  manual(req: ActionRequest): Promise<ActionResponse>;
  rf(req: ActionRequest): Promise<ActionResponse>;
  jam(req: JamRequest): Promise<ActionResponse>;
  battery(req: BatteryRequest): Promise<ActionResponse>;
  keypadCode(req: KeypadCodeRequest): Promise<ActionResponse>;
  resetCodes(req?: ResetCodesRequest): Promise<ActionResponse>;
  accessEvent(req: AccessEventRequest): Promise<ActionResponse>;
  /** The lock goes away (answers nothing) or comes back (and says so). */
  away(req: AwayRequest): Promise<ActionResponse>;
  /** The lock says its power was applied (Power Management "Power has been applied"). */
  powerApplied(req: PowerAppliedRequest): Promise<ActionResponse>;
  /** Switches a lock's quirks (masked PINs, refused duplicates, no reports); what is left out is off. */
  quirks(req: QuirksRequest): Promise<ActionResponse>;
  state(): Promise<StateResponse>;
  /** Radio frames per (node, direction, command class) since the mock started or `resetFrames`. */
  frames(): Promise<FramesResponse>;
  resetFrames(): Promise<ActionResponse>;
}

async function call<T>(url: string, schema: z.ZodType<T>, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  const body: unknown = await res.json();
  if (!res.ok) {
    const err = ErrorResponse.safeParse(body);
    throw new Error(
      `mock control ${url} → ${res.status}: ${err.success ? err.data.error : JSON.stringify(body)}`,
    );
  }
  return schema.parse(body);
}

export function createControlClient(controlUrl: string): ControlClient {
  const base = controlUrl.replace(/\/$/, "");
  const post = (path: string, body: unknown): Promise<ActionResponse> =>
    call(`${base}${path}`, ActionResponse, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  return {
    url: base,
    keypad: (req) => post("/keypad", req),
    manual: (req) => post("/manual", req),
    rf: (req) => post("/rf", req),
    jam: (req) => post("/jam", req),
    battery: (req) => post("/battery", req),
    keypadCode: (req) => post("/keypad-code", req),
    resetCodes: (req = {}) => post("/reset-codes", req),
    accessEvent: (req) => post("/access-event", req),
    quirks: (req) => post("/quirks", req),
    away: (req) => post("/away", req),
    powerApplied: (req) => post("/power-applied", req),
    state: () => call(`${base}/state`, StateResponse),
    frames: () => call(`${base}/frames`, FramesResponse),
    resetFrames: () => post("/frames/reset", {}),
  };
}
