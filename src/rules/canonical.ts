import { EngineError } from '../engine/errors.ts';
import type { RuleNode } from './ast.ts';
import { checkRule, isSeriesName, type WindowUse } from './check.ts';
import { isFunctionName } from './functions.ts';
import { MAX_RULE_PARAMS } from './limits.ts';
import { parseRuleExpression } from './parse.ts';
import {
  type CanonicalRuleParam,
  type CanonicalRules,
  RULE_NAMES,
  type RuleName,
  type RuleStrategyInput,
} from './rule-input.ts';

/** The field prefix of every error: paths are relative to the request input. */
export const RULES_FIELD = 'rules';

const RESERVED = new Set(['and', 'or', 'not', 'true', 'false', 'null', 'this']);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface AnalyzedRules {
  readonly canonical: CanonicalRules;
  /** The parsed and checked rules that are given. */
  readonly trees: Readonly<Partial<Record<RuleName, RuleNode>>>;
}

/**
 * Validates everything about a rule strategy that does not need bars and returns its canonical
 * form (see CanonicalRules). Throws EngineError with `field` relative to the request input
 * (`rules.entry`, `rules.params[1].max`, `rules.size`); expression errors end with
 * `at character N`, N counted in the trimmed expression.
 */
export function canonicalRules(input: RuleStrategyInput): CanonicalRules {
  return analyzeRules(input).canonical;
}

export function analyzeRules(input: RuleStrategyInput): AnalyzedRules {
  if (typeof input !== 'object' || input === null) {
    throw new EngineError(RULES_FIELD, 'a rule strategy must be an object');
  }
  const params = canonicalParams(input.params);
  const byName = new Map(params.map((p) => [p.name, p]));
  const texts: Partial<Record<RuleName, string>> = {};
  for (const rule of RULE_NAMES) {
    const text = input[rule];
    if (text === null || text === undefined) continue;
    if (typeof text !== 'string') throw new EngineError(field(rule), `${rule} must be a string`);
    if (text.trim() !== '') texts[rule] = text.trim();
  }
  if (texts.entry === undefined && texts.shortEntry === undefined) {
    throw new EngineError(field('entry'), 'give an entry or a shortEntry rule (or both)');
  }
  const trees: Partial<Record<RuleName, RuleNode>> = {};
  const windows: { use: WindowUse; rule: RuleName }[] = [];
  for (const rule of RULE_NAMES) {
    const text = texts[rule];
    if (text === undefined) continue;
    const tree = parseRuleExpression(text, field(rule));
    for (const use of checkRule(tree, field(rule), byName)) windows.push({ use, rule });
    trees[rule] = tree;
  }
  const finalParams = params.map((param): CanonicalRuleParam => {
    const use = windows.find((w) => w.use.param === param.name);
    if (use === undefined) return param;
    const at = `${fieldOfParam(input, param.name)}`;
    const where = `${param.name} is the window ${use.use.fn}(…) in ${use.rule} at character ${use.use.at}`;
    if (param.min !== null && param.min < 1) throw new EngineError(`${at}.min`, `${where}: min must be >= 1`);
    if (param.default < 1) throw new EngineError(`${at}.default`, `${where}: default must be >= 1`);
    if (param.max !== null && param.max < 1) throw new EngineError(`${at}.max`, `${where}: max must be >= 1`);
    return Object.freeze({ ...param, min: param.min ?? 1 });
  });
  const canonical: CanonicalRules = Object.freeze({
    entry: texts.entry ?? null,
    exit: texts.exit ?? null,
    shortEntry: texts.shortEntry ?? null,
    shortExit: texts.shortExit ?? null,
    params: Object.freeze(finalParams),
    size: orderSize(input.size),
    stopLossPct: percent('stopLossPct', input.stopLossPct, 99),
    takeProfitPct: percent('takeProfitPct', input.takeProfitPct, 1000),
    trailingAtr: trailingMultiple(input.trailingAtr),
  });
  return { canonical, trees };
}

function field(name: string): string {
  return `${RULES_FIELD}.${name}`;
}

function fieldOfParam(input: RuleStrategyInput, name: string): string {
  const index = (input.params ?? []).findIndex((p) => p.name.trim() === name);
  return field(`params[${index}]`);
}

function canonicalParams(raw: RuleStrategyInput['params']): CanonicalRuleParam[] {
  if (raw === null || raw === undefined) return [];
  if (!Array.isArray(raw)) throw new EngineError(field('params'), 'params must be a list');
  if (raw.length > MAX_RULE_PARAMS) {
    throw new EngineError(field('params'), `at most ${MAX_RULE_PARAMS} params, got ${raw.length}`);
  }
  const seen = new Set<string>();
  const params = raw.map((param, index) => {
    const at = field(`params[${index}]`);
    if (typeof param !== 'object' || param === null) throw new EngineError(at, 'a param must be an object');
    const name = typeof param.name === 'string' ? param.name.trim() : '';
    if (!IDENTIFIER.test(name)) {
      throw new EngineError(
        `${at}.name`,
        `param name ${JSON.stringify(param.name)} must be an identifier (letters, digits, _)`,
      );
    }
    if (isSeriesName(name) || isFunctionName(name) || RESERVED.has(name)) {
      throw new EngineError(`${at}.name`, `param name "${name}" is taken by the language`);
    }
    if (seen.has(name)) throw new EngineError(`${at}.name`, `param "${name}" is declared twice`);
    seen.add(name);
    const integer = param.integer ?? true;
    if (typeof integer !== 'boolean') throw new EngineError(`${at}.integer`, 'integer must be a boolean');
    const number = (key: 'default' | 'min' | 'max', value: unknown): number | null => {
      if (value === null || value === undefined) {
        if (key === 'default') throw new EngineError(`${at}.default`, `param "${name}" needs a default`);
        return null;
      }
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new EngineError(`${at}.${key}`, `${key} of "${name}" must be a finite number`);
      }
      if (integer && !Number.isInteger(value)) {
        throw new EngineError(`${at}.${key}`, `${key} of "${name}" must be a whole number (integer param)`);
      }
      return value === 0 ? 0 : value;
    };
    const min = number('min', param.min);
    const max = number('max', param.max);
    const value = number('default', param.default) as number;
    if (min !== null && max !== null && max < min) {
      throw new EngineError(`${at}.max`, `max of "${name}" (${max}) is below its min (${min})`);
    }
    if ((min !== null && value < min) || (max !== null && value > max)) {
      throw new EngineError(
        `${at}.default`,
        `default of "${name}" (${value}) is outside [${min ?? '-∞'}, ${max ?? '∞'}]`,
      );
    }
    return Object.freeze({ name, default: value, min, max, integer });
  });
  return params.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function orderSize(size: unknown): number | null {
  if (size === null || size === undefined) return null;
  if (
    typeof size !== 'number' ||
    !((size > 0 && size < 1) || (size >= 1 && Number.isInteger(size) && size < 2 ** 53))
  ) {
    throw new EngineError(field('size'), 'size must be a fraction in (0, 1) or a whole number of units >= 1');
  }
  return size;
}

function percent(name: string, value: unknown, max: number): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number' || !(value >= 0 && value <= max)) {
    throw new EngineError(field(name), `${name} must be a percentage in [0, ${max}] (0 = none)`);
  }
  return value === 0 ? null : value;
}

function trailingMultiple(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number' || !(value >= 0 && Number.isFinite(value))) {
    throw new EngineError(field('trailingAtr'), 'trailingAtr must be a positive number of ATRs (0 = none)');
  }
  return value === 0 ? null : value;
}
