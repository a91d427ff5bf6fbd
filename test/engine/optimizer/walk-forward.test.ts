import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../../src/engine/backtest.ts';
import { type Bars, barsFromColumns } from '../../../src/engine/bars.ts';
import { EngineError } from '../../../src/engine/errors.ts';
import { optimize } from '../../../src/engine/optimizer/optimize.ts';
import { CancelledError } from '../../../src/engine/optimizer/progress.ts';
import { walkForward } from '../../../src/engine/optimizer/walk-forward.ts';
import { planWalkForward, type WalkForwardInput } from '../../../src/engine/optimizer/walk-forward-plan.ts';
import { computeStats } from '../../../src/engine/stats.ts';
import { defineStrategy } from '../../../src/engine/strategy.ts';
import { smaCross } from '../../../src/strategies/sma-cross.ts';
import { catchError } from '../../support/errors.ts';
import { mulberry32 } from '../../support/random.ts';
import { loadBars, sharedDataAvailable, warnIfNoSharedData } from '../support/data.ts';

warnIfNoSharedData('walk-forward on GOOG');

/** A copy of bars [from, to), built independently of the engine's sliceBars. */
function copyBars(bars: Bars, from: number, to: number): Bars {
  const cut = (column: Float64Array) => column.slice(from, to);
  return barsFromColumns(
    {
      time: cut(bars.time),
      open: cut(bars.open),
      high: cut(bars.high),
      low: cut(bars.low),
      close: cut(bars.close),
      volume: cut(bars.volume),
    },
    { isDatetime: bars.isDatetime },
  );
}

/** SmaCross whose next() does nothing before bar `from` of the bars it runs on. */
function smaCrossFrom(from: number) {
  return defineStrategy({
    ...smaCross,
    init(ctx) {
      const inner = smaCross.init(ctx);
      return { next: (next) => (next.i >= from ? inner.next(next) : undefined) };
    },
  });
}

/** The bars with every bar from `from` on scaled by a random factor (OHLC kept consistent). */
function perturbFrom(bars: Bars, from: number): Bars {
  const random = mulberry32(7);
  const columns = {
    time: bars.time,
    open: bars.open.slice(),
    high: bars.high.slice(),
    low: bars.low.slice(),
    close: bars.close.slice(),
    volume: bars.volume,
  };
  for (let k = from; k < bars.length; k++) {
    const factor = 0.5 + random();
    for (const name of ['open', 'high', 'low', 'close'] as const) columns[name][k] *= factor;
  }
  return barsFromColumns(columns, { isDatetime: bars.isDatetime });
}

const grid = [
  { name: 'fast', from: 5, to: 15, step: 5 },
  { name: 'slow', from: 20, to: 40, step: 10 },
];

