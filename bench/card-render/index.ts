// Card render benchmark (issue 4): first render of 10 locks × 50 codes in real Chromium, next to a
// 1 lock × 1 code baseline measured in the same run (so the ratio means something on any machine),
// and the cost of a `hass` replacement for a lock and for an unrelated entity. Nothing here fails
// on timing; it fails only when the card does not show what it was given.
import { z } from "zod";
import { HelloSchema, RequestSchema } from "../../src/model/requests";
import { summarize, type Timing } from "../stats";
import { openBenchPage, type BenchPage } from "./browser";
import { cardFixture, SUBSCRIBED, UNRELATED_ENTITY, type CardFixture } from "./fixture";
import { installHarness, type RenderSample, type RerenderSample } from "./page";

export interface FirstRender {
  label: string;
  chips: number;
  dom: Timing;
  layout: Timing;
  /** Updates of the card element until it showed everything (same in every run, or a range). */
  cardRenders: string;
}

export interface Rerender {
  timing: Timing;
  /** Lit updates per `hass` replacement, per element. */
  renders: string;
  /** The most updates of the card element itself after one replacement. */
  cardUpdatesMax: number;
}

export interface CardRenderResult {
  chromium: string;
  bundle: string;
  big: FirstRender;
  small: FirstRender;
  lockChange: Rerender;
  unrelatedChange: Rerender;
}

const ClientMessageSchema = z.union([HelloSchema, RequestSchema]);

/** The card must have said hello and subscribed, in the add-on's own protocol, and nothing else. */
async function checkClientFrames(bench: BenchPage): Promise<void> {
  const frames = await bench.page.evaluate(() => window.latchkeyBench!.received());
  const types = frames.map((frame) => ClientMessageSchema.parse(JSON.parse(frame)).type);
  if (types.join() !== "hello,state/subscribe")
    throw new Error(`bench: the card sent ${types.join(", ") || "nothing"}`);
}

/** "1" when every run agrees, "1–3" when they differ. */
function spread(values: readonly number[]): string {
  const min = Math.min(...values);
  const max = Math.max(...values);
  return min === max ? String(min) : `${min}–${max}`;
}

function firstRenderOf(fixture: CardFixture, samples: readonly RenderSample[]): FirstRender {
  if (samples.some((s) => s.height <= 0)) throw new Error(`bench: ${fixture.label} laid out with no height`);
  return {
    label: fixture.label,
    chips: fixture.chipCount,
    dom: summarize(samples.map((s) => s.dom)),
    layout: summarize(samples.map((s) => s.layout)),
    cardRenders: spread(samples.map((s) => s.cardRenders)),
  };
}

function rerenderOf(samples: readonly RerenderSample[]): Rerender {
  return {
    timing: summarize(samples.map((s) => s.ms)),
    renders: `card ${spread(samples.map((s) => s.card))}, lock list ${spread(samples.map((s) => s.lockList))}, code list ${spread(samples.map((s) => s.codeList))}`,
    cardUpdatesMax: Math.max(...samples.map((s) => s.card)),
  };
}

export async function benchCardRender(runs = 20, warmup = 2): Promise<CardRenderResult> {
  const big = cardFixture(10, 50);
  const small = cardFixture(1, 1);
  const bench = await openBenchPage();
  try {
    await bench.page.evaluate(installHarness, SUBSCRIBED);
    const samples: { big: RenderSample[]; small: RenderSample[] } = { big: [], small: [] };
    // Interleaved, a fresh element each time, so both sizes see the same machine load.
    for (let i = 0; i < warmup + runs; i++) {
      const b = await bench.page.evaluate((f) => window.latchkeyBench!.firstRender(f), big);
      if (i === 0) await checkClientFrames(bench);
      const s = await bench.page.evaluate((f) => window.latchkeyBench!.firstRender(f), small);
      if (i >= warmup) {
        samples.big.push(b);
        samples.small.push(s);
      }
    }
    const input = {
      fixture: big,
      runs: warmup + runs,
      lockId: big.lockIds[0] ?? "",
      unrelatedId: UNRELATED_ENTITY,
    };
    const re = await bench.page.evaluate((args) => window.latchkeyBench!.rerenders(args), input);
    if (bench.problems.length > 0)
      throw new Error(`bench: the page reported errors:\n${bench.problems.join("\n")}`);
    return {
      chromium: bench.chromiumVersion,
      bundle: bench.bundle,
      big: firstRenderOf(big, samples.big),
      small: firstRenderOf(small, samples.small),
      lockChange: rerenderOf(re.lock.slice(warmup)),
      unrelatedChange: rerenderOf(re.unrelated.slice(warmup)),
    };
  } finally {
    await bench.close();
  }
}
