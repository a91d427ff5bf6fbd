import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../src/engine/backtest.ts';
import { resolveParams } from '../../src/engine/params.ts';
import { smaCross } from '../../src/strategies/sma-cross.ts';
import { makeBars } from './support.ts';

/*
 * SmaCross(fast 2, slow 3). Opens are the previous closes, so a fill at Open[k] is at close[k−1].
 *   bar     0   1   2   3   4     5   6    7    8     9    10    11   12   13   14
 *   close  10  10  10  10   9     8   7   12   13    14    9     8    7    6    6
 *   sma2       10  10  10  9.5  8.5 7.5  9.5 12.5  13.5  11.5  8.5  7.5  6.5  6
 *   sma3           10  10  9.67  9   8    9  10.67 13    12   10.33 8    7    6.33
 * Warm-up: sma3 first valid at bar 2, so next() starts at bar 3.
 * Bar 4: below, but equal at bar 3: no cross (strict). Bar 7: cross up → buy, filled at
 * Open[8] = 12. Bar 10: cross down → close (at Open[11] = 9) and sell (at 9). Finalize at Open[14] = 6.
 * Default size: floor(10000·(1−2⁻⁵²)/12) = 833 units long; after the −2499 loss
 * floor(7501·(1−2⁻⁵²)/9) = 833 units short.
 */
const close = [10, 10, 10, 10, 9, 8, 7, 12, 13, 14, 9, 8, 7, 6, 6];
const bars = makeBars({ close });
const run = (params: Record<string, unknown>) =>
  runBacktest({
    bars,
    strategy: smaCross,
    params: { fast: 2, slow: 3, ...params },
    options: { finalizeTrades: true },
  });
const view = (params: Record<string, unknown> = {}) =>
  run(params).trades.map((t) => [t.size, t.entryBar, t.entryPrice, t.exitBar, t.exitPrice, t.sl, t.tp]);

describe('SmaCross', () => {
  it('closes and buys on the cross up, closes and sells on the cross down', () => {
    expect(view()).toEqual([
      [833, 8, 12, 11, 9, null, null],
      [-833, 11, 9, 14, 6, null, null],
    ]);
    expect(run({}).stats.equityFinal).toBe(10_000 - 833 * 3 + 833 * 3);
  });

  it('longOnly closes on the cross down instead of selling', () => {
    expect(view({ longOnly: true })).toEqual([[833, 8, 12, 11, 9, null, null]]);
  });

  it('stopLossPct puts a stop below a long (above a short) at that distance from the signal close', () => {
    // Long SL 12·0.95 = 11.4 is crossed on bar 10 (open 14, low 9): stop-market fill at min(14, 11.4).
    // Short SL 9·1.05 = 9.45 is never reached; the short is closed by finalize at 6.
    const trades = run({ stopLossPct: 5 }).trades;
    expect(trades.map((t) => [t.size > 0, t.entryBar, t.exitBar])).toEqual([
      [true, 8, 10],
      [false, 11, 14],
    ]);
    expect(trades[0].exitPrice).toBeCloseTo(11.4, 12);
    expect(trades[0].sl).toBeCloseTo(11.4, 12);
    expect(trades[1].sl).toBeCloseTo(9.45, 12);
    expect(trades[1].exitPrice).toBe(6);
  });

  it('takeProfitPct takes profit at that distance, on the entry bar when the bar reaches it', () => {
    // Long TP 12.6 lies inside entry bar 8 (12 → 13); short TP 8.55 inside entry bar 11 (9 → 8).
    const trades = run({ takeProfitPct: 5 }).trades;
    expect(trades.map((t) => [t.size > 0, t.entryBar, t.exitBar])).toEqual([
      [true, 8, 8],
      [false, 11, 11],
    ]);
    expect(trades[0].exitPrice).toBeCloseTo(12.6, 12);
    expect(trades[1].exitPrice).toBeCloseTo(8.55, 12);
  });

  it('declares bounded, typed params whose defaults are the reference SmaCross(10, 30)', () => {
    const resolved = resolveParams(smaCross, {});
    expect(resolved).toEqual({
      ok: true,
      params: { fast: 10, longOnly: false, slow: 30, stopLossPct: 0, takeProfitPct: 0 },
    });
    expect(smaCross.name).toBe('SmaCross');
    const bad = resolveParams(smaCross, { fast: 0, slow: 10.5, longOnly: 1 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.param).sort()).toEqual(['fast', 'longOnly', 'slow']);
  });

  it('registers both SMAs for the warm-up: the first order can come no earlier than bar slow', () => {
    const result = run({ fast: 2, slow: 5 });
    expect(result.warmupBars).toBe(4);
  });
});
