import fc from 'fast-check';
import { barsFromColumns, type Bars } from '../../../src/engine/bars.ts';
import { defineStrategy, type NextContext } from '../../../src/engine/strategy.ts';

/** One bar's action of a generated order stream; prices are relative to the current close. */
export type Action =
  | { kind: 'none' }
  | {
      kind: 'order';
      long: boolean;
      /** Units (≥ 1) or a fraction in (0, 1). */
      size: number;
      type: 'market' | 'limit' | 'stop' | 'stopLimit';
      /** Offsets as fractions of the close. */
      limitOffset: number;
      stopOffset: number;
      slOffset: number;
      tpOffset: number;
      tag: number;
    }
  | { kind: 'closePosition'; portion: number }
  | { kind: 'closeTrade'; index: number; portion: number }
  | { kind: 'setSl'; index: number; offset: number }
  | { kind: 'setTp'; index: number; offset: number }
  | { kind: 'cancel'; index: number };

const offset = fc.double({ min: 0.001, max: 0.15, noNaN: true });
const maybeOffset = fc.oneof(fc.constant(0), offset);
const portion = fc.oneof(fc.constant(1), fc.double({ min: 0.05, max: 1, noNaN: true }));

export function actionArb(options: { units: boolean; fractions: boolean }): fc.Arbitrary<Action> {
  const sizes: fc.Arbitrary<number>[] = [];
  if (options.units) sizes.push(fc.integer({ min: 1, max: 20 }));
  if (options.fractions) sizes.push(fc.double({ min: 0.01, max: 0.99, noNaN: true }));
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant({ kind: 'none' } as const) },
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('order' as const),
        long: fc.boolean(),
        size: fc.oneof(...sizes),
        type: fc.constantFrom('market', 'limit', 'stop', 'stopLimit'),
        limitOffset: offset,
        stopOffset: offset,
        slOffset: maybeOffset,
        tpOffset: maybeOffset,
        tag: fc.integer({ min: 0, max: 3 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('closePosition' as const), portion }) },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('closeTrade' as const), index: fc.nat(3), portion }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('setSl' as const), index: fc.nat(3), offset: maybeOffset }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('setTp' as const), index: fc.nat(3), offset: maybeOffset }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), index: fc.nat(3) }) },
  );
}

/**
 * Applies `actions[i]` at bar i. `mirror` = K turns every price p into K − p and buys into sells,
 * so the twin on mirrored bars places the mirror image of each order. `quantize` rounds prices
 * to a 1/64 grid (exact in binary).
 */
export function programStrategy(
  actions: readonly Action[],
  opts: { mirror?: number; quantize?: boolean; spread?: number; skipLastBar?: boolean } = {},
) {
  const k = opts.mirror;
  const q = (x: number) => (opts.quantize ? Math.round(x * 64) / 64 : x);
  return defineStrategy({
    name: 'Program',
    description: 'generated order stream',
    params: {},
    init: ({ bars }) => ({
      next(ctx: NextContext) {
        const i = ctx.i;
        if (opts.skipLastBar && i === bars.length - 1) return;
        const action = actions[i % actions.length];
        // The long-side view of the close: on mirrored bars, K − close.
        const close = k === undefined ? ctx.close() : k - ctx.close();
        const price = (x: number) => (k === undefined ? q(x) : k - q(x));
        const trade = (index: number) => ctx.trades[index % Math.max(1, ctx.trades.length)];
        switch (action.kind) {
          case 'none':
            return;
          case 'order': {
            const long = k === undefined ? action.long : !action.long;
            const dir = action.long ? 1 : -1;
            const limit =
              action.type === 'limit' || action.type === 'stopLimit'
                ? q(close * (1 - dir * action.limitOffset))
                : 0;
            const stop =
              action.type === 'stop' || action.type === 'stopLimit'
                ? q(close * (1 + dir * action.stopOffset))
                : 0;
            const spread = opts.spread ?? 0;
            const ref = limit || stop || close * (1 + dir * spread);
            const sl = action.slOffset ? q(ref * (1 - dir * action.slOffset) - dir / 64) : 0;
            const tp = action.tpOffset ? q(ref * (1 + dir * action.tpOffset) + dir / 64) : 0;
            const request = {
              size: action.size,
              limit: limit && price(limit),
              stop: stop && price(stop),
              sl: sl && price(sl),
              tp: tp && price(tp),
              tag: action.tag,
            };
            if (long) ctx.buy(request);
            else ctx.sell(request);
            return;
          }
          case 'closePosition':
            ctx.position.close(action.portion);
            return;
          case 'closeTrade':
            trade(action.index)?.close(action.portion);
            return;
          case 'setSl':
          case 'setTp': {
            const t = trade(action.index);
            if (t === undefined) return;
            const tradeIsLong = k === undefined ? t.isLong : !t.isLong;
            const dir = tradeIsLong ? 1 : -1;
            const below = action.kind === 'setSl' ? -1 : 1;
            const value = action.offset ? price(q(close * (1 + below * dir * action.offset))) : null;
            if (action.kind === 'setSl') t.sl = value;
            else t.tp = value;
            return;
          }
          case 'cancel': {
            const order = ctx.orders[action.index % Math.max(1, ctx.orders.length)];
            order?.cancel();
            return;
          }
        }
      },
    }),
  });
}

/** Random OHLC bars: a positive random walk with highs/lows around open and close. */
export function barsArb(
  options: { minBars?: number; maxBars?: number; ticks?: boolean } = {},
): fc.Arbitrary<Bars> {
  const step = fc.record({
    gap: fc.double({ min: -0.05, max: 0.05, noNaN: true }),
    move: fc.double({ min: -0.08, max: 0.08, noNaN: true }),
    up: fc.double({ min: 0, max: 0.04, noNaN: true }),
    down: fc.double({ min: 0, max: 0.04, noNaN: true }),
  });
  return fc
    .array(step, { minLength: options.minBars ?? 10, maxLength: options.maxBars ?? 60 })
    .map((steps) => walk(steps, options.ticks ?? false));
}

export function walk(
  steps: readonly { gap: number; move: number; up: number; down: number }[],
  ticks: boolean,
): Bars {
  const q = (x: number) => (ticks ? Math.min(1000, Math.max(10, Math.round(x * 64) / 64)) : x);
  const cols = {
    time: [] as number[],
    open: [] as number[],
    high: [] as number[],
    low: [] as number[],
    close: [] as number[],
  };
  let previous = 100;
  steps.forEach((s, k) => {
    const open = q(previous * (1 + s.gap));
    const close = q(open * (1 + s.move));
    cols.time.push(Date.UTC(2020, 0, 1) + k * 86_400_000);
    cols.open.push(open);
    cols.close.push(close);
    cols.high.push(q(Math.max(open, close) * (1 + s.up)));
    cols.low.push(q(Math.min(open, close) * (1 - s.down)));
    previous = close;
  });
  return barsFromColumns(cols, { isDatetime: true });
}

/** The same bars with every price p replaced by K − p (highs and lows swap). */
export function mirrorBars(bars: Bars, k: number): Bars {
  const m = (a: Float64Array) => a.map((x) => k - x);
  return barsFromColumns(
    { time: bars.time, open: m(bars.open), high: m(bars.low), low: m(bars.high), close: m(bars.close) },
    { isDatetime: bars.isDatetime },
  );
}
