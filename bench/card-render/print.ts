// Prints the card render figures in bench/run.ts's style (numbered section, indented lines, rows
// for the summary table). The card has no agreed render-time target, so rows say "no target".
import { describeTiming, ms, type Row, type Timing } from "../stats";
import type { CardRenderResult } from "./index";

const ratio = (a: number, b: number) => (b > 0 ? `×${(a / b).toFixed(1)}` : "n/a");

export function printCardRender(result: CardRenderResult, section: string): void {
  const { big, small, lockChange, unrelatedChange } = result;
  console.log(
    `${section}Card first render in headless Chromium (${result.chromium}; dist/latchkey-card.js ${result.bundle}), no target: figures for scale`,
  );
  console.log(
    '   "rendered" = from appending <latchkey-card> (config, hass and the fake add-on\'s socket set before) until every',
  );
  console.log(
    '   Lit update is done and the shadow DOM shows all locks, codes and sync chips; then "+ layout" forces style and layout.',
  );
  console.log(
    "   The fake add-on answers in microtasks: no network time, but the card's zod parse of the snapshot frame is included.",
  );
  const lines: [string, Timing][] = [
    [`${big.label} (${big.chips} chips), DOM:`, big.dom],
    [`${big.label}, DOM + layout:`, big.layout],
    [`${small.label} (baseline), DOM:`, small.dom],
    [`${small.label} (baseline), DOM + layout:`, small.layout],
  ];
  const width = Math.max(...lines.map(([label]) => label.length));
  for (const [label, timing] of lines) console.log(`   ${label.padEnd(width)} ${describeTiming(timing)}`);
  console.log(
    `   ratio of medians, ${big.label} to ${small.label}: DOM ${ratio(big.dom.median, small.dom.median)}, DOM + layout ${ratio(big.layout.median, small.layout.median)}`,
  );
  console.log(
    `   card updates until rendered: ${big.cardRenders} (${big.label}), ${small.cardRenders} (${small.label})`,
  );
  console.log(
    `   re-render when one lock's state changes (hass replaced), DOM + layout: ${describeTiming(lockChange.timing)}`,
  );
  console.log(`     Lit updates per change: ${lockChange.renders}`);
  console.log(
    `   hass replaced for an unrelated entity, until updateComplete: ${describeTiming(unrelatedChange.timing)}`,
  );
  console.log(`     Lit updates per change: ${unrelatedChange.renders}`);
}

export function cardRenderRows(result: CardRenderResult): Row[] {
  const { big, small, lockChange, unrelatedChange } = result;
  const pair = (t: { median: number; p95: number }) => `${ms(t.median)} / ${ms(t.p95)}`;
  return [
    {
      figure: `Card first render + layout, median / p95 (${big.label})`,
      measured: pair(big.layout),
      target: "none",
      within: null,
    },
    {
      figure: `Card first render + layout, median / p95 (${small.label})`,
      measured: pair(small.layout),
      target: "none",
      within: null,
    },
    {
      figure: `Card re-render on a lock change, median / p95 (${big.label})`,
      measured: pair(lockChange.timing),
      target: "none",
      within: null,
    },
    {
      figure: "Card updates on an unrelated entity change",
      measured: unrelatedChange.renders,
      target: "card 0",
      within: unrelatedChange.cardUpdatesMax === 0,
    },
  ];
}
