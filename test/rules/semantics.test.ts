import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../src/engine/backtest.ts';
import type { Indicator, IndicatorCache } from '../../src/engine/strategy.ts';
import { analyzeRules, canonicalRules } from '../../src/rules/canonical.ts';
import { defineRuleStrategy } from '../../src/rules/define.ts';
import { RuleEvaluator } from '../../src/rules/evaluate.ts';
import { bollingerReversion } from '../../src/strategies/bollinger-reversion.ts';
import { macdCross } from '../../src/strategies/macd-cross.ts';
import { rangeBars } from '../engine/support/data.ts';

const close = [10, 12, 11, 13, 9, 8, 12, 14, 13, 15, 11, 10, 12, 16, 15, 14, 18, 17, 13, 12];
const bars = rangeBars({
  open: close.map((c) => c - 0.5),
  high: close.map((c) => c + 1),
  low: close.map((c) => c - 1),
  close,
});

function evaluate(entry: string, params: Record<string, number> = {}): number[] {
  const { trees } = analyzeRules({
    entry,
    params: Object.entries(params).map(([name, v]) => ({ name, default: v })),
  });
  const register = <T extends Indicator>(_key: string, compute: () => T): T => compute();
  return [...new RuleEvaluator(bars, params, register).condition(trees.entry!)];
}

describe('rule semantics', () => {
  it('a bare not covers the comparison after it (as in Python); parentheses keep it on the operand', () => {
    expect(evaluate('not close > open')).toEqual(evaluate('close <= open'));
    expect(evaluate('not close > 11 and close > 9')).toEqual(close.map((c) => (c <= 11 && c > 9 ? 1 : 0)));
  });

  it('crossover is strict on both bars; crossunder(a, b) is crossover(b, a)', () => {
    expect(evaluate('crossover(close, 12)')).toEqual(
      close.map((c, i) => (i > 0 && close[i - 1] < 12 && c > 12 ? 1 : 0)),
    );
    expect(evaluate('crossunder(close, 12)')).toEqual(evaluate('crossover(12, close)'));
  });

  it('prev and change look back k bars; NaN compares false', () => {
    expect(evaluate('prev(close, 2) < close')).toEqual(
      close.map((c, i) => (i >= 2 && close[i - 2] < c ? 1 : 0)),
    );
    expect(evaluate('change(close, 1) > 0')).toEqual(
      close.map((c, i) => (i >= 1 && c > close[i - 1] ? 1 : 0)),
    );
  });

  it('orders use the rule size, and the trailing stop sets a stop-loss on every trade', () => {
    const sized = defineRuleStrategy(
      canonicalRules({ entry: 'close > open', shortEntry: 'close < prev(close, 3)', size: 3 }),
    );
    const { trades } = runBacktest({ bars, strategy: sized, options: { finalizeTrades: true } });
    expect(trades.length).toBeGreaterThan(1);
    for (const trade of trades) expect(Math.abs(trade.size)).toBe(3);
    // The trail's ATR is a 100-bar mean true range: it needs more than 100 bars.
    const wave = Array.from({ length: 160 }, (_, i) => 50 + 10 * Math.sin(i / 7) + (i % 3));
    const long = rangeBars({
      open: wave.map((c) => c - 0.5),
      high: wave.map((c) => c + 1),
      low: wave.map((c) => c - 1),
      close: wave,
    });
    const trailing = defineRuleStrategy(
      canonicalRules({ entry: 'crossover(close, sma(close, 5))', trailingAtr: 1 }),
    );
    const trailed = runBacktest({ bars: long, strategy: trailing }).trades.filter((t) => t.entryBar > 101);
    expect(trailed.length).toBeGreaterThan(0);
    for (const trade of trailed) expect(trade.sl).not.toBeNull();
  });

  it('the canonical form is the same for equivalent inputs: trimmed, params sorted, 0 = off', () => {
    const a = canonicalRules({
      entry: '  close > sma(close, n) ',
      exit: '',
      params: [
        { name: 'z', default: 1.5, integer: false },
        { name: 'n', default: 3 },
      ],
      stopLossPct: 0,
    });
    const b = canonicalRules({
      params: [
        { name: 'n', default: 3, min: 1, integer: true },
        { name: 'z', default: 1.5, min: null, integer: false },
      ],
      entry: 'close > sma(close, n)',
    });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(Object.keys(a)).toEqual([
      'entry',
      'exit',
      'shortEntry',
      'shortExit',
      'params',
      'size',
      'stopLossPct',
      'takeProfitPct',
      'trailingAtr',
    ]);
  });

  it('bands and MACD signal lines are the built-ins’ own cache entries', () => {
    const cache: IndicatorCache = new Map();
    runBacktest({ bars, strategy: bollingerReversion, params: { period: 5 }, indicatorCache: cache });
    runBacktest({
      bars,
      strategy: macdCross,
      params: { fast: 2, slow: 4, signal: 3 },
      indicatorCache: cache,
    });
    const before = new Set(cache.keys());
    const strategy = defineRuleStrategy(
      canonicalRules({
        entry: 'close < bb_lower(close, 5, 2) and macd(close, 2, 4) > macd_signal(close, 2, 4, 3)',
      }),
    );
    runBacktest({ bars, strategy, indicatorCache: cache });
    const added = [...cache.keys()].filter((key) => !before.has(key));
    expect(added.sort()).toEqual([
      'macd(close,2,4)',
      'rules:((close<bb_lower(close,5,2)) and (macd(close,2,4)>macd_signal(close,2,4,3)))',
      'rules:(close<bb_lower(close,5,2))',
      'rules:(macd(close,2,4)>macd_signal(close,2,4,3))',
    ]);
  });
});
