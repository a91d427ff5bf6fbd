/**
 * Rule strategies: a strategy written as four conditions over the bars.
 *
 * Language (parse.ts, check.ts, functions.ts): numbers, the series `open high low close volume`,
 * declared params, `+ - * /`, `< <= > >= == !=`, `and or not`, parentheses and the functions of
 * functions.ts. Conditions and numbers are distinct types; windows are numbers or integer params.
 *
 * API, in order of use (every failure is an EngineError whose `field` is relative to the request
 * input, e.g. `rules.entry`, `rules.params[1].max`; expression messages end `at character N`):
 * - `canonicalRules(input: RuleStrategyInput): CanonicalRules` (canonical.ts): validates all that
 *   needs no bars and returns plain JSON with a fixed key order, for hashing and for workers;
 * - `defineRuleStrategy(rules: CanonicalRules, name = 'rules'): StrategyDefinition` (here): the
 *   strategy for runBacktest / optimize; its `init` throws EngineError when a rule needs more bars
 *   than the series has.
 */
import {
  defineStrategy,
  type NumberParamSpec,
  type ParamSpecs,
  type StrategyDefinition,
} from '../engine/strategy.ts';
import { AtrTrailingStop } from '../strategies/trailing-stop.ts';
import { analyzeRules, RULES_FIELD } from './canonical.ts';
import { RuleEvaluator } from './evaluate.ts';
import { checkLookback } from './lookback.ts';
import { type CanonicalRules, RULE_NAMES, type RuleName } from './rule-input.ts';
import { ruleNext, type RuleSignals } from './rule-next.ts';

/** ATR window of the trailing stop (backtesting.py's TrailingStrategy default). */
export const TRAILING_ATR_PERIODS = 100;

/**
 * A StrategyDefinition from canonical rules (re-validated, so rules that crossed a thread or a
 * database are safe). Params are the rule params as `int` / `float` NumberParamSpecs with their
 * bounds. `init` checks every rule's lookback against the bars (EngineError on `rules.<rule>`,
 * `… at character N`), evaluates the rules into signal vectors through the indicator memo and
 * returns the O(1)-per-bar next of rule-next.ts. Throws EngineError for invalid rules.
 */
export function defineRuleStrategy(rules: CanonicalRules, name = 'rules'): StrategyDefinition<ParamSpecs> {
  const { canonical, trees } = analyzeRules(rules);
  const params: Record<string, NumberParamSpec> = {};
  for (const param of canonical.params) {
    params[param.name] = {
      type: param.integer ? 'int' : 'float',
      default: param.default,
      ...(param.min === null ? {} : { min: param.min }),
      ...(param.max === null ? {} : { max: param.max }),
      description: `Rule param ${param.name}`,
    };
  }
  const given = RULE_NAMES.filter((rule) => trees[rule] !== undefined);
  return defineStrategy<ParamSpecs>({
    name,
    description: `Rule strategy: ${given.map((rule) => `${rule}: ${canonical[rule]}`).join('; ')}`,
    params,
    init({ bars, params: values, indicator }) {
      const bound = values as Readonly<Record<string, number>>;
      for (const rule of given) checkLookback(trees[rule]!, `${RULES_FIELD}.${rule}`, bound, bars.length);
      const evaluator = new RuleEvaluator(bars, bound, indicator);
      const signal = (rule: RuleName) => {
        const tree = trees[rule];
        return tree === undefined ? null : evaluator.condition(tree);
      };
      const signals: RuleSignals = {
        entry: signal('entry'),
        exit: signal('exit'),
        shortEntry: signal('shortEntry'),
        shortExit: signal('shortExit'),
      };
      const trailing =
        canonical.trailingAtr === null
          ? null
          : new AtrTrailingStop(bars, TRAILING_ATR_PERIODS, canonical.trailingAtr);
      return {
        next: ruleNext(signals, bars.close, {
          size: canonical.size ?? undefined,
          sl: (canonical.stopLossPct ?? 0) / 100,
          tp: (canonical.takeProfitPct ?? 0) / 100,
          trailing,
        }),
      };
    },
  });
}
