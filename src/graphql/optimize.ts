import type { OptimizationView, PublicRun } from '../backtests/optimize-service.ts';
import { NUMERIC_STAT_KEYS } from '../engine/optimizer/stat-keys.ts';
import { builder } from './builder.ts';
import { RuleStrategyInput } from './rules.ts';
import { DataReportRef } from './data-report.ts';
import { engineOptionFields } from './engine-inputs.ts';
import { BacktestStatsRef } from './stats.ts';

const ParamRangeInput = builder.inputType('ParamRangeInput', {
  description: 'Values from..to (inclusive) in steps of step.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Param name.' }),
    from: t.float({ required: true, description: 'First value.' }),
    to: t.float({ required: true, description: 'Last value (inclusive).' }),
    step: t.float({ required: true, description: 'Step (> 0).' }),
  }),
});

const OptimizeStat = builder.enumType('OptimizeStat', {
  description: 'A statistic an optimization can maximize: the BacktestStats field of that name.',
  values: Object.fromEntries(
    NUMERIC_STAT_KEYS.map((key) => [key, { value: key, description: `BacktestStats.${key}.` }]),
  ),
});

type FieldBuilder = Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0];

/** The fields of OptimizeInput, shared with the inputs that extend it (WalkForwardInput). */
export const optimizeInputFields = (t: FieldBuilder) => ({
  ticker: t.string({ required: true, description: 'Ticker symbol.' }),
  from: t.field({ type: 'Date', required: true, description: 'First date (inclusive).' }),
  to: t.field({ type: 'Date', required: true, description: 'Last date (inclusive).' }),
  adjusted: t.boolean({ defaultValue: true, description: 'Adjust prices for splits and dividends.' }),
  strategy: t.string({
    description: 'Strategy name (a built-in or a saved rule strategy); or give `rules`.',
  }),
  rules: t.field({
    type: RuleStrategyInput,
    description: 'A rule strategy inline, instead of `strategy`; the grid ranges its params.',
  }),
  grid: t.field({ type: [ParamRangeInput], required: true, description: 'One range per param to vary.' }),
  params: t.field({ type: 'JSONObject', description: 'Fixed params for every run.' }),
  constraint: t.string({
    description: 'Runs must satisfy this, e.g. "fast < slow" (arithmetic, comparisons, and/or/not).',
  }),
  maximize: t.field({
    type: OptimizeStat,
    defaultValue: 'sqn',
    description: 'The statistic to maximize, e.g. sqn, sharpeRatio, returnPct.',
  }),
  ...engineOptionFields(t),
});

export const OptimizeInput = builder.inputType('OptimizeInput', {
  description: 'A grid search over strategy params.',
  fields: optimizeInputFields,
});

const OptimizationRun = builder.objectRef<PublicRun>('OptimizationRun').implement({
  description: 'One run of the grid.',
  fields: (t) => ({
    params: t.field({ type: 'JSONObject', description: 'Params of this run.', resolve: (r) => r.params }),
    value: t.exposeFloat('value', {
      nullable: true,
      description: 'The maximized statistic (null when undefined).',
    }),
    stats: t.field({ type: BacktestStatsRef, description: 'All statistics.', resolve: (r) => r.stats }),
  }),
});

export const OptimizationResult = builder.objectRef<OptimizationView>('OptimizationResult').implement({
  description: 'The outcome of a grid search.',
  interfaces: [DataReportRef],
  fields: (t) => ({
    runCount: t.exposeInt('runCount', { description: 'Runs after the constraint.' }),
    elapsedMs: t.exposeFloat('elapsedMs', { description: 'Wall time of the search.' }),
    best: t.field({
      type: OptimizationRun,
      description: 'The run with the greatest value.',
      resolve: (r) => r.best,
    }),
    runs: t.field({
      type: [OptimizationRun],
      description: 'Every run, in grid order (heatmaps).',
      resolve: (r) => r.runs,
    }),
  }),
});

builder.mutationField('optimizeStrategy', (t) =>
  t.field({
    type: OptimizationResult,
    nullable: true,
    description: 'Runs the strategy over a param grid on worker threads; at most MAX_OPTIMIZE_RUNS runs.',
    args: { input: t.arg({ type: OptimizeInput, required: true, description: 'The search.' }) },
    resolve: (_root, { input }, ctx) =>
      ctx.services.optimizer.run(input, ctx.loaders.seriesByKey, ctx.signal),
  }),
);
