// Turns the radio benchmark's measurements into printed lines and summary rows, each figure
// next to its target (issue 17). Ratios compare cases measured in the same run.
import type { Row } from "../stats";
import { summarize } from "../stats";
import { breakdown } from "../../test/stack/zwave/frame-counts";
import type { QuietCase, SyncCase } from "./cases";
import type { RoundTrip } from "./round-trip";

export interface Measurements {
  front: { runs: SyncCase[] };
  garage: { runs: SyncCase[] };
  three: { runs: SyncCase[] };
  bulk: SyncCase | null;
  idle: QuietCase;
  addonRestart: QuietCase;
  haRestart: QuietCase;
  floorFront: RoundTrip;
  floorBack: RoundTrip;
  floorGarage: RoundTrip;
  idleSeconds: number;
}

/** User Code Checksum Get and Report, each with its ACK. */
const CHECKSUM_FRAMES = 4;
const median = (runs: readonly SyncCase[]) => summarize(runs.map((r) => r.ms)).median;
const framesPerSlot = (c: SyncCase) => c.frames.total / c.lockSlots;
const ms = (value: number) => `${value.toFixed(0)} ms`;

export function report(m: Measurements, say: (line: string) => void): Row[] {
  const front = median(m.front.runs);
  const garage = median(m.garage.runs);
  const three = median(m.three.runs);
  const threeFloor = m.floorFront.timing.median + m.floorBack.timing.median + m.floorGarage.timing.median;
  for (const floor of [m.floorFront, m.floorBack, m.floorGarage])
    say(
      `floor, node ${floor.node} slot ${floor.slot}: Set + Get median ${ms(floor.timing.median)} (${floor.timing.runs} runs), ${floor.frames.total} frames: ${breakdown(floor.frames)}`,
    );
  for (const c of [...m.front.runs, ...m.garage.runs, ...m.three.runs, ...(m.bulk ? [m.bulk] : [])])
    say(
      `${c.label}: ${ms(c.ms)}, ${c.frames.total} frames for ${c.lockSlots} lock-slot(s): ${breakdown(c.frames)}`,
    );
  for (const q of [m.idle, m.addonRestart, m.haRestart])
    say(`${q.label}: ${q.frames.total} frames in ${(q.ms / 1000).toFixed(1)} s: ${breakdown(q.frames)}`);

  say(
    "minimum per changed lock-slot: one Set and one read-back Get with their ACKs (6 frames), 8 where the lock answers the Set with a Supervision Report — the floor lines above measure it",
  );
  say(
    "a slot the driver never read may hold a code set at the keypad that nobody reported: one User Code Checksum Get per lock (4 frames) tells they are all empty; where it cannot, such a slot is read before the first write there (4 frames more)",
  );
  const lastOf = (runs: readonly SyncCase[]): SyncCase => {
    const last = runs[runs.length - 1];
    if (!last) throw new Error("no runs");
    return last;
  };
  const minThree = (m.floorFront.frames.total + m.floorBack.frames.total + m.floorGarage.frames.total) / 3;
  // `once`: frames a whole run needs once, not per slot — the one User Code Checksum Get (and its
  // report, with their ACKs) that tells a lock's never-read slots are empty.
  const frameRow = (c: SyncCase, minimum: number, once = 0): Row => ({
    figure: `Frames per changed lock-slot, ${c.label}`,
    measured: framesPerSlot(c).toFixed(2),
    target: `minimum ${minimum.toFixed(1)} (Set + read-back, measured)${once ? ` + ${once} once (the checksum)` : ""}`,
    within: c.frames.total <= minimum * c.lockSlots + once,
  });
  const perHour = (m.idle.frames.total * 3600) / m.idleSeconds;
  const rows: Row[] = [
    {
      figure: "1 code → 1 lock (front), median",
      measured: `${ms(front)} = ${(front / m.floorFront.timing.median).toFixed(2)} × Set + Get`,
      target: `≤ 3 × Set + Get (${ms(m.floorFront.timing.median)})`,
      within: front <= 3 * m.floorFront.timing.median,
    },
    {
      figure: "1 code → 1 lock (garage, slow), median",
      measured: `${ms(garage)} = ${(garage / m.floorGarage.timing.median).toFixed(2)} × Set + Get`,
      target: `≤ 3 × Set + Get (${ms(m.floorGarage.timing.median)})`,
      within: garage <= 3 * m.floorGarage.timing.median,
    },
    {
      figure: "1 code → 3 locks (front, back, garage), median",
      measured: `${ms(three)} = ${(three / front).toFixed(2)} × 1 lock (front); ${(three / garage).toFixed(2)} × garage alone`,
      target: "≤ 1.1 × 1 code → 1 lock",
      within: three <= 1.1 * front,
    },
    {
      // One controller, one radio: the driver sends one transaction at a time, so three locks'
      // writes cannot take less than their three Set + Get round trips end to end.
      figure: "1 code → 3 locks against the radio's floor for three (sum of their Set + Get)",
      measured: `${ms(three)} = ${(three / threeFloor).toFixed(2)} × ${ms(threeFloor)}`,
      target: "— (for scale)",
      within: null,
    },
  ];
  if (m.bulk) {
    const bulkFloor = m.bulk.lockSlots * m.floorGarage.timing.median;
    rows.push(
      {
        figure: `${m.bulk.label} (${m.bulk.lockSlots} lock-slots)`,
        measured: `${(m.bulk.ms / 1000).toFixed(1)} s (${ms(m.bulk.ms / m.bulk.lockSlots)} per code)`,
        target: "≤ 60 s",
        within: m.bulk.ms <= 60_000,
      },
      {
        figure: `${m.bulk.label} against the radio's floor (${m.bulk.lockSlots} × garage Set + Get)`,
        measured: `${(m.bulk.ms / 1000).toFixed(1)} s = ${(m.bulk.ms / bulkFloor).toFixed(2)} × ${(bulkFloor / 1000).toFixed(1)} s`,
        target: "— (for scale)",
        within: null,
      },
    );
  }
  rows.push(
    frameRow(lastOf(m.front.runs), m.floorFront.frames.total),
    frameRow(lastOf(m.garage.runs), m.floorGarage.frames.total),
    frameRow(lastOf(m.three.runs), minThree),
  );
  if (m.bulk) rows.push(frameRow(m.bulk, m.floorGarage.frames.total, CHECKSUM_FRAMES));
  rows.push(
    {
      figure: `Frames per idle hour (${m.idleSeconds} s window × ${(3600 / m.idleSeconds).toFixed(0)})`,
      measured: perHour.toFixed(0),
      target: "0",
      within: perHour === 0,
    },
    {
      figure: "Frames on an add-on restart in sync",
      measured: String(m.addonRestart.frames.total),
      target: "0",
      within: m.addonRestart.frames.total === 0,
    },
    {
      figure: "Frames on a Home Assistant restart in sync",
      measured: String(m.haRestart.frames.total),
      target: "0",
      within: m.haRestart.frames.total === 0,
    },
  );
  return rows;
}
