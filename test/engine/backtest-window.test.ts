import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../src/engine/backtest.ts';
import { runBacktestWindow } from '../../src/engine/backtest-window.ts';
import { sliceBars } from '../../src/engine/bars.ts';
import { EngineError } from '../../src/engine/errors.ts';
import { defineStrategy } from '../../src/engine/strategy.ts';
import { smaCross } from '../../src/strategies/sma-cross.ts';
import { catchError } from '../support/errors.ts';
import { headBars, loadBars, sharedDataAvailable, warnIfNoSharedData } from './support/data.ts';

warnIfNoSharedData('runBacktestWindow on GOOG');

/** Buys on every bar; records the bars it was given and the bars next() ran on. */
function recordingStrategy() {
  const seen = { lengths: [] as number[], nextBars: [] as number[] };
  const definition = defineStrategy({
    name: 'Recording',
    description: 'buys every bar',
    params: {},
    init({ bars }) {
      seen.lengths.push(bars.length);
      return {
        next(ctx) {
          seen.nextBars.push(ctx.i);
          if (ctx.position.size === 0) ctx.buy({ size: 1 });
        },
      };
    },
  });
  return { definition, seen };
}

describe.skipIf(!sharedDataAvailable)('runBacktestWindow on GOOG', () => {
  const goog = sharedDataAvailable ? headBars(loadBars('GOOG.csv'), 600) : (undefined as never);

  it('sees only bars [warmFrom, to) and calls next() from `from` on; the first fill is at from + 1', () => {
    const { definition, seen } = recordingStrategy();
    const window = runBacktestWindow({ bars: goog, strategy: definition, warmFrom: 100, from: 300, to: 400 });
    expect(seen.lengths).toEqual([300]);
    expect(seen.nextBars[0]).toBe(200);
    expect(seen.nextBars.at(-1)).toBe(299);
    expect(window.equity.length).toBe(100);
    expect(window.equity[0]).toBe(10_000);
    expect(window.trades[0]?.entryBar ?? window.openTrades[0].entryBar).toBe(301);
    expect(window.openTrades[0].entryTime).toBe(goog.time[301]);
  });

  it('with tradeOnClose the first order fills at Close[from]', () => {
    const { definition } = recordingStrategy();
    const window = runBacktestWindow({
      bars: goog,
      strategy: definition,
      options: { tradeOnClose: true, finalizeTrades: true },
      warmFrom: 0,
      from: 300,
      to: 400,
    });
    expect(window.trades[0].entryBar).toBe(300);
    expect(window.trades[0].entryPrice).toBe(goog.close[300]);
    expect(window.trades.at(-1)!.exitBar).toBeLessThan(400);
    expect(window.openTrades).toEqual([]);
  });

  it('a window from its warm-up start is the plain backtest of the sliced bars', () => {
    const params = { fast: 10, slow: 30 };
    const options = { finalizeTrades: true, commission: 0.001 };
    const window = runBacktestWindow({
      bars: goog,
      strategy: smaCross,
      params,
      options,
      warmFrom: 200,
      from: 200,
      to: 500,
    });
    const plain = runBacktest({ bars: headBars(goog, 500), strategy: smaCross, params, options });
    const sliced = runBacktest({ bars: sliceBars(goog, 200, 500), strategy: smaCross, params, options });
    expect(window.stats).toEqual(sliced.stats);
    expect(Array.from(window.equity)).toEqual(Array.from(sliced.equity));
    expect(window.trades.map((t) => t.entryBar)).toEqual(sliced.trades.map((t) => t.entryBar + 200));
    expect(window.stats).not.toEqual(plain.stats);
  });

  it('warmed indicators trade from the first window bar; cold ones wait and move buy & hold', () => {
    const params = { fast: 10, slow: 30 };
    const warm = runBacktestWindow({
      bars: goog,
      strategy: smaCross,
      params,
      warmFrom: 0,
      from: 300,
      to: 600,
    });
    expect(warm.warmupBars).toBe(0);
    expect(warm.stats.buyHoldReturnPct).toBeCloseTo((goog.close[599] / goog.close[300] - 1) * 100, 10);
    const cold = runBacktestWindow({
      bars: goog,
      strategy: smaCross,
      params,
      warmFrom: 290,
      from: 300,
      to: 600,
    });
    expect(cold.warmupBars).toBe(29 - 10);
    expect(cold.stats.buyHoldReturnPct).toBeCloseTo((goog.close[599] / goog.close[319] - 1) * 100, 10);
  });

  it('changing bars at or after `to` changes nothing', () => {
    const params = { fast: 5, slow: 20 };
    const input = {
      strategy: smaCross,
      params,
      options: { finalizeTrades: true },
      warmFrom: 50,
      from: 250,
      to: 450,
    };
    const before = runBacktestWindow({ ...input, bars: goog });
    const close = goog.close.slice();
    for (let k = 450; k < close.length; k++) close[k] *= 3;
    const changed = { ...goog, close, high: goog.high.map((h, k) => Math.max(h, close[k])) };
    const after = runBacktestWindow({ ...input, bars: changed });
    expect(after.stats).toEqual(before.stats);
    expect(after.trades).toEqual(before.trades);
  });

  it.each([
    [10, 5, 20],
    [0, 20, 20],
    [0, 20, 601],
    [-1, 5, 20],
    [0, 2.5, 20],
  ])('refuses warmFrom=%d, from=%d, to=%d with field window', (warmFrom, from, to) => {
    const error = catchError(() => runBacktestWindow({ bars: goog, strategy: smaCross, warmFrom, from, to }));
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).field).toBe('window');
  });
});

describe('sliceBars', () => {
  const bars = {
    length: 4,
    isDatetime: false,
    time: Float64Array.from([0, 1, 2, 3]),
    open: Float64Array.from([1, 2, 3, 4]),
    high: Float64Array.from([2, 3, 4, 5]),
    low: Float64Array.from([0.5, 1, 2, 3]),
    close: Float64Array.from([1.5, 2.5, 3.5, 4.5]),
    volume: Float64Array.from([10, 20, 30, 40]),
  };

  it('views bars [from, to)', () => {
    const slice = sliceBars(bars, 1, 3);
    expect(slice.length).toBe(2);
    expect(Array.from(slice.close)).toEqual([2.5, 3.5]);
    expect(Array.from(slice.time)).toEqual([1, 2]);
    expect(slice.isDatetime).toBe(false);
  });

  it.each([
    [-1, 2],
    [3, 2],
    [0, 5],
    [0.5, 2],
  ])('refuses [%d, %d) with field bars', (from, to) => {
    expect((catchError(() => sliceBars(bars, from, to)) as EngineError).field).toBe('bars');
  });
});
