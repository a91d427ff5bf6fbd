import { describe, expect, it } from 'vitest';
import { type BacktestResult, runBacktest } from '../../src/engine/backtest.ts';
import type { BacktestOptions } from '../../src/engine/options.ts';
import type { ParamSpecs, StrategyDefinition } from '../../src/engine/strategy.ts';
import { canonicalRules } from '../../src/rules/canonical.ts';
import { defineRuleStrategy } from '../../src/rules/define.ts';
import type { RuleStrategyInput } from '../../src/rules/rule-input.ts';
import { donchianBreakout } from '../../src/strategies/donchian-breakout.ts';
import { emaCross } from '../../src/strategies/ema-cross.ts';
import { rsiReversion } from '../../src/strategies/rsi-reversion.ts';
import { smaCross } from '../../src/strategies/sma-cross.ts';
import { loadBars, sharedDataAvailable, warnIfNoSharedData } from '../engine/support/data.ts';

warnIfNoSharedData('rule twins of the built-in strategies on GOOG');

const options: BacktestOptions = { finalizeTrades: true };

const crossRules = (fn: 'sma' | 'ema', fast: number, slow: number): RuleStrategyInput => ({
  entry: `crossover(${fn}(close, fast), ${fn}(close, slow))`,
  shortEntry: `crossover(${fn}(close, slow), ${fn}(close, fast))`,
  params: [
    { name: 'fast', default: fast },
    { name: 'slow', default: slow },
  ],
});

const rsiRules = (longOnly: boolean): RuleStrategyInput => ({
  entry: 'crossover(rsi(close, period), lower)',
  exit: 'crossunder(rsi(close, period), upper)',
  shortEntry: longOnly ? null : 'crossunder(rsi(close, period), upper)',
  params: [
    { name: 'period', default: 14 },
    { name: 'lower', default: 30, integer: false },
    { name: 'upper', default: 70, integer: false },
  ],
});

const donchianRules = (longOnly: boolean): RuleStrategyInput => ({
  entry: 'close > prev(highest(high, entryBars), 1)',
  exit: 'close < prev(lowest(low, exitBars), 1)',
  shortEntry: longOnly ? null : 'close < prev(lowest(low, entryBars), 1)',
  shortExit: longOnly ? null : 'close > prev(highest(high, exitBars), 1)',
  params: [
    { name: 'entryBars', default: 20 },
    { name: 'exitBars', default: 10 },
  ],
});

interface Twin {
  readonly label: string;
  readonly builtin: StrategyDefinition<ParamSpecs>;
  readonly builtinParams: Record<string, number | boolean>;
  readonly rules: RuleStrategyInput;
  /** Closed trades the twin must reach at least, so a twin that never trades cannot pass. */
  readonly minTrades: number;
}

const widen = (definition: unknown) => definition as StrategyDefinition<ParamSpecs>;

const twins: readonly Twin[] = [
  {
    label: 'SmaCross 10/30',
    builtin: widen(smaCross),
    builtinParams: {},
    rules: crossRules('sma', 10, 30),
    minTrades: 60,
  },
  {
    label: 'EmaCross 12/26',
    builtin: widen(emaCross),
    builtinParams: {},
    rules: crossRules('ema', 12, 26),
    minTrades: 30,
  },
  {
    label: 'RsiReversion 14, long only',
    builtin: widen(rsiReversion),
    builtinParams: {},
    rules: rsiRules(true),
    minTrades: 5,
  },
  {
    label: 'RsiReversion 14, long and short',
    builtin: widen(rsiReversion),
    builtinParams: { longOnly: false },
    rules: rsiRules(false),
    // The first short (bar 23) ruins the account at bar 188 (equity 0), for both.
    minTrades: 1,
  },
  {
    label: 'DonchianBreakout 20/10, long only',
    builtin: widen(donchianBreakout),
    builtinParams: {},
    rules: donchianRules(true),
    minTrades: 10,
  },
  {
    label: 'DonchianBreakout 20/10, long and short',
    builtin: widen(donchianBreakout),
    builtinParams: { longOnly: false },
    rules: donchianRules(false),
    minTrades: 10,
  },
];

function expectIdentical(rule: BacktestResult, builtin: BacktestResult, minTrades: number): void {
  expect(rule.trades.length).toBeGreaterThanOrEqual(minTrades);
  expect(rule.warmupBars).toBe(builtin.warmupBars);
  expect(rule.ruined).toBe(builtin.ruined);
  expect(rule.trades).toEqual(builtin.trades);
  expect(rule.openTrades).toEqual(builtin.openTrades);
  expect(rule.equity).toEqual(builtin.equity);
  expect(rule.stats).toEqual(builtin.stats);
}

describe.skipIf(!sharedDataAvailable)('rule twins of built-in strategies on GOOG', () => {
  const bars = sharedDataAvailable ? loadBars('GOOG.csv') : undefined;
  const run = (strategy: StrategyDefinition<ParamSpecs>, params: Record<string, number | boolean>) =>
    runBacktest({ bars: bars!, strategy, params, options });

  for (const twin of twins) {
    it(`${twin.label}: identical trades, equity and statistics`, () => {
      const rule = run(defineRuleStrategy(canonicalRules(twin.rules)), {});
      expectIdentical(rule, run(twin.builtin, twin.builtinParams), twin.minTrades);
    });

    it(`${twin.label} with a 4 % stop-loss and a 9 % take-profit: identical`, () => {
      const risky = { ...twin.rules, stopLossPct: 4, takeProfitPct: 9 };
      const rule = run(defineRuleStrategy(canonicalRules(risky)), {});
      const builtin = run(twin.builtin, { ...twin.builtinParams, stopLossPct: 4, takeProfitPct: 9 });
      expectIdentical(rule, builtin, twin.minTrades);
      expect(rule.trades.some((t) => t.sl !== null && t.tp !== null)).toBe(true);
    });
  }

  it('the SmaCross twin reproduces the anchor run: 66 trades, warm-up 29', () => {
    const rule = run(defineRuleStrategy(canonicalRules(crossRules('sma', 10, 30))), {});
    expect(rule.warmupBars).toBe(29);
    expect(rule.trades).toHaveLength(66);
  });

  it('params given at run time replace the defaults (SmaCross 20/50)', () => {
    const strategy = defineRuleStrategy(canonicalRules(crossRules('sma', 10, 30)));
    expectIdentical(run(strategy, { fast: 20, slow: 50 }), run(widen(smaCross), { fast: 20, slow: 50 }), 20);
  });

  it('a canonical form sent through JSON (another thread) defines the same strategy', () => {
    const canonical = canonicalRules(donchianRules(false));
    const copy = JSON.parse(JSON.stringify(canonical));
    expect(copy).toEqual(canonical);
    expectIdentical(run(defineRuleStrategy(copy), {}), run(defineRuleStrategy(canonical), {}), 10);
  });
});
