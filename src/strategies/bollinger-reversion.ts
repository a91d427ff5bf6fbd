import { bollinger } from '../engine/indicators/bollinger.ts';
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
 * Mean reversion to the Bollinger middle band (SMA(period) ± k sample std of Close).
 * Decisions on the close of bar i, with the bands of bars i−period+1..i:
 * - flat and close < lower: buy;  flat and close > upper (unless `longOnly`, the default): sell;
 * - long and close > middle: close, and sell as well when close > upper (unless `longOnly`);
 * - short and close < middle: close, and buy as well when close < lower.
 * The first decision is at bar `period` (the bands exist from bar period − 1).
 */
export const bollingerReversion = defineStrategy({
  name: 'BollingerReversion',
  description:
    'Bollinger Band mean reversion: buy when Close falls below the lower band, exit when it rises above the middle band (short side symmetric unless longOnly).',
  params: {
    period: { type: 'int', default: 20, min: 2, max: 500, description: 'Band window in bars' },
    k: {
      type: 'float',
      default: 2,
      min: 0.1,
      max: 10,
      description: 'Band width in sample standard deviations',
    },
    stopLossPct: stopLossPctParam,
    takeProfitPct: takeProfitPctParam,
    longOnly: longOnlyParam(true, 'Only go long: never sell short above the upper band'),
  },
  init({ bars, params, indicator }) {
    const { period, k, longOnly } = params;
    const close = bars.close;
    const [lower, middle, upper] = indicator(`bollinger(close,${period},${k})`, () => {
      const bands = bollinger(close, period, k);
      return [bands.lower, bands.middle, bands.upper] as const;
    });
    const risk = toRiskFractions(params);
    return {
      next(ctx) {
        const i = ctx.i;
        const c = close[i];
        const size = ctx.position.size;
        const wantLong = c < lower[i];
        const wantShort = !longOnly && c > upper[i];
        if (size > 0) {
          if (!(c > middle[i])) return;
          ctx.position.close();
          if (wantShort) enterShort(ctx, c, risk);
        } else if (size < 0) {
          if (!(c < middle[i])) return;
          ctx.position.close();
          if (wantLong) enterLong(ctx, c, risk);
        } else if (wantLong) {
          enterLong(ctx, c, risk);
        } else if (wantShort) {
          enterShort(ctx, c, risk);
        }
      },
    };
  },
});
