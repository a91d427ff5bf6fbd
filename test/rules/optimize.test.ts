import { describe, expect, it } from 'vitest';
import { optimize, runCombinations } from '../../src/engine/optimizer/optimize.ts';
import { planOptimization } from '../../src/engine/optimizer/plan.ts';
import type { Indicator, ParamSpecs, StrategyDefinition } from '../../src/engine/strategy.ts';
import { canonicalRules } from '../../src/rules/canonical.ts';
import { defineRuleStrategy } from '../../src/rules/define.ts';
import { smaCross } from '../../src/strategies/sma-cross.ts';
import { loadBars, sharedDataAvailable, warnIfNoSharedData } from '../engine/support/data.ts';

warnIfNoSharedData('rule SmaCross sweep on GOOG');

/** An indicator memo that counts how often each key is computed (set). */
class CountingCache extends Map<string, Indicator> {
  readonly computed = new Map<string, number>();
  override set(key: string, value: Indicator): this {
    this.computed.set(key, (this.computed.get(key) ?? 0) + 1);
    return super.set(key, value);
  }
}

const ruleSmaCross = defineRuleStrategy(
  canonicalRules({
    entry: 'crossover(sma(close, fast), sma(close, slow))',
    shortEntry: 'crossover(sma(close, slow), sma(close, fast))',
    params: [
      { name: 'fast', default: 10 },
      { name: 'slow', default: 30 },
    ],
  }),
);

/** The grid of the engine's 91-run SmaCross sweep test and benchmark. */
const grid = [
  { name: 'fast', from: 5, to: 55, step: 5 },
  { name: 'slow', from: 10, to: 110, step: 10 },
];
const options = { finalizeTrades: true };

describe.skipIf(!sharedDataAvailable)('optimizing the rule SmaCross on GOOG', () => {
  const bars = sharedDataAvailable ? loadBars('GOOG.csv') : undefined;

  it('the 91-run sweep finds the built-in sweep’s best params and the same value for every run', () => {
    const spec = { bars: bars!, grid, constraint: 'fast < slow', options };
    const rule = optimize({ ...spec, strategy: ruleSmaCross });
    const builtin = optimize({ ...spec, strategy: smaCross as unknown as StrategyDefinition<ParamSpecs> });
    expect(rule.runCount).toBe(91);
    expect(rule.best.params).toEqual(builtin.best.params);
    expect(rule.best.value).toBe(builtin.best.value);
    expect(rule.runs.map((r) => r.params)).toEqual(builtin.runs.map((r) => r.params));
    rule.runs.forEach((run, k) => {
      expect(run.stats).toEqual(builtin.runs[k].stats);
    });
  });

  it('one shared cache computes each distinct sma once, and the rule sweep reuses the built-in’s', () => {
    const cache = new CountingCache();
    const plan = planOptimization({ strategy: ruleSmaCross, grid, constraint: 'fast < slow' });
    const sweep = (strategy: StrategyDefinition<ParamSpecs>) =>
      runCombinations({
        bars: bars!,
        strategy,
        combinations: plan.combinations,
        options,
        maximize: 'sqn',
        indicatorCache: cache,
      });
    sweep(smaCross as unknown as StrategyDefinition<ParamSpecs>);
    const smaKeys = () => [...cache.computed.keys()].filter((key) => key.startsWith('sma('));
    const afterBuiltin = new Map(cache.computed);
    // fast 5..55 and slow 10..110: 5, 10, …, 55 and 60, …, 110.
    expect(smaKeys()).toHaveLength(17);

    sweep(ruleSmaCross);
    expect(smaKeys()).toHaveLength(17);
    for (const key of smaKeys()) expect(cache.computed.get(key), key).toBe(1);
    for (const [key, count] of afterBuiltin) expect(cache.computed.get(key), key).toBe(count);
    // The rule's own vectors: one crossover per direction and (fast, slow) pair.
    const ruleKeys = [...cache.computed.keys()].filter((key) => key.startsWith('rules:'));
    expect(ruleKeys).toHaveLength(2 * 91);
    expect(ruleKeys).toContain('rules:crossover(sma(close,10),sma(close,30))');
    for (const key of ruleKeys) expect(cache.computed.get(key), key).toBe(1);

    // A second rule sweep on the same cache computes nothing.
    const before = new Map(cache.computed);
    sweep(ruleSmaCross);
    expect(cache.computed).toEqual(before);
  });
});
