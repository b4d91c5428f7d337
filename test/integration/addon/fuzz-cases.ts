// Seeded generators of broken input for the card API's fuzz test: websocket frames that bend
// RFC 6455, and messages that bend the API's own format. The same seed gives the same cases.
import { frame, closePayload, type FrameSpec } from "../support/raw-frames";

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;
const int = (rng: Rng, max: number) => Math.floor(rng() * max);
function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[int(rng, items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}
const bytes = (rng: Rng, length: number) => Buffer.from(Array.from({ length }, () => int(rng, 256)));

/** One to three frames, each broken in one way or another (or valid, between broken ones). */
export function frameCase(rng: Rng, hello: string): Buffer[] {
  const out: Buffer[] = [];
  if (rng() < 0.3) out.push(frame({ opcode: 1, payload: Buffer.from(hello) }));
  const count = 1 + int(rng, 3);
  for (let i = 0; i < count; i++) {
    const kind = int(rng, 10);
    const spec: FrameSpec = { opcode: 1 };
    if (kind === 0) spec.opcode = int(rng, 16);
    if (kind === 1) spec.rsv = 1 + int(rng, 7);
    if (kind === 2) spec.masked = false;
    if (kind === 3) spec.opcode = pick(rng, [8, 9, 10]);
    if (kind === 4) spec.fin = false;
    if (kind === 5) spec.opcode = 0;
    spec.payload =
      kind === 6
        ? Buffer.from([0xed, 0xa0, 0x80, 0xc0, 0xff].slice(0, 1 + int(rng, 5)))
        : kind === 7 && rng() < 0.5
          ? closePayload(pick(rng, [0, 999, 1004, 1005, 1006, 1015, 2999, 5000, 65535]), "x")
          : bytes(rng, pick(rng, [0, 1, 2, 125, 126, 200, 1000]));
    if (kind === 7) spec.opcode = 8;
    if (kind === 8) spec.announcedLength = pick(rng, [0, 1, 125, 65535, 70_000, 2 ** 31]);
    if (kind === 9) spec.payload = Buffer.from(JSON.stringify({ type: "hello", protocol: int(rng, 3) }));
    const built = frame(spec);
    // Sometimes a frame arrives cut short.
    out.push(rng() < 0.1 ? built.subarray(0, int(rng, built.length)) : built);
  }
  return out;
}

const TYPES = [
  "state/subscribe",
  "codes/create",
  "codes/update",
  "codes/delete",
  "codes/set_enabled",
  "codes/reveal",
  "codes/share",
  "unmanaged/adopt",
  "unmanaged/clear",
  "held/resolve",
  "activity/list",
  "codes/no_such",
  "",
];

/** A JSON value of any shape, sometimes of the kind that breaks naive code. */
export function value(rng: Rng, depth = 0): unknown {
  switch (int(rng, depth > 3 ? 8 : 11)) {
    case 0:
      return pick(rng, [0, -0, 1, -1, 1.5, 1e21, -1e308, 2 ** 53 + 2, 2 ** 53, 65536, 0.1]);
    case 1:
      return pick(rng, [
        "",
        " ",
        "Mom",
        "Ｍｏｍ",
        "Cleaner\u200B",
        "\u202Eevil",
        "lock.front_door",
        "x".repeat(41),
      ]);
    case 2:
      return pick(rng, [
        "🔑".repeat(int(rng, 50)),
        "\u0000",
        "\uD800",
        "<script>",
        "__proto__",
        "constructor",
      ]);
    case 3:
      return "y".repeat(pick(rng, [100, 5_000, 33_000]));
    case 4:
      return pick(rng, [true, false, null]);
    case 5:
      return pick(rng, ["4821", "0000", "12", "1234567890123", "12a4", "-123"]);
    case 6:
      return pick(rng, ["notify.sms", "persistent_notification", "notify.", "NOTIFY.X"]);
    case 7:
      return pick(rng, ["2026-02-30T10:00:00Z", "2026-12-12T17:00:00+01:00", "yesterday"]);
    case 8:
      return Array.from({ length: int(rng, 4) }, () => value(rng, depth + 1));
    case 9:
      return Object.fromEntries(
        Array.from({ length: int(rng, 4) }, () => [pick(rng, FIELDS), value(rng, depth + 1)]),
      );
    default:
      return Array.from({ length: pick(rng, [50, 2_000]) }, () => []);
  }
}

const FIELDS = [
  "id",
  "type",
  "draft",
  "codeId",
  "changes",
  "name",
  "pin",
  "lockIds",
  "enabled",
  "rules",
  "weekly",
  "notify",
  "targets",
  "service",
  "recipients",
  "note",
  "lockId",
  "slot",
  "keep",
  "limit",
  "__proto__",
];

/** A request mutated a few times from a valid-looking base, serialized (sometimes not as JSON at all). */
export function messageCase(rng: Rng, id: number, codeIds: readonly string[]): string {
  const roll = int(rng, 20);
  if (roll === 0) return pick(rng, ["", "{", "[]", "null", "42", '"hello"', '{"id":', "\u0000"]);
  if (roll === 1) return "[".repeat(10_000) + "]".repeat(10_000);
  const message: Record<string, unknown> = {
    id,
    type: pick(rng, TYPES),
    codeId: pick(rng, [...codeIds, "code-missing", "NOT AN ID"]),
    draft: { name: "Fuzz", pin: "739164", lockIds: ["lock.front_door"] },
    changes: { name: "Fuzz" },
    lockId: "lock.front_door",
    slot: 3,
  };
  for (let i = 1 + int(rng, 4); i > 0; i--) {
    const field = pick(rng, FIELDS);
    if (rng() < 0.2) Reflect.deleteProperty(message, field);
    else message[field] = value(rng);
  }
  return JSON.stringify(message);
}
