import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../src/engine/backtest.ts';
import { barsFromColumns } from '../../src/engine/bars.ts';
import { defineStrategy } from '../../src/engine/strategy.ts';
import { followSignals } from '../../src/strategies/signal-orders.ts';

const N = Number.NaN;

function runSignals(close: number[], entry: number[], exit?: number[]) {
  const bars = barsFromColumns({ time: close.map((_, i) => i), open: close, high: close, low: close, close });
  const strategy = defineStrategy({
    name: 'Signals',
    description: 'orders from vectors',
    params: {},
    init: ({ indicator }) => {
      const entrySize = indicator('entry', () => Float64Array.from(entry), { warmup: false });
      const exitPortion = exit && indicator('exit', () => Float64Array.from(exit), { warmup: false });
      return { next: (ctx) => followSignals(ctx, entrySize, exitPortion) };
    },
  });
  return runBacktest({ bars, strategy, options: { finalizeTrades: true } });
}

describe('followSignals', () => {
  it('buys the entry size in units, then closes a portion of every long on an exit signal', () => {
    // bar 1: +1 unit, bar 2: +2 units (fill at bars 2 and 3); bar 4: exit 0.5 → 1 of 1 and 1 of 2.
    // Close orders go to the front of the queue, so the later trade's close fills first.
    const { trades, openTrades } = runSignals(
      [10, 10, 11, 12, 13, 14, 15],
      [N, 1, 2, 0, N, N, N],
      [N, N, N, N, 0.5, N, N],
    );
    expect(trades.slice(0, 2).map((t) => [t.size, t.entryBar, t.exitBar])).toEqual([
      [1, 3, 5],
      [1, 2, 5],
    ]);
    expect(trades.slice(0, 2).map((t) => t.exitPrice)).toEqual([14, 14]);
    // what is left (1 of the 2-unit trade) is closed by finalize at the last open
    expect(trades.slice(2).map((t) => [t.size, t.entryBar, t.exitBar])).toEqual([[1, 3, 6]]);
    expect(openTrades).toEqual([]);
  });

  it('exits before it enters on the same bar, and a negative exit closes only shorts', () => {
    // bar 1: sell 2; bar 2: exit +1 (longs only: nothing) then buy 1 → nets the short to 1 unit;
    // bar 3: exit −1 closes the short, entry −1 opens a new one
    const { trades } = runSignals([10, 10, 10, 10, 10, 10], [N, -2, 1, -1, N, N], [N, N, 1, -1, N, N]);
    expect(trades.map((t) => [t.size, t.entryBar, t.exitBar])).toEqual([
      [-1, 2, 3],
      [-1, 2, 4],
      [-1, 4, 5],
    ]);
  });

  it('treats NaN and 0 as no signal, and a size in (0, 1) as a fraction of margin', () => {
    const { trades } = runSignals([10, 10, 10, 10], [0, N, 0.5, 0], [N, 0, N, N]);
    // 0.5 of the 10,000 margin at 10 a unit: 500 units
    expect(trades.map((t) => [t.size, t.entryBar])).toEqual([[500, 3]]);
  });
});
