import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../src/engine/backtest.ts';
import { barsFromColumns } from '../../src/engine/bars.ts';
import { EngineError } from '../../src/engine/errors.ts';
import { resolveParams } from '../../src/engine/params.ts';
import { defineStrategy, type IndicatorCache } from '../../src/engine/strategy.ts';
import { smaCross } from '../../src/strategies/sma-cross.ts';
import { rangeBars } from './support/data.ts';

const demo = defineStrategy({
  name: 'Demo',
  description: 'param declaration under test',
  params: {
    window: { type: 'int', default: 5, min: 2, max: 50, description: 'bars' },
    ratio: { type: 'float', default: 0.5, min: 0, max: 1, description: 'fraction' },
    enabled: { type: 'boolean', default: true, description: 'switch' },
  },
  validate: (p) => (p.window === 13 ? [{ param: 'window', message: 'unlucky' }] : []),
  init: () => ({ next() {} }),
});

describe('resolveParams', () => {
  it('fills defaults and returns keys sorted', () => {
    const result = resolveParams(demo, { window: 7 });
    expect(result).toEqual({ ok: true, params: { enabled: true, ratio: 0.5, window: 7 } });
    if (result.ok) expect(Object.keys(result.params)).toEqual(['enabled', 'ratio', 'window']);
  });

  it('reports every problem with the param at fault', () => {
    const result = resolveParams(demo, { window: 2.5, ratio: 2, enabled: 'yes', extra: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.param).sort()).toEqual(['enabled', 'extra', 'ratio', 'window']);
    expect(result.errors.find((e) => e.param === 'window')?.message).toMatch(/integer/);
    expect(result.errors.find((e) => e.param === 'ratio')?.message).toMatch(/at most 1/);
    expect(result.errors.find((e) => e.param === 'extra')?.message).toMatch(/unknown/);
  });

  it('rejects NaN, infinities, strings for numbers, and values below min', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, '5', 1]) {
      const result = resolveParams(demo, { window: bad });
      expect(result.ok, String(bad)).toBe(false);
    }
  });

  it('runs the cross-param check after the per-param checks', () => {
    expect(resolveParams(demo, { window: 13 })).toEqual({
      ok: false,
      errors: [{ param: 'window', message: 'unlucky' }],
    });
  });

  it('runBacktest turns a bad param into an EngineError naming it', () => {
    const bars = rangeBars({ open: [1, 2, 3], high: [1, 2, 3], low: [1, 2, 3], close: [1, 2, 3] });
    expect(() => runBacktest({ bars, strategy: smaCross, params: { fast: 0 } })).toThrow(
      expect.objectContaining({ name: 'EngineError', field: 'params.fast' }),
    );
  });
});

describe('indicators, warm-up and the next() context', () => {
  const close = Array.from({ length: 40 }, (_, k) => 100 + Math.sin(k) * 5);
  const bars = rangeBars({ open: close, high: close, low: close, close });

  function probe(nanPrefix: number, options?: { warmup?: boolean }, rows = false) {
    const seen: number[] = [];
    let computed = 0;
    const strategy = defineStrategy({
      name: 'Probe',
      description: 'records next() calls',
      params: {},
      init: ({ indicator }) => {
        const make = () => {
          computed++;
          const a = new Float64Array(40).fill(1);
          a.fill(Number.NaN, 0, nanPrefix);
          return a;
        };
        if (rows) indicator(`rows${nanPrefix}`, () => [new Float64Array(40).fill(2), make()], options);
        else indicator(`ind${nanPrefix}`, make, options);
        return { next: (ctx) => void seen.push(ctx.i) };
      },
    });
    return { strategy, seen, computed: () => computed };
  }

  it('starts next() one bar after the first bar where every registered indicator has a value', () => {
    const p = probe(12);
    runBacktest({ bars, strategy: p.strategy });
    expect(p.seen[0]).toBe(13);
    expect(p.seen.at(-1)).toBe(39);
    const rows = probe(7, undefined, true);
    runBacktest({ bars, strategy: rows.strategy });
    expect(rows.seen[0]).toBe(8);
  });

  it('ignores indicators registered with warmup: false, and all-NaN indicators count 0', () => {
    const excluded = probe(12, { warmup: false });
    runBacktest({ bars, strategy: excluded.strategy });
    expect(excluded.seen[0]).toBe(1);
    const allNaN = probe(40);
    runBacktest({ bars, strategy: allNaN.strategy });
    expect(allNaN.seen[0]).toBe(1);
  });

  it('memoizes indicator arrays in a caller-provided cache', () => {
    const p = probe(3);
    const cache: IndicatorCache = new Map();
    runBacktest({ bars, strategy: p.strategy, indicatorCache: cache });
    runBacktest({ bars, strategy: p.strategy, indicatorCache: cache });
    expect(p.computed()).toBe(1);
    expect(cache.has('ind3')).toBe(true);
    runBacktest({ bars, strategy: p.strategy });
    expect(p.computed()).toBe(2);
  });

  it('accessors read the current and earlier bars and refuse later ones', () => {
    const reads: number[][] = [];
    const strategy = defineStrategy({
      name: 'Reader',
      description: 'reads via accessors',
      params: {},
      init: () => ({
        next(ctx) {
          if (ctx.i === 5) reads.push([ctx.close(), ctx.close(-2), ctx.value(bars.close, -6), ctx.time()]);
          if (ctx.i === 6) ctx.close(0);
        },
      }),
    });
    expect(() => runBacktest({ bars, strategy })).toThrow(EngineError);
    expect(reads).toEqual([[bars.close[5], bars.close[4], bars.close[0], 5]]);
  });
});

describe('bars and options validation', () => {
  it('rejects NaN prices with an EngineError naming the column', () => {
    expect(() =>
      barsFromColumns({ time: [0, 1], open: [1, 1], high: [1, Number.NaN], low: [1, 1], close: [1, 1] }),
    ).toThrow(expect.objectContaining({ field: 'bars.high' }));
  });

  it('rejects out-of-range options', () => {
    const bars = rangeBars({ open: [1, 2, 3], high: [1, 2, 3], low: [1, 2, 3], close: [1, 2, 3] });
    const run = (options: object) => () => runBacktest({ bars, strategy: smaCross, options });
    expect(run({ margin: 0 })).toThrow(expect.objectContaining({ field: 'options.margin' }));
    expect(run({ commission: 0.1 })).toThrow(expect.objectContaining({ field: 'options.commission' }));
    expect(run({ cash: -1 })).toThrow(expect.objectContaining({ field: 'options.cash' }));
    expect(run({ commission: { fixed: Number.NaN, rate: 0 } })).toThrow(
      expect.objectContaining({ field: 'options.commission.fixed' }),
    );
    expect(run({ commission: -0.1 })).not.toThrow();
  });
});
