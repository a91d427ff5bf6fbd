import { crossoverSignals } from '../engine/indicators/crossover.ts';
import { ema } from '../engine/indicators/ema.ts';
import { defineStrategy } from '../engine/strategy.ts';
import { crossoverNext } from './crossover-next.ts';
import { longOnlyParam, stopLossPctParam, takeProfitPctParam, toRiskFractions } from './risk.ts';

/**
 * SmaCross with exponential averages: when EMA(fast) of Close crosses above EMA(slow), close the
 * position and buy; when it crosses below, close and sell (or only close with `longOnly`).
 * EMAs are seeded with the SMA of their first n closes (see indicators/ema.ts), so the first
 * decision is at bar `slow`.
 */
export const emaCross = defineStrategy({
  name: 'EmaCross',
  description:
    'Fast/slow exponential moving average crossover on Close: long on the cross up, short on the cross down.',
  params: {
    fast: { type: 'int', default: 12, min: 1, max: 500, description: 'Fast EMA span in bars' },
    slow: {
      type: 'int',
      default: 26,
      min: 2,
      max: 1000,
      description: 'Slow EMA span in bars; must exceed fast',
    },
    stopLossPct: stopLossPctParam,
    takeProfitPct: takeProfitPctParam,
    longOnly: longOnlyParam(false, 'Only go long: close on the cross down instead of selling'),
  },
  validate: ({ fast, slow }) =>
    fast < slow ? [] : [{ param: 'fast', message: `fast (${fast}) must be less than slow (${slow})` }],
  init({ bars, params, indicator }) {
    const { fast, slow, longOnly } = params;
    const close = bars.close;
    const fastEma = indicator(`ema(close,${fast})`, () => ema(close, fast));
    const slowEma = indicator(`ema(close,${slow})`, () => ema(close, slow));
    const signal = indicator(`emaCrossSignal(${fast},${slow})`, () => crossoverSignals(fastEma, slowEma), {
      warmup: false,
    });
    return { next: crossoverNext(signal, close, toRiskFractions(params), longOnly) };
  },
});
