import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../src/engine/backtest.ts';
import { canonicalRules } from '../../src/rules/canonical.ts';
import { defineRuleStrategy } from '../../src/rules/define.ts';
import type { RuleStrategyInput } from '../../src/rules/rule-input.ts';
import { loadBars, sharedDataAvailable, warnIfNoSharedData } from '../engine/support/data.ts';

warnIfNoSharedData('the README rule strategy examples on GOOG');

/** The JSON blocks of the README's "Rule strategies" section. */
function readmeExamples(): RuleStrategyInput[] {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## Rule strategies'), readme.indexOf('## HTTP'));
  return [...section.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]) as RuleStrategyInput);
}

describe.skipIf(!sharedDataAvailable)('the README rule strategy examples', () => {
  const examples = readmeExamples();

  it('are three', () => {
    expect(examples).toHaveLength(3);
  });

  it.each(examples.map((rules, i) => [i + 1, rules] as const))(
    'example %i is valid and trades on GOOG',
    (_n, rules) => {
      const strategy = defineRuleStrategy(canonicalRules(rules));
      const result = runBacktest({ bars: loadBars('GOOG.csv'), strategy, options: { finalizeTrades: true } });
      expect(result.trades.length).toBeGreaterThan(3);
      expect(Number.isFinite(result.stats.equityFinal)).toBe(true);
    },
  );
});
