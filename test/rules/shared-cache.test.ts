import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../src/engine/backtest.ts';
import type { IndicatorCache } from '../../src/engine/strategy.ts';
import { canonicalRules } from '../../src/rules/canonical.ts';
import { defineRuleStrategy } from '../../src/rules/define.ts';
import { loadBars, sharedDataAvailable, warnIfNoSharedData } from '../engine/support/data.ts';

warnIfNoSharedData('rule strategies over a shared indicator cache (GOOG)');

describe.skipIf(!sharedDataAvailable)('a rule strategy run again over a shared indicator cache', () => {
  it('gives the same warm-up, trades and statistics as the first run', () => {
    const bars = loadBars('GOOG.csv');
    const strategy = defineRuleStrategy(
      canonicalRules({
        entry: 'close > prev(highest(high, entryBars), 1)',
        exit: 'close < prev(lowest(low, exitBars), 1) or not (rsi(close, 14) < 90)',
        params: [
          { name: 'entryBars', default: 20 },
          { name: 'exitBars', default: 10 },
        ],
      }),
    );
    const cache: IndicatorCache = new Map();
    const run = () => runBacktest({ bars, strategy, options: { finalizeTrades: true }, indicatorCache: cache });
    const first = run();
    const again = run();
    const fresh = runBacktest({ bars, strategy, options: { finalizeTrades: true } });
    expect(first.trades.length).toBeGreaterThan(10);
    for (const other of [again, fresh]) {
      expect(other.warmupBars).toBe(first.warmupBars);
      expect(other.trades).toEqual(first.trades);
      expect(other.stats).toEqual(first.stats);
    }
  });
});
