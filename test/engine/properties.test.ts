import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BacktestResult, runBacktest } from '../../src/engine/backtest.ts';
import { barsFromColumns, type Bars } from '../../src/engine/bars.ts';
import type { BacktestOptions } from '../../src/engine/options.ts';
import { actionArb, barsArb, mirrorBars, programStrategy } from './support/random-program.ts';

const optionsArb: fc.Arbitrary<BacktestOptions> = fc.record({
  commission: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.01, noNaN: true })),
  spread: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.005, noNaN: true })),
  margin: fc.constantFrom(1, 0.5, 0.2),
  tradeOnClose: fc.boolean(),
  hedging: fc.boolean(),
  exclusiveOrders: fc.boolean(),
});

const programArb = fc.array(actionArb({ units: true, fractions: true }), { minLength: 5, maxLength: 40 });

/** Replaces every bar after `cut` with the bars of `other` (same timestamps). */
function withTail(bars: Bars, other: Bars, cut: number): Bars {
  const splice = (a: Float64Array, b: Float64Array) => a.map((x, k) => (k <= cut ? x : b[k % b.length]));
  return barsFromColumns(
    {
      time: bars.time,
      open: splice(bars.open, other.open),
      high: splice(bars.high, other.high),
      low: splice(bars.low, other.low),
      close: splice(bars.close, other.close),
    },
    { isDatetime: true },
  );
}

const closedBy = (result: BacktestResult, bar: number) => result.trades.filter((t) => t.exitBar < bar);

describe('engine properties', () => {
  it('bars after i never change trades or equity up to i (no look-ahead)', () => {
    fc.assert(
      fc.property(
        barsArb({ minBars: 12 }),
        barsArb({ minBars: 12 }),
        programArb,
        optionsArb,
        fc.nat(),
        (bars, other, actions, options, at) => {
          const cut = 2 + (at % (bars.length - 3));
          const strategy = programStrategy(actions, { spread: options.spread });
          const a = runBacktest({ bars, strategy, options });
          const b = runBacktest({ bars: withTail(bars, other, cut), strategy, options });
          expect(Array.from(b.equity.subarray(0, cut + 1))).toEqual(
            Array.from(a.equity.subarray(0, cut + 1)),
          );
          expect(closedBy(b, cut)).toEqual(closedBy(a, cut));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('final equity = cash + Σ closed PnL + open PnL − open entry commission (rate commissions)', () => {
    fc.assert(
      fc.property(barsArb(), programArb, optionsArb, (bars, actions, options) => {
        const strategy = programStrategy(actions, { spread: options.spread });
        const result = runBacktest({ bars, strategy, options: { ...options, finalizeTrades: true } });
        fc.pre(!result.ruined);
        const rate = options.commission as number;
        const closed = result.trades.reduce((s, t) => s + t.pnl, 0);
        const open = result.openTrades.reduce(
          (s, t) => s + t.pnl - Math.abs(t.size) * t.entryPrice * rate,
          0,
        );
        const final = result.equity[bars.length - 1];
        expect(Math.abs(final - (10_000 + closed + open))).toBeLessThanOrEqual(
          1e-9 * Math.max(10_000, Math.abs(final)),
        );
        expect(result.stats.equityFinal).toBe(final);
      }),
      { numRuns: 300 },
    );
  });

  it('with everything closed by finalize, final equity = cash + Σ trade PnL', () => {
    fc.assert(
      fc.property(barsArb(), programArb, optionsArb, (bars, actions, options) => {
        const strategy = programStrategy(actions, { spread: options.spread, skipLastBar: true });
        const result = runBacktest({ bars, strategy, options: { ...options, finalizeTrades: true } });
        fc.pre(!result.ruined && result.openTrades.length === 0);
        const closed = result.trades.reduce((s, t) => s + t.pnl, 0);
        expect(Math.abs(result.stats.equityFinal - (10_000 + closed))).toBeLessThanOrEqual(1e-9 * 10_000);
      }),
      { numRuns: 200 },
    );
  });

  it('a short order stream on mirrored prices (p → K − p) is the exact twin of its long stream', () => {
    const K = 2048;
    const unitProgram = fc.array(actionArb({ units: true, fractions: false }), {
      minLength: 5,
      maxLength: 40,
    });
    const mirrorOptions = fc.record({
      tradeOnClose: fc.boolean(),
      hedging: fc.boolean(),
      exclusiveOrders: fc.boolean(),
    });
    fc.assert(
      fc.property(barsArb({ ticks: true }), unitProgram, mirrorOptions, (bars, actions, flags) => {
        const options = { ...flags, cash: 1e9, finalizeTrades: true };
        const long = runBacktest({ bars, strategy: programStrategy(actions, { quantize: true }), options });
        const short = runBacktest({
          bars: mirrorBars(bars, K),
          strategy: programStrategy(actions, { quantize: true, mirror: K }),
          options,
        });
        expect(Array.from(short.equity)).toEqual(Array.from(long.equity));
        expect(
          short.trades.map((t) => [
            -t.size,
            t.entryBar,
            t.exitBar,
            K - t.entryPrice,
            K - t.exitPrice,
            t.pnl + 0,
            t.tag,
          ]),
        ).toEqual(
          long.trades.map((t) => [
            t.size,
            t.entryBar,
            t.exitBar,
            t.entryPrice,
            t.exitPrice,
            t.pnl + 0,
            t.tag,
          ]),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('finite inputs never produce NaN or infinite equity (fixed and rate commissions, spread, margin)', () => {
    const withFixed = fc.record({
      commission: fc.oneof(
        fc.double({ min: -0.01, max: 0.05, noNaN: true }),
        fc.record({
          fixed: fc.double({ min: 0, max: 50, noNaN: true }),
          rate: fc.double({ min: 0, max: 0.01, noNaN: true }),
        }),
      ),
      spread: fc.double({ min: 0, max: 0.01, noNaN: true }),
      margin: fc.constantFrom(1, 0.5, 0.1, 0.02),
      tradeOnClose: fc.boolean(),
      hedging: fc.boolean(),
      exclusiveOrders: fc.boolean(),
      finalizeTrades: fc.boolean(),
    });
    fc.assert(
      fc.property(barsArb(), programArb, withFixed, (bars, actions, options) => {
        const result = runBacktest({
          bars,
          strategy: programStrategy(actions, { spread: options.spread }),
          options,
        });
        for (const value of result.equity) expect(Number.isFinite(value)).toBe(true);
        for (const t of result.trades)
          expect(Number.isFinite(t.pnl) && Number.isFinite(t.returnPct)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
