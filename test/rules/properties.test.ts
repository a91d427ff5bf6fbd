import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../src/engine/backtest.ts';
import { type Bars, barsFromColumns } from '../../src/engine/bars.ts';
import { EngineError } from '../../src/engine/errors.ts';
import type { Indicator } from '../../src/engine/strategy.ts';
import { analyzeRules, canonicalRules } from '../../src/rules/canonical.ts';
import { defineRuleStrategy } from '../../src/rules/define.ts';
import { RuleEvaluator } from '../../src/rules/evaluate.ts';
import { checkLookback } from '../../src/rules/lookback.ts';
import type { RuleParamInput } from '../../src/rules/rule-input.ts';
import { barsArb } from '../engine/support/random-program.ts';

const params: readonly RuleParamInput[] = [
  { name: 'n', default: 3, min: 1, max: 10 },
  { name: 'w', default: 5 },
  { name: 'k', default: 1.5, integer: false },
];
const paramValues = { n: 3, w: 5, k: 1.5 };

const windowArb = fc.oneof(fc.integer({ min: 1, max: 6 }).map(String), fc.constantFrom('n', 'w', '40'));
const factorArb = fc.oneof(fc.constantFrom('k', '2', '0.5'), fc.integer({ min: -3, max: 3 }).map(String));

/** Random well-formed expressions as text: `num` yields numbers, `bool` conditions. */
const { num, bool } = fc.letrec<{ num: string; bool: string }>((tie) => ({
  num: fc.oneof(
    { maxDepth: 4, depthIdentifier: 'expr' },
    fc.constantFrom('open', 'high', 'low', 'close', 'volume', 'k', 'n'),
    fc.double({ min: -50, max: 50, noNaN: true, noDefaultInfinity: true }).map((x) => String(x)),
    fc
      .tuple(tie('num'), fc.constantFrom('+', '-', '*', '/'), tie('num'))
      .map(([a, op, b]) => `(${a} ${op} ${b})`),
    tie('num').map((a) => `-(${a})`),
    fc
      .tuple(
        fc.constantFrom('sma', 'ema', 'rsi', 'stdev', 'highest', 'lowest', 'prev', 'change'),
        tie('num'),
        windowArb,
      )
      .map(([fn, x, n]) => `${fn}(${x}, ${n})`),
    windowArb.map((n) => `atr(${n})`),
    fc
      .tuple(fc.constantFrom('bb_upper', 'bb_lower'), tie('num'), windowArb, factorArb)
      .map(([fn, x, n, k]) => `${fn}(${x}, ${n}, ${k})`),
    fc.tuple(tie('num'), windowArb, windowArb).map(([x, a, b]) => `macd(${x}, ${a}, ${b})`),
    fc
      .tuple(tie('num'), windowArb, windowArb, windowArb)
      .map(([x, a, b, c]) => `macd_signal(${x}, ${a}, ${b}, ${c})`),
    tie('num').map((x) => `abs(${x})`),
    fc.tuple(fc.constantFrom('min', 'max'), tie('num'), tie('num')).map(([fn, a, b]) => `${fn}(${a}, ${b})`),
  ),
  bool: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'expr' },
    fc
      .tuple(tie('num'), fc.constantFrom('<', '<=', '>', '>=', '==', '!='), tie('num'))
      .map(([a, op, b]) => `${a} ${op} ${b}`),
    fc
      .tuple(fc.constantFrom('crossover', 'crossunder'), tie('num'), tie('num'))
      .map(([fn, a, b]) => `${fn}(${a}, ${b})`),
    fc
      .tuple(tie('bool'), fc.constantFrom('and', 'or'), tie('bool'))
      .map(([a, op, b]) => `(${a}) ${op} (${b})`),
    tie('bool').map((a) => `not (${a})`),
  ),
}));

const volumeBarsArb = (options: { minBars: number; maxBars: number }) =>
  fc
    .tuple(
      barsArb(options),
      fc.array(fc.double({ min: 1, max: 1e6, noNaN: true }), { minLength: 80, maxLength: 80 }),
    )
    .map(([bars, volume]) =>
      barsFromColumns({ ...bars, volume: volume.slice(0, bars.length) }, { isDatetime: bars.isDatetime }),
    );

function onlyEngineErrors(run: () => unknown): boolean {
  try {
    run();
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
  }
  return true;
}

/** Every given rule's 0/1 vector, with the indicator memo of a run without a cache. */
function signals(text: string, bars: Bars): Float64Array | undefined {
  const { trees } = analyzeRules({ entry: text, params });
  const tree = trees.entry!;
  try {
    checkLookback(tree, 'rules.entry', paramValues, bars.length);
  } catch {
    return undefined;
  }
  const register = <T extends Indicator>(_key: string, compute: () => T): T => compute();
  return new RuleEvaluator(bars, paramValues, register).condition(tree);
}

/** The bars with every bar after `cut` replaced by a bar of `other` (valid bars, same times). */
function withTail(bars: Bars, other: Bars, cut: number): Bars {
  const splice = (a: Float64Array, b: Float64Array) => a.map((x, k) => (k <= cut ? x : b[k % b.length]));
  return barsFromColumns(
    {
      time: bars.time,
      open: splice(bars.open, other.open),
      high: splice(bars.high, other.high),
      low: splice(bars.low, other.low),
      close: splice(bars.close, other.close),
      volume: splice(bars.volume, other.volume),
    },
    { isDatetime: bars.isDatetime },
  );
}

describe('rule properties', () => {
  it('well-formed rules only ever fail with an EngineError, in canonicalRules or in a backtest', () => {
    fc.assert(
      fc.property(bool, fc.option(bool), volumeBarsArb({ minBars: 5, maxBars: 60 }), (entry, exit, bars) =>
        onlyEngineErrors(() => {
          const strategy = defineRuleStrategy(canonicalRules({ entry, exit, params, stopLossPct: 5 }));
          runBacktest({ bars, strategy });
        }),
      ),
      { numRuns: 300 },
    );
  });

  it('a number where a rule belongs, or any text at all, fails with an EngineError only', () => {
    fc.assert(
      fc.property(
        fc.oneof(num, fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 30 })),
        (text) => onlyEngineErrors(() => canonicalRules({ entry: text, params })),
      ),
      { numRuns: 400 },
    );
    expect(() => canonicalRules({ entry: 'sma(close, n) + 1', params })).toThrow(EngineError);
  });

  it('bars after i never change a signal at or before i (no look-ahead)', () => {
    let compared = 0;
    fc.assert(
      fc.property(
        bool,
        volumeBarsArb({ minBars: 20, maxBars: 60 }),
        volumeBarsArb({ minBars: 20, maxBars: 60 }),
        fc.nat(),
        (text, bars, other, seed) => {
          const cut = seed % bars.length;
          const full = signals(text, bars);
          if (full === undefined) return true;
          const changed = signals(text, withTail(bars, other, cut));
          compared++;
          for (let i = 0; i <= cut; i++) {
            if (!Object.is(full[i], changed![i]))
              throw new Error(`${text}: signal at bar ${i} <= ${cut} changed`);
          }
          return true;
        },
      ),
      { numRuns: 300 },
    );
    expect(compared).toBeGreaterThan(100);
  });
});
