import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../../src/engine/backtest.ts';
import { EngineError } from '../../../src/engine/errors.ts';
import { sma } from '../../../src/engine/indicators/sma.ts';
import { bestRunIndex, optimize } from '../../../src/engine/optimizer/optimize.ts';
import { NUMERIC_STAT_KEYS } from '../../../src/engine/optimizer/stat-keys.ts';
import { defineStrategy } from '../../../src/engine/strategy.ts';
import { emaCross } from '../../../src/strategies/ema-cross.ts';
import { smaCross } from '../../../src/strategies/sma-cross.ts';
import { headBars, loadBars, sharedDataAvailable, warnIfNoSharedData } from '../support/data.ts';

warnIfNoSharedData('optimize on GOOG');

function engineError(run: () => unknown): EngineError {
  try {
    run();
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error('expected an EngineError');
}

/** Two SMAs whose computations are counted per indicator key. */
function countingStrategy() {
  const computed = new Map<string, number>();
  let inits = 0;
  const definition = defineStrategy({
    name: 'Counting',
    description: 'counts indicator computations',
    params: {
      a: { type: 'int', default: 2, min: 1, description: 'first window' },
      b: { type: 'int', default: 3, min: 1, description: 'second window' },
    },
    init({ bars, params, indicator }) {
      inits++;
      const count = (key: string, n: number) =>
        indicator(key, () => {
          computed.set(key, (computed.get(key) ?? 0) + 1);
          return sma(bars.close, n);
        });
      count(`sma(close,${params.a})`, params.a);
      count(`sma(close,${params.b})`, params.b);
      return { next() {} };
    },
  });
  return { definition, computed, inits: () => inits };
}

describe.skipIf(!sharedDataAvailable)('optimize on GOOG', () => {
  const goog = sharedDataAvailable ? loadBars('GOOG.csv') : undefined;

  it('test_optimize: first 100 bars, fast ∈ {2,4}, slow ∈ {2,5,7,9}, slow > 2·fast → 4 runs', () => {
    const bars = headBars(goog!, 100);
    const outcome = optimize({
      bars,
      strategy: smaCross,
      grid: [
        { name: 'fast', from: 2, to: 4, step: 2 },
        { name: 'slow', from: 2, to: 9, step: 1 },
      ],
      // The reference's slow list {2, 5, 7, 9} is not a range: restrict it in the constraint.
      constraint: 'slow > 2*fast and (slow == 2 or slow == 5 or slow == 7 or slow == 9)',
    });
    expect(outcome.runCount).toBe(4);
    expect(outcome.runs.map((r) => r.params)).toEqual([
      { fast: 2, slow: 5 },
      { fast: 2, slow: 7 },
      { fast: 2, slow: 9 },
      { fast: 4, slow: 9 },
    ]);
    for (const run of outcome.runs) {
      expect(run.stats).toEqual(runBacktest({ bars, strategy: smaCross, params: run.params }).stats);
      expect(Object.is(run.value, run.stats.sqn)).toBe(true);
    }
  });

  it('the 91-run sweep picks the best of the individually run backtests, in grid order', () => {
    const bars = goog!;
    const options = { finalizeTrades: true };
    const outcome = optimize({
      bars,
      strategy: smaCross,
      grid: [
        { name: 'fast', from: 5, to: 55, step: 5 },
        { name: 'slow', from: 10, to: 110, step: 10 },
      ],
      constraint: 'fast < slow',
      options,
    });
    expect(outcome.runCount).toBe(91);
    let bestSqn = Number.NEGATIVE_INFINITY;
    let bestParams: object = {};
    let k = 0;
    for (let fast = 5; fast <= 55; fast += 5) {
      for (let slow = 10; slow <= 110; slow += 10) {
        if (fast >= slow) continue;
        const { stats } = runBacktest({ bars, strategy: smaCross, params: { fast, slow }, options });
        expect(outcome.runs[k].params).toEqual({ fast, slow });
        expect(outcome.runs[k].stats).toEqual(stats);
        if (stats.sqn > bestSqn) {
          bestSqn = stats.sqn;
          bestParams = { fast, slow };
        }
        k++;
      }
    }
    expect(outcome.best.params).toEqual(bestParams);
    expect(outcome.best.value).toBe(bestSqn);
  });

  it('maximizes another statistic when asked, and passes fixed params to every run', () => {
    const bars = headBars(goog!, 400);
    const outcome = optimize({
      bars,
      strategy: smaCross,
      grid: [{ name: 'fast', from: 2, to: 12, step: 2 }],
      params: { slow: 20, longOnly: true },
      maximize: 'returnPct',
    });
    const returns = outcome.runs.map((r) => r.stats.returnPct);
    expect(outcome.best.value).toBe(Math.max(...returns));
    expect(outcome.best.params.longOnly).toBe(true);
    const fast = outcome.best.params.fast as number;
    const single = runBacktest({ bars, strategy: smaCross, params: { fast, slow: 20, longOnly: true } });
    expect(outcome.best.stats).toEqual(single.stats);
  });
});

describe('optimize with a counting strategy', () => {
  const bars = {
    length: 8,
    isDatetime: false,
    time: Float64Array.from([0, 1, 2, 3, 4, 5, 6, 7]),
    open: Float64Array.from([10, 11, 12, 11, 10, 12, 13, 12]),
    high: Float64Array.from([11, 12, 13, 12, 11, 13, 14, 13]),
    low: Float64Array.from([9, 10, 11, 10, 9, 11, 12, 11]),
    close: Float64Array.from([10, 11, 12, 11, 10, 12, 13, 12]),
    volume: new Float64Array(8).fill(Number.NaN),
  };

  it('computes each (indicator, params) once over the whole sweep', () => {
    const counting = countingStrategy();
    const outcome = optimize({
      bars,
      strategy: counting.definition,
      grid: [
        { name: 'a', from: 1, to: 3, step: 1 },
        { name: 'b', from: 2, to: 4, step: 1 },
      ],
    });
    expect(outcome.runCount).toBe(9);
    expect(counting.inits()).toBe(9);
    // Keys sma(close,1..4): each computed exactly once although 18 indicators were requested.
    expect(Object.fromEntries(counting.computed)).toEqual({
      'sma(close,1)': 1,
      'sma(close,2)': 1,
      'sma(close,3)': 1,
      'sma(close,4)': 1,
    });
  });

  it('refuses a grid above maxRuns before running anything, and without expanding a huge one', () => {
    const counting = countingStrategy();
    const grid = [
      { name: 'a', from: 1, to: 10, step: 1 },
      { name: 'b', from: 1, to: 10, step: 1 },
    ];
    const error = engineError(() => optimize({ bars, strategy: counting.definition, grid, maxRuns: 99 }));
    expect(error.field).toBe('grid');
    expect(error.message).toContain('100 combinations');
    expect(counting.inits()).toBe(0);
    const huge = [
      { name: 'a', from: 1, to: 1e9, step: 1 },
      { name: 'b', from: 1, to: 1e9, step: 1 },
    ];
    expect(engineError(() => optimize({ bars, strategy: counting.definition, grid: huge })).field).toBe(
      'grid',
    );
    expect(counting.inits()).toBe(0);
  });

  it('names the field at fault for bad input', () => {
    const { definition } = countingStrategy();
    const grid = [{ name: 'a', from: 1, to: 3, step: 1 }];
    expect(engineError(() => optimize({ bars, strategy: definition, grid, maximize: 'sharpe' })).field).toBe(
      'maximize',
    );
    expect(engineError(() => optimize({ bars, strategy: definition, grid, maximize: 'start' })).field).toBe(
      'maximize',
    );
    const unknown = [{ name: 'c', from: 1, to: 3, step: 1 }];
    expect(engineError(() => optimize({ bars, strategy: definition, grid: unknown })).field).toBe('grid.c');
    const fractional = [{ name: 'a', from: 1, to: 2, step: 0.5 }];
    expect(engineError(() => optimize({ bars, strategy: definition, grid: fractional })).field).toBe(
      'grid.a',
    );
    const belowMin = [{ name: 'a', from: 0, to: 2, step: 1 }];
    expect(engineError(() => optimize({ bars, strategy: definition, grid: belowMin })).field).toBe('grid.a');
    expect(engineError(() => optimize({ bars, strategy: definition, grid, params: { b: 'x' } })).field).toBe(
      'params.b',
    );
    expect(engineError(() => optimize({ bars, strategy: definition, grid, params: { a: 2 } })).field).toBe(
      'params.a',
    );
    expect(engineError(() => optimize({ bars, strategy: definition, grid, constraint: 'a >' })).field).toBe(
      'constraint',
    );
    expect(engineError(() => optimize({ bars, strategy: definition, grid, constraint: 'a > 5' })).field).toBe(
      'constraint',
    );
  });

  it('reports a combination the strategy refuses, unless the constraint excludes it', () => {
    const grid = [
      { name: 'fast', from: 2, to: 6, step: 2 },
      { name: 'slow', from: 4, to: 8, step: 2 },
    ];
    const error = engineError(() => optimize({ bars, strategy: emaCross, grid }));
    expect(error.field).toMatch(/^params\./);
    expect(error.message).toContain('fast=4, slow=4');
    const outcome = optimize({ bars, strategy: emaCross, grid, constraint: 'fast < slow' });
    expect(outcome.runs.map((r) => [r.params.fast, r.params.slow])).toEqual([
      [2, 4],
      [2, 6],
      [2, 8],
      [4, 6],
      [4, 8],
      [6, 8],
    ]);
  });

  it('can maximize every numeric statistic and nothing else', () => {
    const { stats } = runBacktest({ bars, strategy: countingStrategy().definition });
    expect([...NUMERIC_STAT_KEYS, 'start', 'end'].sort()).toEqual(Object.keys(stats).sort());
  });
});

describe('bestRunIndex', () => {
  const runs = (...values: number[]) => values.map((value) => ({ value }));

  it('skips NaN, keeps the first of equal values and ranks −Infinity above NaN', () => {
    expect(bestRunIndex(runs(Number.NaN, 1, 3, 3, Number.NaN))).toBe(2);
    expect(bestRunIndex(runs(Number.NaN, Number.NEGATIVE_INFINITY))).toBe(1);
    expect(bestRunIndex(runs(-5, Number.POSITIVE_INFINITY, 7))).toBe(1);
    expect(bestRunIndex(runs(Number.NaN, Number.NaN))).toBe(0);
    expect(bestRunIndex([])).toBe(-1);
  });
});
