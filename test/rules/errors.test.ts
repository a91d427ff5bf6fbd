import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../src/engine/backtest.ts';
import { EngineError } from '../../src/engine/errors.ts';
import { canonicalRules } from '../../src/rules/canonical.ts';
import { defineRuleStrategy } from '../../src/rules/define.ts';
import type { RuleStrategyInput } from '../../src/rules/rule-input.ts';
import { rangeBars } from '../engine/support/data.ts';
import { catchError } from '../support/errors.ts';

function engineError(run: () => unknown): EngineError {
  const error = catchError(run);
  expect(error).toBeInstanceOf(EngineError);
  return error as EngineError;
}

const intParam = (name: string, value: number, extra: object = {}) => ({ name, default: value, ...extra });

interface ErrorCase {
  readonly label: string;
  readonly input: RuleStrategyInput;
  readonly field: string;
  readonly message: RegExp;
  /** The offset the message must end with, for expression errors. */
  readonly at?: number;
}

const cases: readonly ErrorCase[] = [
  {
    label: 'too long',
    input: { entry: `close > ${'1'.repeat(995)}` },
    field: 'rules.entry',
    message: /1003 characters, more than the limit of 1000/,
    at: 1000,
  },
  {
    label: 'too many nodes',
    input: { entry: `min(${Array(250).fill('1').join(',')}) > 0` },
    field: 'rules.entry',
    message: /more than 200 nodes/,
  },
  {
    label: 'nested too deep',
    input: { entry: `${'abs('.repeat(30)}close${')'.repeat(30)} > 1` },
    field: 'rules.entry',
    message: /nests deeper than 24 levels/,
    at: 92,
  },
  {
    label: 'syntax error (offsets count in the trimmed text)',
    input: { entry: 'close > ' },
    field: 'rules.entry',
    message: /Expected expression after >/,
    at: 7,
  },
  {
    label: 'unclosed call',
    input: { exit: 'close > sma(close, 3', entry: 'close > 1' },
    field: 'rules.exit',
    message: /Expected \)/,
    at: 20,
  },
  {
    label: 'two expressions',
    input: { entry: 'close > 1 open < 2' },
    field: 'rules.entry',
    message: /one expression expected/,
    at: 0,
  },
  {
    label: '&& instead of and',
    input: { entry: 'close > 1 && open < 2' },
    field: 'rules.entry',
    message: /use "and" instead of "&&"/,
  },
  {
    label: 'member access',
    input: { entry: 'bars.close > 1' },
    field: 'rules.entry',
    message: /"\." and "\[ \]" are not supported/,
    at: 0,
  },
  {
    label: 'string literal',
    input: { entry: 'close > "1"' },
    field: 'rules.entry',
    message: /"1" is not supported/,
    at: 8,
  },
  {
    label: 'unknown name, close match',
    input: { entry: 'clsoe > 1' },
    field: 'rules.entry',
    message: /unknown name "clsoe" \(did you mean "close"\?\)/,
    at: 0,
  },
  {
    label: 'unknown name, param match',
    input: { entry: 'close > levl', params: [intParam('level', 3)] },
    field: 'rules.entry',
    message: /did you mean "level"/,
    at: 8,
  },
  {
    label: 'unknown function',
    input: { entry: 'close > smaa(close, 3)' },
    field: 'rules.entry',
    message: /unknown function "smaa" \(did you mean "sma"\?\)/,
    at: 8,
  },
  {
    label: 'function without call',
    input: { entry: 'close > sma' },
    field: 'rules.entry',
    message: /sma is a function: call it as sma\(x, n\)/,
    at: 8,
  },
  {
    label: 'too few arguments',
    input: { entry: 'close > sma(close)' },
    field: 'rules.entry',
    message: /sma\(x, n\) takes 2 arguments, got 1/,
    at: 8,
  },
  {
    label: 'too many arguments',
    input: { entry: 'crossover(close, open, high)' },
    field: 'rules.entry',
    message: /crossover\(a, b\) takes 2 arguments, got 3/,
    at: 0,
  },
  {
    label: 'condition as indicator input',
    input: { entry: 'sma(close > 1, 3) > 0' },
    field: 'rules.entry',
    message: /the condition \(close>1\) cannot be used as a number/,
    at: 4,
  },
  {
    label: 'condition in arithmetic',
    input: { entry: '(close > 1) + 1 > 0' },
    field: 'rules.entry',
    message: /cannot be used as a number/,
    at: 1,
  },
  {
    label: 'number as a rule',
    input: { entry: 'sma(close, 3)' },
    field: 'rules.entry',
    message: /a rule must be a condition/,
    at: 0,
  },
  {
    label: 'number as a short rule',
    input: { shortEntry: 'close - open' },
    field: 'rules.shortEntry',
    message: /a rule must be a condition/,
    at: 0,
  },
  {
    label: 'number under and',
    input: { entry: 'close > 1 and open' },
    field: 'rules.entry',
    message: /the number open cannot be used as a condition/,
    at: 14,
  },
  {
    label: 'not of a number',
    input: { entry: 'not close' },
    field: 'rules.entry',
    message: /cannot be used as a condition/,
    at: 4,
  },
  {
    label: 'chained comparison',
    input: { entry: '1 < close < 2' },
    field: 'rules.entry',
    message: /the condition \(1<close\) cannot be used as a number/,
    at: 0,
  },
  {
    label: 'window 0',
    input: { entry: 'close > sma(close, 0)' },
    field: 'rules.entry',
    message: /the window n of sma must be a whole number >= 1, got 0/,
    at: 19,
  },
  {
    label: 'fractional window',
    input: { entry: 'close > prev(close, 1.5)' },
    field: 'rules.entry',
    message: /window k of prev must be a whole number/,
    at: 20,
  },
  {
    label: 'window expression',
    input: { entry: 'close > sma(close, n + 1)', params: [intParam('n', 3)] },
    field: 'rules.entry',
    message: /n of sma must be a number or a param name, got \(n\+1\)/,
    at: 19,
  },
  {
    label: 'float param as window',
    input: { entry: 'close > sma(close, n)', params: [{ name: 'n', default: 3, integer: false }] },
    field: 'rules.entry',
    message: /must be an integer param; n is not/,
    at: 19,
  },
  {
    label: 'window param with min 0',
    input: { entry: 'close > ema(close, n)', params: [intParam('n', 3, { min: 0 })] },
    field: 'rules.params[0].min',
    message: /n is the window ema\(…\) in entry at character 19: min must be >= 1/,
  },
  {
    label: 'no entry',
    input: { exit: 'close > 1' },
    field: 'rules.entry',
    message: /give an entry or a shortEntry/,
  },
  {
    label: 'blank entry',
    input: { entry: '   ' },
    field: 'rules.entry',
    message: /give an entry or a shortEntry/,
  },
  {
    label: 'param name not an identifier',
    input: { entry: 'close > 1', params: [intParam('fast', 1), intParam('2x', 1)] },
    field: 'rules.params[1].name',
    message: /must be an identifier/,
  },
  {
    label: 'param named like a series',
    input: { entry: 'close > 1', params: [intParam('close', 1)] },
    field: 'rules.params[0].name',
    message: /taken by the language/,
  },
  {
    label: 'param named like a function',
    input: { entry: 'close > 1', params: [intParam('atr', 1)] },
    field: 'rules.params[0].name',
    message: /taken by the language/,
  },
  {
    label: 'param named like an operator',
    input: { entry: 'close > 1', params: [intParam('and', 1)] },
    field: 'rules.params[0].name',
    message: /taken by the language/,
  },
  {
    label: 'duplicate param',
    input: { entry: 'close > 1', params: [intParam('n', 1), intParam('n', 2)] },
    field: 'rules.params[1].name',
    message: /declared twice/,
  },
  {
    label: 'max below min',
    input: { entry: 'close > 1', params: [intParam('a', 1), intParam('n', 5, { min: 5, max: 2 })] },
    field: 'rules.params[1].max',
    message: /max of "n" \(2\) is below its min \(5\)/,
  },
  {
    label: 'default above max',
    input: { entry: 'close > 1', params: [intParam('n', 9, { max: 5 })] },
    field: 'rules.params[0].default',
    message: /outside \[-∞, 5\]/,
  },
  {
    label: 'fractional default of an integer param',
    input: { entry: 'close > 1', params: [intParam('n', 2.5)] },
    field: 'rules.params[0].default',
    message: /must be a whole number/,
  },
  {
    label: 'infinite bound',
    input: { entry: 'close > 1', params: [intParam('n', 2, { max: Number.POSITIVE_INFINITY })] },
    field: 'rules.params[0].max',
    message: /must be a finite number/,
  },
  {
    label: 'bad size',
    input: { entry: 'close > 1', size: 1.5 },
    field: 'rules.size',
    message: /fraction in \(0, 1\) or a whole number/,
  },
  {
    label: 'stop-loss out of range',
    input: { entry: 'close > 1', stopLossPct: 120 },
    field: 'rules.stopLossPct',
    message: /\[0, 99\]/,
  },
  {
    label: 'negative take-profit',
    input: { entry: 'close > 1', takeProfitPct: -1 },
    field: 'rules.takeProfitPct',
    message: /\[0, 1000\]/,
  },
  {
    label: 'negative trailing multiple',
    input: { entry: 'close > 1', trailingAtr: -2 },
    field: 'rules.trailingAtr',
    message: /positive number of ATRs/,
  },
];

