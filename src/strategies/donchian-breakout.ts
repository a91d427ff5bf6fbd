import { lag } from '../engine/indicators/lag.ts';
import { rollingMax, rollingMin } from '../engine/indicators/rolling-extrema.ts';
import { defineStrategy } from '../engine/strategy.ts';
import {
  enterLong,
  enterShort,
  longOnlyParam,
  stopLossPctParam,
  takeProfitPctParam,
  toRiskFractions,
} from './risk.ts';

/**
 * Donchian channel breakout (turtle style). Channels exclude the current bar: "the entry-bar
 * high" at bar i is the highest High of bars i−entry..i−1.
 * - not long and close > highest High of the previous `entry` bars: close any short, buy;
 * - long and close < lowest Low of the previous `exit` bars: close;
 * - unless `longOnly` (the default), symmetrically: not short and close < lowest Low of the
 *   previous `entry` bars: close any long, sell; short and close > highest High of the previous
 *   `exit` bars: close.
 * Every channel counts for the warm-up: the first decision is at bar max(entry, exit) + 1.
 */
export const donchianBreakout = defineStrategy({
  name: 'DonchianBreakout',
  description:
    'Donchian channel breakout: buy when Close breaks above the previous N-bar high, exit when it breaks below the previous M-bar low.',
  params: {
    entry: {
      type: 'int',
      default: 20,
      min: 1,
      max: 500,
      description: 'Entry channel: bars before the current one',
    },
    exit: {
      type: 'int',
      default: 10,
      min: 1,
      max: 500,
      description: 'Exit channel: bars before the current one',
    },
    stopLossPct: stopLossPctParam,
    takeProfitPct: takeProfitPctParam,
    longOnly: longOnlyParam(true, 'Only go long: never sell short on a downside breakout'),
  },
  init({ bars, params, indicator }) {
    const { entry, exit, longOnly } = params;
    const { high, low, close } = bars;
    const channel = (kind: 'max' | 'min', n: number) =>
      indicator(`lag(rolling${kind === 'max' ? 'Max(high' : 'Min(low'},${n}),1)`, () =>
        lag(kind === 'max' ? rollingMax(high, n) : rollingMin(low, n), 1),
      );
    const entryHigh = channel('max', entry);
    const entryLow = channel('min', entry);
    const exitHigh = channel('max', exit);
    const exitLow = channel('min', exit);
    const risk = toRiskFractions(params);
    return {
      next(ctx) {
        const i = ctx.i;
        const c = close[i];
        let size = ctx.position.size;
        if ((size > 0 && c < exitLow[i]) || (size < 0 && c > exitHigh[i])) {
          ctx.position.close();
          size = 0;
        }
        if (c > entryHigh[i] && size <= 0) {
          if (size < 0) ctx.position.close();
          enterLong(ctx, c, risk);
        } else if (!longOnly && c < entryLow[i] && size >= 0) {
          if (size > 0) ctx.position.close();
          enterShort(ctx, c, risk);
        }
      },
    };
  },
});
