/** Timing helpers: warm up, then time each run with performance.now(). */
export interface Timing {
  runs: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

export function summarize(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
  return {
    runs: sorted.length,
    median: at(0.5),
    p95: at(0.95),
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

export function timeSync(warmup: number, runs: number, fn: () => void): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

export async function timeAsync(warmup: number, runs: number, fn: () => Promise<void>): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

export const ms = (value: number) => `${value.toFixed(2)} ms`;

export function describeTiming(t: Timing): string {
  return `median ${ms(t.median)}, p95 ${ms(t.p95)} (min ${ms(t.min)}, max ${ms(t.max)}, ${t.runs} runs)`;
}

/** One row of the final table. */
export interface Row {
  figure: string;
  measured: string;
  target: string;
  /** null for figures that have no target (shown for scale). */
  within: boolean | null;
}

export function printTable(rows: readonly Row[]): void {
  const header = ["Figure", "Measured", "Target", "Verdict"];
  const cells = rows.map((r) => [
    r.figure,
    r.measured,
    r.target,
    r.within === null ? "no target" : r.within ? "within target" : "over target",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? "").length)));
  const line = (c: readonly string[]) => `| ${c.map((v, i) => v.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const c of cells) console.log(line(c));
}
