import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BacktestResult, runBacktest } from '../../src/engine/backtest.ts';
import { type Bars, barsFromColumns } from '../../src/engine/bars.ts';
import type { BacktestOptions } from '../../src/engine/options.ts';
import { defineStrategy, type NextContext } from '../../src/engine/strategy.ts';
import { mulberry32 } from '../support/random.ts';
import { loadBars, sharedDataAvailable, warnIfNoSharedData } from './support/data.ts';
import { type Action, actionArb, programStrategy } from './support/random-program.ts';

/**
 * Seeded random order streams (market, limit, stop and stop-limit orders with SL/TP, partial
 * closes, SL/TP edits, cancels) on GOOG, EURUSD and BTCUSD under several option sets, checking
 * accounting invariants on every run. A failure names the seed, data set, window and options.
 */

warnIfNoSharedData('engine invariants on random order streams');

const DATA = ['GOOG.csv', 'EURUSD.csv', 'BTCUSD.csv'] as const;
const WINDOW = 250;
const SEEDS = [11, 12, 13];

const OPTION_SETS: Record<string, BacktestOptions> = {
  defaults: {},
  'commission+spread, finalized': { commission: 0.002, spread: 0.0015, finalizeTrades: true },
  'fixed fee, margin .2, hedging': { commission: { fixed: 1.5, rate: 0.001 }, margin: 0.2, hedging: true },
  'trade on close, finalized': { tradeOnClose: true, finalizeTrades: true, commission: 0.001 },
  'exclusive orders, spread': { exclusiveOrders: true, spread: 0.002 },
  'everything, margin .5': {
    commission: 0.001,
    spread: 0.001,
    margin: 0.5,
    tradeOnClose: true,
    hedging: true,
    exclusiveOrders: true,
    finalizeTrades: true,
  },
};

interface Observation {
  i: number;
  equity: number;
  cash: number;
  /** Closed trades so far. */
  closed: number;
  trades: { size: number; entryPrice: number; entryBar: number }[];
}

/** Runs `actions` on `bars`, recording ctx state at each next() and the stops of stand-alone orders. */
function observe(bars: Bars, actions: readonly Action[], options: BacktestOptions) {
  const program = programStrategy(actions, { spread: options.spread });
  const observations: Observation[] = [];
  const stopPrices = new Set<number>();
  const strategy = defineStrategy({
    name: 'ObservedProgram',
    description: 'generated order stream, observed',
    params: {},
    init: (init) => {
      const inner = program.init(init);
      return {
        next(ctx: NextContext) {
          observations.push({
            i: ctx.i,
            equity: ctx.equity,
            cash: ctx.cash,
            closed: ctx.closedTrades.length,
            trades: ctx.trades.map((t) => ({ size: t.size, entryPrice: t.entryPrice, entryBar: t.entryBar })),
          });
          inner.next(ctx);
          for (const o of ctx.orders) if (o.stop !== null && !o.isContingent) stopPrices.add(o.stop);
        },
      };
    },
  });
  const result = runBacktest({ bars, strategy, options });
  return { result, observations, stopPrices };
}

/** Reference valuation: cash + (Close·Σ size − Σ size·entry), sums in trade order. */
function referenceEquity(cash: number, close: number, trades: Observation['trades']): number {
  let sumSize = 0;
  let sumSizeEntry = 0;
  for (const t of trades) {
    sumSize += t.size;
    sumSizeEntry += t.size * t.entryPrice;
  }
  return cash + (close * sumSize - sumSizeEntry);
}

const groupKey = (entryBar: number, entryPrice: number, size: number) =>
  `${entryBar}|${entryPrice}|${size > 0 ? 'L' : 'S'}`;

/** Σ closed sizes + Σ open sizes per entry (bar, price, side), from the given records. */
function groupTotals(
  closed: readonly { size: number; entryBar: number; entryPrice: number }[],
  open: readonly { size: number; entryBar: number; entryPrice: number }[],
): Map<string, number> {
  const totals = new Map<string, number>();
  for (const t of [...closed, ...open]) {
    const key = groupKey(t.entryBar, t.entryPrice, t.size);
    totals.set(key, (totals.get(key) ?? 0) + t.size);
  }
  return totals;
}

