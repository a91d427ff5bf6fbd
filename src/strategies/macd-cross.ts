import { crossoverSignals } from '../engine/indicators/crossover.ts';
import { macd } from '../engine/indicators/macd.ts';
import { defineStrategy } from '../engine/strategy.ts';
import { crossoverNext } from './crossover-next.ts';
import { longOnlyParam, stopLossPctParam, takeProfitPctParam, toRiskFractions } from './risk.ts';

/**
 * MACD signal-line crossover: when the MACD line (EMA(fast) − EMA(slow) of Close) crosses above
 * its signal line (EMA(signal) of the MACD line), close the position and buy; when it crosses
 * below, close and sell (or only close with `longOnly`). The first decision is at bar
 * slow + signal − 1, one bar after the signal line's first value.
 */
export const macdCross = defineStrategy({
  name: 'MacdCross',
  description: 'MACD line crossing its signal line: long on the cross up, short on the cross down.',
  params: {
    fast: { type: 'int', default: 12, min: 1, max: 500, description: 'Fast EMA span in bars' },
    slow: {
      type: 'int',
      default: 26,
      min: 2,
      max: 1000,
      description: 'Slow EMA span in bars; must exceed fast',
    },
    signal: { type: 'int', default: 9, min: 1, max: 500, description: 'Signal line EMA span in bars' },
    stopLossPct: stopLossPctParam,
    takeProfitPct: takeProfitPctParam,
    longOnly: longOnlyParam(false, 'Only go long: close on the cross down instead of selling'),
  },
  validate: ({ fast, slow }) =>
    fast < slow ? [] : [{ param: 'fast', message: `fast (${fast}) must be less than slow (${slow})` }],
  init({ bars, params, indicator }) {
    const { fast, slow, signal, longOnly } = params;
    const close = bars.close;
    const [line, signalLine] = indicator(`macd(close,${fast},${slow},${signal})`, () => {
      const lines = macd(close, fast, slow, signal);
      return [lines.macd, lines.signal] as const;
    });
    const crosses = indicator(
      `macdCrossSignal(${fast},${slow},${signal})`,
      () => crossoverSignals(line, signalLine),
      { warmup: false },
    );
    return { next: crossoverNext(crosses, close, toRiskFractions(params), longOnly) };
  },
});
