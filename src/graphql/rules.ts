import type { CanonicalRules } from '../rules/rule-input.ts';
import { builder } from './builder.ts';

export const RuleParamInput = builder.inputType('RuleParamInput', {
  description: 'A param of a rule strategy, referenced by name in its expressions.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Identifier used in the expressions, e.g. fast.' }),
    default: t.float({ required: true, description: 'Value when a request gives none.' }),
    min: t.float({ description: 'Lowest allowed value (windows: at least 1).' }),
    max: t.float({ description: 'Highest allowed value.' }),
    integer: t.boolean({ defaultValue: true, description: 'Whole numbers only (windows must be).' }),
  }),
});

export const RuleStrategyInput = builder.inputType('RuleStrategyInput', {
  description:
    'A strategy written as conditions over the bars: `open high low close volume`, numbers, params, `+ - * /`, `< <= > >= == !=`, `and or not` and sma ema rsi atr stdev highest lowest bb_upper bb_lower macd macd_signal crossover crossunder prev change abs min max. Give entry or shortEntry (or both).',
  fields: (t) => ({
    entry: t.string({ description: 'When true and not long: close any short, buy.' }),
    exit: t.string({ description: 'When true and long: close the long.' }),
    shortEntry: t.string({ description: 'When true and not short: close any long, sell.' }),
    shortExit: t.string({ description: 'When true and short: close the short.' }),
    params: t.field({ type: [RuleParamInput], description: 'Params the expressions use.' }),
    size: t.float({
      description: 'Order size: a fraction of available margin in (0, 1), or whole units ≥ 1 (default: all).',
    }),
    stopLossPct: t.float({ description: 'Stop-loss distance from the signal close in percent (0 = none).' }),
    takeProfitPct: t.float({
      description: 'Take-profit distance from the signal close in percent (0 = none).',
    }),
    trailingAtr: t.float({
      description: 'Trailing stop-loss this many ATRs (100-bar mean true range) from the close.',
    }),
  }),
});

const RuleParam = builder.objectRef<CanonicalRules['params'][number]>('RuleParam').implement({
  description: 'A param of a rule strategy.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Identifier used in the expressions.' }),
    default: t.exposeFloat('default', { description: 'Default value.' }),
    min: t.exposeFloat('min', { nullable: true, description: 'Lowest allowed value.' }),
    max: t.exposeFloat('max', { nullable: true, description: 'Highest allowed value.' }),
    integer: t.exposeBoolean('integer', { description: 'Whole numbers only.' }),
  }),
});

export const RuleStrategyRef = builder.objectRef<CanonicalRules>('RuleStrategy').implement({
  description: 'The canonical form of a rule strategy (trimmed expressions, params sorted by name).',
  fields: (t) => ({
    entry: t.exposeString('entry', {
      nullable: true,
      description: 'When true and not long: close any short, buy.',
    }),
    exit: t.exposeString('exit', { nullable: true, description: 'When true and long: close the long.' }),
    shortEntry: t.exposeString('shortEntry', {
      nullable: true,
      description: 'When true and not short: close any long, sell.',
    }),
    shortExit: t.exposeString('shortExit', {
      nullable: true,
      description: 'When true and short: close the short.',
    }),
    params: t.field({ type: [RuleParam], description: 'Its params.', resolve: (r) => [...r.params] }),
    size: t.exposeFloat('size', { nullable: true, description: 'Order size (null: the default, all).' }),
    stopLossPct: t.exposeFloat('stopLossPct', { nullable: true, description: 'Stop-loss in percent.' }),
    takeProfitPct: t.exposeFloat('takeProfitPct', { nullable: true, description: 'Take-profit in percent.' }),
    trailingAtr: t.exposeFloat('trailingAtr', { nullable: true, description: 'Trailing stop in ATRs.' }),
  }),
});
