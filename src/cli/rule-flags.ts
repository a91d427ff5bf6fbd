import { readFile } from 'node:fs/promises';
import { EngineError } from '../engine/errors.ts';
import type { StrategyRef } from '../inputs/strategy-ref.ts';
import { canonicalRules } from '../rules/canonical.ts';
import { defineRuleStrategy } from '../rules/define.ts';
import type { RuleParamInput, RuleStrategyInput } from '../rules/rule-input.ts';
import type { AnyStrategyDefinition } from '../strategies/registry.ts';
import { toStrategy } from './engine-flags.ts';
import { runtimeError, usageError } from './errors.ts';
import { type FlagSpec, type ParsedFlags, toNumber } from './flags.ts';

/** Flags that give a rule strategy instead of `--strategy`. */
export const RULE_FLAGS: FlagSpec = {
  rules: 'value',
  entry: 'value',
  exit: 'value',
  'short-entry': 'value',
  'short-exit': 'value',
  'rule-param': 'list',
};

const EXPRESSION_FLAGS = {
  entry: 'entry',
  exit: 'exit',
  shortEntry: 'short-entry',
  shortExit: 'short-exit',
} as const;

/** `name=default[:min[:max]]`, e.g. `fast=10:2:50`; a non-integral number makes the param a float. */
function toRuleParam(entry: string): RuleParamInput {
  const eq = entry.indexOf('=');
  const name = eq < 0 ? '' : entry.slice(0, eq).trim();
  const parts = entry.slice(eq + 1).split(':');
  if (name === '' || parts.length > 3 || parts[0].trim() === '') {
    throw usageError(`--rule-param: expected name=default[:min[:max]], got "${entry}"`);
  }
  const [value, min, max] = parts.map((p) =>
    p.trim() === '' ? null : toNumber(`--rule-param ${name}`, p.trim()),
  );
  const numbers = [value, min, max].filter((x): x is number => typeof x === 'number');
  return {
    name,
    default: value!,
    min: min ?? null,
    max: max ?? null,
    integer: numbers.every(Number.isInteger),
  };
}

async function rulesFromFile(path: string): Promise<RuleStrategyInput> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw runtimeError(
      `--rules: cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  try {
    return JSON.parse(text) as RuleStrategyInput;
  } catch (error) {
    throw usageError(`--rules: ${path} is not JSON (${(error as Error).message})`);
  }
}

/** The flag a rule error belongs to: `rules.shortEntry` → `--short-entry`, params → `--rule-param`. */
function ruleFlag(field: string, fromFile: string | undefined): string {
  if (fromFile !== undefined) return `--rules ${fromFile}: ${field.replace(/^rules\.?/, '') || 'rules'}`;
  const rule = field.split('.')[1] ?? '';
  if (rule in EXPRESSION_FLAGS) return `--${EXPRESSION_FLAGS[rule as keyof typeof EXPRESSION_FLAGS]}`;
  if (rule.startsWith('params')) return '--rule-param';
  return '--entry';
}

/**
 * The strategy of `backtest` / `optimize`: `--strategy NAME` (a built-in), or a rule strategy
 * from `--rules FILE.json` (a RuleStrategyInput) or from `--entry`, `--exit`, `--short-entry`,
 * `--short-exit` and `--rule-param name=default:min:max`. Rule errors name the flag at fault.
 */
export async function toStrategyChoice(
  command: string,
  flags: ParsedFlags,
): Promise<{ definition: AnyStrategyDefinition; ref: StrategyRef }> {
  const file = flags.values.get('rules');
  const expressions = Object.values(EXPRESSION_FLAGS).filter((f) => flags.values.has(f));
  const ruleParams = flags.lists.get('rule-param') ?? [];
  const wantsRules = file !== undefined || expressions.length > 0 || ruleParams.length > 0;
  if (!wantsRules) {
    const definition = toStrategy(command, flags);
    return { definition, ref: { name: definition.name, rules: null } };
  }
  if (flags.values.has('strategy'))
    throw usageError(`${command}: give --strategy or a rule strategy, not both`);
  if (file !== undefined && (expressions.length > 0 || ruleParams.length > 0)) {
    throw usageError(`${command}: give --rules FILE or --entry/--exit/… flags, not both`);
  }
  const input: RuleStrategyInput =
    file !== undefined
      ? await rulesFromFile(file)
      : {
          entry: flags.values.get('entry'),
          exit: flags.values.get('exit'),
          shortEntry: flags.values.get('short-entry'),
          shortExit: flags.values.get('short-exit'),
          params: ruleParams.map(toRuleParam),
        };
  try {
    const rules = canonicalRules(input);
    return { definition: defineRuleStrategy(rules), ref: { name: 'rules', rules } };
  } catch (error) {
    if (error instanceof EngineError) throw usageError(`${ruleFlag(error.field, file)}: ${error.message}`);
    throw error;
  }
}
