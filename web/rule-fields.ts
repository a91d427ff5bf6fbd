import type { RuleParamInput, RuleStrategyInput } from '../schema/generated/graphql.ts';
import { OperationError } from './api.ts';
import { field, h, input } from './dom.ts';

/** `fast=10:2:50, slow=30` → rule params (default, then optional min and max). */
export function parseRuleParams(text: string): RuleParamInput[] {
  const params: RuleParamInput[] = [];
  for (const part of text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')) {
    const match = /^([A-Za-z_]\w*)\s*=\s*([^:]+)(?::([^:]*))?(?::([^:]*))?$/.exec(part);
    const nums = match?.slice(2).map((v) => (v === undefined || v.trim() === '' ? undefined : Number(v)));
    if (match === null || nums === undefined || nums.some((n) => n !== undefined && !Number.isFinite(n))) {
      throw new OperationError([
        {
          message: `"${part}": write name=default:min:max, e.g. fast=10:2:50`,
          extensions: { field: 'input.rules.params' },
        },
      ]);
    }
    params.push({ name: match[1], default: nums[0]!, min: nums[1], max: nums[2] });
  }
  return params;
}

/**
 * A rule strategy typed in: the four conditions and the params they use (README, Rule
 * strategies). Prefilled with SmaCross written as rules.
 */
export function ruleFields(): { element: HTMLFieldSetElement; read(): RuleStrategyInput } {
  const text = (name: string, value = '') => input({ name, value, spellcheck: 'false', autocomplete: 'off' });
  const entry = text('entry', 'crossover(sma(close, fast), sma(close, slow))');
  const exit = text('exit');
  const shortEntry = text('shortEntry', 'crossunder(sma(close, fast), sma(close, slow))');
  const shortExit = text('shortExit');
  const params = text('ruleParams', 'fast=10:2:100, slow=30:5:300');
  const element = h(
    'fieldset',
    { className: 'rules', hidden: true },
    h('legend', {}, 'Rules'),
    field('Entry (long)', entry, { fields: ['input.rules.entry', 'input.rules'] }),
    field('Exit (long)', exit, { fields: ['input.rules.exit'] }),
    field('Entry (short)', shortEntry, { fields: ['input.rules.shortEntry'] }),
    field('Exit (short)', shortExit, { fields: ['input.rules.shortExit'] }),
    field('Rule params', params, {
      fields: ['input.rules.params'],
      hint: 'name=default:min:max, comma-separated',
    }),
  );
  const value = (el: HTMLInputElement) => (el.value.trim() === '' ? undefined : el.value.trim());
  return {
    element,
    read: () => ({
      entry: value(entry),
      exit: value(exit),
      shortEntry: value(shortEntry),
      shortExit: value(shortExit),
      params: parseRuleParams(params.value),
    }),
  };
}