describe.skipIf(!sharedDataAvailable)('walkForward on GOOG with SmaCross', () => {
  const goog = sharedDataAvailable ? loadBars('GOOG.csv') : (undefined as never);
  const base: WalkForwardInput<typeof smaCross.params> = {
    bars: goog,
    strategy: smaCross,
    grid,
    constraint: 'fast < slow',
    maximize: 'returnPct',
    options: { commission: 0.002 },
    trainBars: 500,
    testBars: 250,
  };
  const result = sharedDataAvailable ? walkForward(base) : (undefined as never);

  it('lays the windows out as asked: 7 rolling windows, the last test window 148 bars', () => {
    expect(goog.length).toBe(2148);
    expect(result.windows.map((w) => [w.trainFrom, w.trainTo, w.testFrom, w.testTo])).toEqual([
      [0, 500, 500, 750],
      [250, 750, 750, 1000],
      [500, 1000, 1000, 1250],
      [750, 1250, 1250, 1500],
      [1000, 1500, 1500, 1750],
      [1250, 1750, 1750, 2000],
      [1500, 2000, 2000, 2148],
    ]);
    const last = result.windows[6];
    expect(last.testStartTime).toBe(goog.time[2000]);
    expect(last.testEndTime).toBe(goog.time[2147]);
    expect(last.trainStartTime).toBe(goog.time[1500]);
    expect(last.trainEndTime).toBe(goog.time[1999]);
    expect([result.testFrom, result.testTo, result.equityCurve.length]).toEqual([500, 2148, 1648]);
    expect(result.runCount).toBe(7 * 9);
  });

  it('recomputes windows 0 and 1 by hand from optimize and runBacktest', () => {
    let cash = 10_000;
    for (const k of [0, 1]) {
      const w = result.windows[k];
      const trained = optimize({ ...base, bars: copyBars(goog, w.trainFrom, w.trainTo) });
      expect(w.params).toEqual(trained.best.params);
      expect(w.inSampleValue).toBe(trained.best.value);
      expect(w.inSample).toEqual(trained.best.stats);

      // The test run: bars [trainFrom, testTo), no next() before testFrom, statistics over the test bars.
      const offset = w.testFrom - w.trainFrom;
      const run = runBacktest({
        bars: copyBars(goog, w.trainFrom, w.testTo),
        strategy: smaCrossFrom(offset),
        params: trained.best.params,
        options: { commission: 0.002, cash, finalizeTrades: true },
      });
      expect(run.trades.length).toBeGreaterThan(0);
      expect(Math.min(...run.trades.map((t) => t.entryBar))).toBeGreaterThan(offset);
      const equity = run.equity.slice(offset);
      const stats = computeStats({
        equity,
        bars: {
          time: goog.time.slice(w.testFrom, w.testTo),
          close: goog.close.slice(w.testFrom, w.testTo),
          isDatetime: true,
        },
        trades: run.trades.map((t) => ({ ...t, entryBar: t.entryBar - offset, exitBar: t.exitBar - offset })),
      });
      expect(w.cash).toBe(cash);
      expect(w.outOfSample).toEqual(stats);
      expect(w.trades.map((t) => [t.entryBar, t.exitBar, t.pnl])).toEqual(
        run.trades.map((t) => [t.entryBar + w.trainFrom, t.exitBar + w.trainFrom, t.pnl]),
      );
      expect(Array.from(result.equityCurve.subarray(w.testFrom - 500, w.testTo - 500))).toEqual(
        Array.from(equity),
      );
      cash = equity[equity.length - 1];
    }
  });

  it('no window sees later data: perturbing the bars after window 2 leaves windows 0–2 unchanged', () => {
    const testTo = result.windows[2].testTo;
    const perturbed = walkForward({ ...base, bars: perturbFrom(goog, testTo) });
    for (const k of [0, 1, 2]) {
      const [a, b] = [result.windows[k], perturbed.windows[k]];
      expect(b.params).toEqual(a.params);
      expect(b.inSampleValue).toBe(a.inSampleValue);
      expect(b.outOfSample).toEqual(a.outOfSample);
      expect(b.trades).toEqual(a.trades);
    }
    expect(perturbed.equityCurve.subarray(0, testTo - 500)).toEqual(
      result.equityCurve.subarray(0, testTo - 500),
    );
    // The perturbation does reach window 3 (its training and test bars changed).
    expect(perturbed.windows[3].outOfSample).not.toEqual(result.windows[3].outOfSample);
  });

  it('anchored windows train from bar 0 on a growing window; the test windows are the same', () => {
    const anchored = walkForward({ ...base, anchored: true });
    expect(anchored.windows.map((w) => [w.trainFrom, w.trainTo, w.testFrom, w.testTo])).toEqual(
      result.windows.map((w) => [0, w.trainTo, w.testFrom, w.testTo]),
    );
    const w = anchored.windows[3];
    const trained = optimize({ ...base, bars: copyBars(goog, 0, w.trainTo) });
    expect([w.params, w.inSampleValue]).toEqual([trained.best.params, trained.best.value]);
  });

  it('the stitched equity carries cash: each test window starts with the previous final equity', () => {
    expect(result.equityCurve[0]).toBe(10_000);
    expect(result.windows[0].cash).toBe(10_000);
    for (let k = 1; k < result.windows.length; k++) {
      const [previous, w] = [result.windows[k - 1], result.windows[k]];
      expect(w.cash).toBe(previous.outOfSample.equityFinal);
      expect(result.equityCurve[w.testFrom - 500]).toBe(w.cash);
      expect(result.equityCurve[w.testFrom - 501]).toBe(w.cash);
    }
    // So the stitched return compounds the windows' returns.
    const compounded = result.windows.reduce((growth, w) => growth * (1 + w.outOfSample.returnPct / 100), 1);
    expect(result.outOfSample.returnPct).toBeCloseTo((compounded - 1) * 100, 8);
    expect(result.outOfSample.equityFinal).toBe(result.windows[6].outOfSample.equityFinal);
    expect(result.outOfSample.tradeCount).toBe(
      result.windows.reduce((n, w) => n + w.outOfSample.tradeCount, 0),
    );
    expect(result.trades).toEqual(result.windows.flatMap((w) => w.trades));
  });

  it('stitched statistics are computeStats of the stitched equity and trades', () => {
    const from = result.testFrom;
    const stats = computeStats({
      equity: result.equityCurve,
      bars: { time: goog.time.slice(from), close: goog.close.slice(from), isDatetime: true },
      trades: result.trades.map((t) => ({ ...t, entryBar: t.entryBar - from, exitBar: t.exitBar - from })),
    });
    expect(result.outOfSample).toEqual(stats);
  });

  it('efficiency compares annualized returns for returnPct, the raw statistic otherwise', () => {
    for (const w of result.windows) {
      const ratio = w.outOfSample.returnAnnPct / w.inSample.returnAnnPct;
      expect(w.efficiency).toBe(Number.isFinite(ratio) ? ratio : null);
    }
    const meanInSample = result.windows.reduce((s, w) => s + w.inSample.returnAnnPct, 0) / 7;
    expect(result.efficiency).toBeCloseTo(result.outOfSample.returnAnnPct / meanInSample, 12);

    const bySqn = walkForward({ ...base, maximize: 'sqn', bars: copyBars(goog, 0, 1000) });
    for (const w of bySqn.windows) {
      const ratio = w.outOfSample.sqn / w.inSampleValue;
      expect(w.efficiency).toBe(Number.isFinite(ratio) ? ratio : null);
    }
  });

  it('reports progress after every chunk, counted up front by planWalkForward, and can be cancelled', () => {
    const bars = copyBars(goog, 0, 900);
    const input = { ...base, bars, chunkSize: 4 };
    expect(planWalkForward(input).runsTotal).toBe(2 * 9);
    const calls: [number, number][] = [];
    walkForward({ ...input, onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual([4, 8, 9, 13, 17, 18].map((done) => [done, 18]));

    let polls = 0;
    const error = catchError(() => walkForward({ ...input, isCancelled: () => ++polls > 4 }));
    expect(error).toBeInstanceOf(CancelledError);
    expect((error as CancelledError).runsDone).toBe(13);
  });

  it('after ruin the later test windows stay flat at 0', () => {
    const ruinous = walkForward({ ...base, options: { margin: 0.01 }, maximize: 'sqn' });
    const ruined = ruinous.windows.findIndex((w) => w.outOfSample.equityFinal === 0);
    expect(ruined).toBeGreaterThanOrEqual(0);
    for (const w of ruinous.windows.slice(ruined + 1)) {
      expect(w.cash).toBe(0);
      expect(w.trades).toEqual([]);
    }
    expect(ruinous.equityCurve.at(-1)).toBe(0);
    expect(ruinous.outOfSample.returnPct).toBe(-100);
  });

  it('refuses bad windows and too few bars with EngineError naming the field', () => {
    for (const [field, patch] of [
      ['trainBars', { trainBars: 0 }],
      ['trainBars', { trainBars: -5 }],
      ['testBars', { testBars: 0 }],
      ['testBars', { testBars: -1 }],
      ['trainBars', { trainBars: 2148 }],
      ['chunkSize', { chunkSize: 0 }],
      ['maximize', { maximize: 'start' }],
    ] as const) {
      const error = catchError(() => walkForward({ ...base, ...patch }));
      expect(error).toBeInstanceOf(EngineError);
      expect((error as EngineError).field).toBe(field);
    }
  });
});