/** Failure messages for one run; empty when every invariant holds. */
function checkRun(bars: Bars, options: BacktestOptions, run: ReturnType<typeof observe>): string[] {
  const problems: string[] = [];
  const { result, observations, stopPrices } = run;
  const n = bars.length;
  const spread = options.spread ?? 0;
  const lastStep = n - 1;

  for (let k = 0; k < n; k++) {
    if (Number.isNaN(result.equity[k])) problems.push(`equity[${k}] is NaN`);
  }
  for (const o of observations) {
    const expected = referenceEquity(o.cash, bars.close[o.i], o.trades);
    if (o.equity !== expected) problems.push(`bar ${o.i}: ctx.equity ${o.equity} != reference ${expected}`);
    // The last bar's equity is recorded again after finalizing trades.
    const rerecorded = options.finalizeTrades && o.i === lastStep;
    if (!rerecorded && !result.ruined && result.equity[o.i] !== o.equity) {
      problems.push(`bar ${o.i}: equity[i] ${result.equity[o.i]} != ctx.equity ${o.equity}`);
    }
    for (const t of o.trades)
      if (!(t.size !== 0 && Number.isInteger(t.size))) problems.push(`bad size ${t.size}`);
  }

  // Units: each entry's closed parts plus what is still open stay what was filled. An entry at
  // bar b can only be filled at broker steps b and b+1 (trade on close), so by next() at bar j
  // every entry with b ≤ j − 1 is complete and must already add up to its final total.
  const finalTotals = groupTotals(result.trades, result.openTrades);
  for (const o of observations) {
    const totals = groupTotals(result.trades.slice(0, o.closed), o.trades);
    for (const [key, total] of totals) {
      const entryBar = Number(key.split('|')[0]);
      if (entryBar <= o.i - 1 && finalTotals.get(key) !== total) {
        problems.push(`bar ${o.i}: entry ${key} holds ${total} units, finally ${finalTotals.get(key)}`);
      }
    }
  }
  for (const [key, total] of finalTotals) {
    if (total === 0 || total > 0 !== key.endsWith('L')) problems.push(`entry ${key} totals ${total}`);
  }

  // Prices: exits at raw prices inside their bar; entries are spread-adjusted bar prices. Two
  // fills of the reference can lie outside the bar, both at an exactly known price: a stop-limit
  // order filled at its stop after a gap through it (a buy fills at min(stop, limit)), and under
  // trade on close a stop order filled at the previous close (or its stop), recorded at this bar.
  // A netting close by such a fill exits at the same raw price.
  const inBar = (price: number, bar: number, adjust: (x: number) => number) => {
    if (adjust(bars.low[bar]) <= price && price <= adjust(bars.high[bar])) return true;
    for (const stop of stopPrices) {
      if (price === adjust(stop) && (stop < bars.low[bar] || stop > bars.high[bar])) return true;
    }
    return options.tradeOnClose === true && bar > 0 && price === adjust(bars.close[bar - 1]);
  };
  const raw = (x: number) => x;
  const entryAdjust = (size: number) => (x: number) => x * (1 + Math.sign(size) * spread);
  for (const t of [...result.trades, ...result.openTrades]) {
    if (!inBar(t.entryPrice, t.entryBar, entryAdjust(t.size))) {
      problems.push(`entry price ${t.entryPrice} outside bar ${t.entryBar} (size ${t.size})`);
    }
  }
  for (const t of result.trades) {
    if (!inBar(t.exitPrice, t.exitBar, raw)) {
      problems.push(`exit price ${t.exitPrice} outside bar ${t.exitBar} (size ${t.size})`);
    }
  }
  return problems;
}

function streamFor(seed: number): Action[] {
  const arb = fc.array(actionArb({ units: true, fractions: true }), { minLength: 20, maxLength: 60 });
  return fc.sample(arb, { numRuns: 1, seed })[0];
}

/** The stream without anything that closes a trade on purpose: no SL/TP, no closes, no SL/TP edits. */
function withoutCloses(actions: readonly Action[]): Action[] {
  return actions.map((a) => {
    if (a.kind === 'order') return { ...a, slOffset: 0, tpOffset: 0 };
    if (a.kind === 'none' || a.kind === 'cancel') return a;
    return { kind: 'none' };
  });
}

function windowOf(bars: Bars, seed: number): { bars: Bars; from: number } {
  const length = Math.min(WINDOW, bars.length);
  const from = Math.floor(mulberry32(seed)() * (bars.length - length + 1));
  const slice = (a: Float64Array) => a.slice(from, from + length);
  const columns = {
    time: slice(bars.time),
    open: slice(bars.open),
    high: slice(bars.high),
    low: slice(bars.low),
    close: slice(bars.close),
    volume: slice(bars.volume),
  };
  return { from, bars: barsFromColumns(columns, { isDatetime: bars.isDatetime }) };
}

describe.skipIf(!sharedDataAvailable)('engine invariants on seeded random order streams', () => {
  const data = sharedDataAvailable ? DATA.map((name) => ({ name, bars: loadBars(name) })) : [];

  it('equity = cash + reference unrealized P/L at every bar, units conserved, fills inside their bars', () => {
    let runs = 0;
    for (const { name, bars: all } of data) {
      for (const seed of SEEDS) {
        const { bars, from } = windowOf(all, seed);
        const actions = streamFor(seed);
        for (const [label, options] of Object.entries(OPTION_SETS)) {
          const run = observe(bars, actions, options);
          const problems = checkRun(bars, options, run);
          const where = `seed ${seed}, ${name} bars ${from}..${from + bars.length - 1}, options ${label} ${JSON.stringify(options)}`;
          expect(problems.slice(0, 5), `${where}: ${problems.length} problem(s)`).toEqual([]);
          runs++;
        }
      }
    }
    expect(runs).toBe(DATA.length * SEEDS.length * Object.keys(OPTION_SETS).length);
  });

  it('under hedging, the same stream without SL/TP and closes never closes a trade before the end', () => {
    for (const { name, bars: all } of data) {
      for (const seed of SEEDS) {
        const { bars, from } = windowOf(all, seed);
        const actions = withoutCloses(streamFor(seed));
        for (const extra of [{}, { tradeOnClose: true }, { spread: 0.002, commission: 0.001 }]) {
          const options: BacktestOptions = { hedging: true, finalizeTrades: true, ...extra };
          const { result } = observe(bars, actions, options);
          const where = `seed ${seed}, ${name} bars ${from}..${from + bars.length - 1}, options ${JSON.stringify(options)}`;
          const early = result.ruined
            ? []
            : result.trades.filter((t) => !isFinalClose(result, t.exitBar, options));
          expect(
            early.map((t) => `${t.size}@${t.entryBar}→${t.exitBar}`),
            `${where}: trades netted before the end`,
          ).toEqual([]);
          expect(result.trades.length + result.openTrades.length, where).toBeGreaterThan(0);
        }
      }
    }
  });
});

/** Finalizing closes at the last step: bar N−1, or N−2 for market closes under trade on close. */
function isFinalClose(result: BacktestResult, exitBar: number, options: BacktestOptions): boolean {
  const n = result.equity.length;
  return exitBar === n - 1 || (options.tradeOnClose === true && exitBar === n - 2);
}
