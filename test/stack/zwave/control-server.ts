// Loopback HTTP control endpoint of the mock process: tests and the demo CLI use it to act
// at a lock (keypad, thumb turn, jam, battery) and to read what the lock really holds.
import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import { z } from "zod";
import {
  AccessEventRequest,
  AwayRequest,
  ActionRequest,
  BatteryRequest,
  JamRequest,
  KeypadCodeRequest,
  KeypadRequest,
  PowerAppliedRequest,
  QuirksRequest,
  ResetCodesRequest,
  type FramesResponse,
  type StateResponse,
} from "./control-schema.js";
import type { MockLock, MockNetwork } from "./mock-build.js";
import * as act from "./mock-actions.js";
import { clearUserCodes, readBattery, readDoorLockMode, readUserCodes } from "./mock-state.js";
import { DoorLockMode } from "@zwave-js/cc";
import { AccessEvent } from "./mock-locks.js";
import { writeQuirks } from "./mock-quirks.js";
import { setAway } from "./mock-away.js";

class BadRequest extends Error {}

type Route = (body: unknown, net: MockNetwork) => Promise<string>;

function lockOf(net: MockNetwork, nodeId: number, slot?: number): MockLock {
  const lock = net.locks.get(nodeId);
  if (!lock) throw new BadRequest(`unknown node ${nodeId}; known: ${[...net.locks.keys()].join(", ")}`);
  if (slot !== undefined && slot > lock.spec.numUsers) {
    throw new BadRequest(`slot ${slot} out of range for node ${nodeId} (1..${lock.spec.numUsers})`);
  }
  return lock;
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new BadRequest(z.prettifyError(result.error));
  return result.data;
}

const routes: Record<string, Route> = {
  "/keypad": async (body, net) => {
    const r = parse(KeypadRequest, body);
    await act.keypad(lockOf(net, r.node, r.slot).node, r.slot, r.action);
    return `keypad ${r.action} on node ${r.node} with slot ${r.slot}`;
  },
  "/manual": async (body, net) => {
    const r = parse(ActionRequest, body);
    await act.manual(lockOf(net, r.node).node, r.action);
    return `manual ${r.action} on node ${r.node}`;
  },
  "/rf": async (body, net) => {
    const r = parse(ActionRequest, body);
    await act.rf(lockOf(net, r.node).node, r.action);
    return `rf ${r.action} on node ${r.node}`;
  },
  "/jam": async (body, net) => {
    const r = parse(JamRequest, body);
    await act.jam(lockOf(net, r.node).node);
    return `jam on node ${r.node}`;
  },
  "/battery": async (body, net) => {
    const r = parse(BatteryRequest, body);
    await act.battery(lockOf(net, r.node).node, r.level);
    return `battery ${r.level}% on node ${r.node}`;
  },
  "/keypad-code": async (body, net) => {
    const r = parse(KeypadCodeRequest, body);
    await act.keypadCode(lockOf(net, r.node, r.slot), r.slot, r.code);
    return r.code === null
      ? `deleted slot ${r.slot} at node ${r.node}'s keypad`
      : `set slot ${r.slot} at node ${r.node}'s keypad`;
  },
  "/frames/reset": (_body, net) => {
    net.frames.reset();
    return Promise.resolve("frame counts reset");
  },
  "/access-event": async (body, net) => {
    const r = parse(AccessEventRequest, body);
    await act.accessEvent(lockOf(net, r.node, r.userId).node, r.event, r.userId);
    return `Access Control event ${r.event} on node ${r.node}`;
  },
  "/quirks": (body, net) => {
    const { node, ...quirks } = parse(QuirksRequest, body);
    const lock = lockOf(net, node);
    if (lock.spec.codes !== "user_code") throw new BadRequest(`node ${node} has no User Code CC`);
    writeQuirks(lock.node, quirks);
    const on = Object.entries(quirks).filter(([, value]) => value !== false && value !== null);
    return Promise.resolve(
      `quirks of node ${node}: ${on.length === 0 ? "none" : on.map(([k, v]) => (v === true ? k : `${k}=${String(v)}`)).join(", ")}`,
    );
  },
  "/away": async (body, net) => {
    const r = parse(AwayRequest, body);
    const { node } = lockOf(net, r.node);
    setAway(node, r.away);
    if (!r.away) await act.battery(node, readBattery(node));
    return r.away ? `node ${r.node} is away` : `node ${r.node} is back`;
  },
  "/power-applied": async (body, net) => {
    const r = parse(PowerAppliedRequest, body);
    await act.powerApplied(lockOf(net, r.node).node, r.idle);
    return r.idle
      ? `node ${r.node} says its power status is idle`
      : `node ${r.node} says its power was applied`;
  },
  "/reset-codes": async (body, net) => {
    const r = parse(ResetCodesRequest, body ?? {});
    const targets = r.node === undefined ? [...net.locks.values()] : [lockOf(net, r.node)];
    for (const { node, spec } of targets) {
      clearUserCodes(node, spec);
      if (r.report) await act.accessEvent(node, AccessEvent.allCodesDeleted);
    }
    return `cleared codes on node(s) ${targets.map((t) => t.spec.nodeId).join(", ")}${r.report ? " and reported it" : ""}`;
  },
};

export function snapshot(net: MockNetwork): StateResponse {
  return {
    nodes: [...net.locks.values()].map(({ spec, node }) => ({
      node: spec.nodeId,
      name: spec.name,
      slots: readUserCodes(node, spec),
      doorLock: readDoorLockMode(node) === DoorLockMode.Secured ? "locked" : "unlocked",
      battery: readBattery(node),
    })),
  };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    if (!(chunk instanceof Buffer)) continue;
    size += chunk.length;
    if (size > 65536) throw new BadRequest("body too large");
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequest("body is not valid JSON");
  }
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

type Reply = [status: number, body: unknown];

async function route(net: MockNetwork, req: IncomingMessage): Promise<Reply> {
  const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
  if (path === "/state") {
    return req.method === "GET" ? [200, snapshot(net)] : [405, { ok: false, error: "use GET /state" }];
  }
  if (path === "/frames") {
    const frames: FramesResponse = { frames: net.frames.counts() };
    return req.method === "GET" ? [200, frames] : [405, { ok: false, error: "use GET /frames" }];
  }
  const handler = routes[path];
  if (!handler) return [404, { ok: false, error: `no such endpoint: ${path}` }];
  if (req.method !== "POST") return [405, { ok: false, error: `use POST ${path}` }];
  try {
    const did = await handler(await readJson(req), net);
    return [200, { ok: true, did }];
  } catch (e) {
    if (e instanceof BadRequest) return [400, { ok: false, error: e.message }];
    return [500, { ok: false, error: e instanceof Error ? e.message : String(e) }];
  }
}

export function createControlServer(net: MockNetwork): Server {
  return createServer((req, res) => {
    void route(net, req).then(([status, body]) => {
      reply(res, status, body);
    });
  });
}
