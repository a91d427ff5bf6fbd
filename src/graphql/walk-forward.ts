import type { WalkForwardView, WalkForwardWindowView } from '../jobs/job-views.ts';
import { EquityPointRef } from './backtest.ts';
import { builder } from './builder.ts';
import { optimizeInputFields } from './optimize.ts';
import { BacktestStatsRef } from './stats.ts';

export const WalkForwardInput = builder.inputType('WalkForwardInput', {
  description:
    'A walk-forward analysis: the grid optimized on each training window, tested on the next bars.',
  fields: (t) => ({
    ...optimizeInputFields(t),
    trainBars: t.int({
      required: true,
      description: 'Bars per training window (≥ 2; the first one when anchored).',
    }),
    testBars: t.int({
      required: true,
      description: 'Bars per test window (≥ 1); windows step by this many.',
    }),
    anchored: t.boolean({ defaultValue: false, description: 'Train every window from the first bar.' }),
  }),
});

const WalkForwardWindow = builder.objectRef<WalkForwardWindowView>('WalkForwardWindow').implement({
  description: 'One training window and the test window after it (dates of their first and last bars).',
  fields: (t) => ({
    trainFrom: t.field({ type: 'Date', description: 'First training bar.', resolve: (w) => w.trainFrom }),
    trainTo: t.field({ type: 'Date', description: 'Last training bar.', resolve: (w) => w.trainTo }),
    testFrom: t.field({ type: 'Date', description: 'First test bar.', resolve: (w) => w.testFrom }),
    testTo: t.field({ type: 'Date', description: 'Last test bar.', resolve: (w) => w.testTo }),
    params: t.field({
      type: 'JSONObject',
      description: 'The best params on the training bars.',
      resolve: (w) => w.params,
    }),
    inSampleValue: t.exposeFloat('inSampleValue', {
      nullable: true,
      description: 'The maximized statistic of the best training run.',
    }),
    outOfSample: t.field({
      type: BacktestStatsRef,
      description: 'Statistics of the test window.',
      resolve: (w) => w.outOfSample,
    }),
  }),
});

export const WalkForwardResult = builder.objectRef<WalkForwardView>('WalkForwardResult').implement({
  description: 'The outcome of a walk-forward analysis.',
  fields: (t) => ({
    windows: t.field({
      type: [WalkForwardWindow],
      description: 'Every window in order.',
      resolve: (r) => r.windows,
    }),
    outOfSample: t.field({
      type: BacktestStatsRef,
      description: 'Statistics of the stitched test windows.',
      resolve: (r) => r.outOfSample,
    }),
    equityCurve: t.field({
      type: [EquityPointRef],
      description: 'Stitched out-of-sample equity per test bar (cash carried from window to window).',
      resolve: (r) => r.equityCurve,
    }),
    efficiency: t.exposeFloat('efficiency', {
      nullable: true,
      description: 'Out-of-sample value of the maximized statistic ÷ the mean in-sample value.',
    }),
  }),
});
