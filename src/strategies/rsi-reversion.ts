import { crossover } from '../engine/indicators/crossover.ts';
import { rsi } from '../engine/indicators/rsi.ts';
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
 * Mean reversion on Wilder's RSI of Close. When the RSI crosses up through `lower` (leaves the
 * oversold zone: RSI[i−1] < lower < RSI[i]) and the position is not long, close any short and
 * buy. When it crosses down through `upper` (leaves the overbought zone: RSI[i−1] > upper >
 * RSI[i]), close a long, and unless `longOnly` (the default) sell short if not already short.
 * The first RSI value is at bar `period`, the first decision at bar period + 1.
 */
export const rsiReversion = defineStrategy({
  name: 'RsiReversion',
  description:
    'RSI mean reversion: buy when RSI crosses up through the lower level, exit (or short) when it crosses down through the upper level.',
  params: {
    period: {
      type: 'int',
      default: 14,
      min: 2,
      max: 500,
      description: 'RSI period in bars (Wilder smoothing)',
    },
    lower: {
      type: 'float',
      default: 30,
      min: 0,
      max: 100,
      description: 'Oversold level; crossing up through it buys',
    },
    upper: {
      type: 'float',
      default: 70,
      min: 0,
      max: 100,
      description: 'Overbought level; crossing down through it exits (or shorts); must exceed lower',
    },
    stopLossPct: stopLossPctParam,
    takeProfitPct: takeProfitPctParam,
    longOnly: longOnlyParam(true, 'Only go long: exit on the upper-level cross instead of selling short'),
  },
  validate: ({ lower, upper }) =>
    lower < upper ? [] : [{ param: 'lower', message: `lower (${lower}) must be less than upper (${upper})` }],
  init({ bars, params, indicator }) {
    const { period, lower, upper, longOnly } = params;
    const close = bars.close;
    const values = indicator(`rsi(close,${period})`, () => rsi(close, period));
    const risk = toRiskFractions(params);
    return {
      next(ctx) {
        const i = ctx.i;
        const size = ctx.position.size;
        if (crossover(values, lower, i)) {
          if (size > 0) return;
          if (size < 0) ctx.position.close();
          enterLong(ctx, close[i], risk);
        } else if (crossover(upper, values, i)) {
          if (size > 0) ctx.position.close();
          if (!longOnly && size >= 0) enterShort(ctx, close[i], risk);
        }
      },
    };
  },
});
