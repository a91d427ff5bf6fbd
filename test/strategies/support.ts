import { type BacktestResult, runBacktest } from '../../src/engine/backtest.ts';
import { type Bars, barsFromColumns } from '../../src/engine/bars.ts';
import type { BacktestOptions } from '../../src/engine/options.ts';
import { getStrategy } from '../../src/strategies/registry.ts';

export interface SeriesSpec {
  close: number[];
  /** Default: the previous close (no gaps); bar 0 opens at its close. */
  open?: number[];
  /** Default: max(open, close), no wick. */
  high?: number[];
  /** Default: min(open, close), no wick. */
  low?: number[];
}

/** Daily-less bars (integer periods) from hand-made columns. */
export function makeBars(spec: SeriesSpec): Bars {
  const { close } = spec;
  const open = spec.open ?? close.map((c, i) => (i === 0 ? c : close[i - 1]));
  const high = spec.high ?? close.map((c, i) => Math.max(open[i], c));
  const low = spec.low ?? close.map((c, i) => Math.min(open[i], c));
  return barsFromColumns({ time: close.map((_, i) => i), open, high, low, close });
}

export interface TradeSummary {
  side: 'long' | 'short';
  entryBar: number;
  exitBar: number;
}

/** Runs a built-in strategy by name on the bars, closing what is open at the end by default. */
export function run(
  name: string,
  bars: Bars,
  params: Record<string, unknown> = {},
  options: BacktestOptions = { finalizeTrades: true },
): BacktestResult {
  const strategy = getStrategy(name);
  if (!strategy) throw new Error(`no strategy ${name}`);
  return runBacktest({ bars, strategy, params, options });
}

export function summarize(result: BacktestResult): TradeSummary[] {
  return result.trades.map((t) => ({
    side: t.size > 0 ? 'long' : 'short',
    entryBar: t.entryBar,
    exitBar: t.exitBar,
  }));
}

export { catchError } from '../support/errors.ts';
