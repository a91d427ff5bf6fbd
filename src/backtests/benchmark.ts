import { benchmarkStats } from '../engine/benchmark.ts';
import type { PriceSeries } from '../market-data/series.ts';
import { alignCloses } from './align.ts';
import { finiteOrNull } from './result.ts';

export interface BenchmarkView {
  ticker: string;
  alphaPct: number | null;
  beta: number | null;
}

/**
 * Alpha and beta of an equity curve on `dates` against another series, whose closes are carried
 * forward onto those dates; bars before `startBar` (the warm-up) are left out.
 */
export function benchmarkOf(
  dates: readonly string[],
  equity: Float64Array,
  benchmark: PriceSeries,
  startBar?: number,
): BenchmarkView {
  const aligned = alignCloses(dates, benchmark.columns.dates, benchmark.columns.close);
  const b = benchmarkStats(equity, aligned, { startBar });
  return { ticker: benchmark.ticker, alphaPct: finiteOrNull(b.alphaPct), beta: finiteOrNull(b.beta) };
}