describe('rule strategy errors', () => {
  for (const c of cases) {
    it(`${c.label}: EngineError on ${c.field}`, () => {
      const error = engineError(() => canonicalRules(c.input));
      expect(error.field).toBe(c.field);
      expect(error.message).toMatch(c.message);
      if (c.at !== undefined) expect(error.message).toMatch(new RegExp(` at character ${c.at}$`));
      // defineRuleStrategy re-validates (rules that come back from JSON are not trusted).
      expect(engineError(() => defineRuleStrategy(c.input as never)).message).toBe(error.message);
    });
  }

  const bars = rangeBars({
    open: [10, 11, 12, 13, 12, 11],
    high: [11, 12, 13, 14, 13, 12],
    low: [9, 10, 11, 12, 11, 10],
    close: [10.5, 11.5, 12.5, 13.5, 12, 10.5],
  });

  it('a window longer than the bars fails in init, naming the expression and its offset', () => {
    const strategy = defineRuleStrategy(
      canonicalRules({ entry: 'close > 1', exit: 'close < sma(close, 7)' }),
    );
    const error = engineError(() => runBacktest({ bars, strategy }));
    expect(error.field).toBe('rules.exit');
    expect(error.message).toBe('sma(close, 7) needs at least 7 bars, the series has 6 at character 8');
  });

  it('the lookback adds up through nested indicators and params', () => {
    const rules = canonicalRules({
      entry: 'crossover(close, prev(sma(close, n), 2))',
      params: [{ name: 'n', default: 3 }],
    });
    const strategy = defineRuleStrategy(rules);
    expect(() => runBacktest({ bars, strategy })).not.toThrow();
    const error = engineError(() => runBacktest({ bars, strategy, params: { n: 4 } }));
    expect(error.field).toBe('rules.entry');
    expect(error.message).toBe(
      'crossover(close, prev(sma(close, n), 2)) needs at least 7 bars, the series has 6 at character 0',
    );
  });

  it('params outside their declared bounds are refused by the engine as params.<name>', () => {
    const strategy = defineRuleStrategy(
      canonicalRules({ entry: 'close > sma(close, n)', params: [{ name: 'n', default: 2, max: 4 }] }),
    );
    expect(strategy.params.n).toMatchObject({ type: 'int', default: 2, min: 1, max: 4 });
    expect(engineError(() => runBacktest({ bars, strategy, params: { n: 0 } })).field).toBe('params.n');
    expect(engineError(() => runBacktest({ bars, strategy, params: { n: 5 } })).field).toBe('params.n');
  });
});
