import type { BacktestOutcome } from '../backtests/backtest-service.ts';
import type { BacktestRun } from '../backtests/result.ts';
import { builder } from './builder.ts';
import { RuleStrategyInput } from './rules.ts';
import { engineOptionFields } from './engine-inputs.ts';
import { DataReportRef } from './data-report.ts';
import { BacktestStatsRef } from './stats.ts';

export const EquityPointRef = builder.objectRef<BacktestRun['equityCurve'][number]>('EquityPoint').implement({
  description: 'Equity at the close of one bar.',
  fields: (t) => ({
    date: t.field({ type: 'Date', description: 'Trading day.', resolve: (p) => p.date }),
    equity: t.exposeFloat('equity', { description: 'Cash plus open positions at the close.' }),
    drawdownPct: t.exposeFloat('drawdownPct', { description: 'Drawdown from the running peak, in percent.' }),
  }),
});

const Trade = builder.objectRef<BacktestRun['trades'][number]>('Trade').implement({
  description: 'A trade; open trades (without finalizeTrades) have no exit.',
  fields: (t) => ({
    size: t.exposeFloat('size', { description: 'Units; negative for shorts.' }),
    entryDate: t.field({ type: 'Date', description: 'Entry day.', resolve: (x) => x.entryDate }),
    exitDate: t.field({ type: 'Date', nullable: true, description: 'Exit day.', resolve: (x) => x.exitDate }),
    entryPrice: t.exposeFloat('entryPrice', { description: 'Entry price (spread included).' }),
    exitPrice: t.exposeFloat('exitPrice', { nullable: true, description: 'Exit price.' }),
    pnl: t.exposeFloat('pnl', { nullable: true, description: 'Profit after commissions.' }),
    returnPct: t.exposeFloat('returnPct', {
      nullable: true,
      description: 'Return after commissions, in percent.',
    }),
    commission: t.exposeFloat('commission', { description: 'Entry plus exit commission.' }),
  }),
});

const Timings = builder.objectRef<BacktestOutcome['timings']>('Timings').implement({
  description: 'Where the time of this request went.',
  fields: (t) => ({
    dataMs: t.exposeFloat('dataMs', { description: 'Loading price series.' }),
    engineMs: t.exposeFloat('engineMs', { description: 'Running the engine (0 when cached).' }),
    totalMs: t.exposeFloat('totalMs', { description: 'The whole backtest.' }),
  }),
});

export const BenchmarkStatsRef = builder
  .objectRef<NonNullable<BacktestRun['benchmark']>>('BenchmarkStats')
  .implement({
    description: 'Alpha and beta of the strategy against another series.',
    fields: (t) => ({
      ticker: t.exposeString('ticker', { description: 'The benchmark ticker.' }),
      alphaPct: t.exposeFloat('alphaPct', { nullable: true, description: "Jensen's alpha in percent." }),
      beta: t.exposeFloat('beta', { nullable: true, description: 'Beta of daily log returns.' }),
    }),
  });

const BacktestResult = builder.objectRef<BacktestOutcome>('BacktestResult').implement({
  description: 'The outcome of one backtest.',
  interfaces: [DataReportRef],
  fields: (t) => ({
    key: t.exposeID('key', {
      description: 'Result cache key: SHA-256 of the canonical request and the price data.',
    }),
    cached: t.exposeBoolean('cached', {
      description: 'Served from the result cache without running the engine.',
    }),
    ticker: t.exposeString('ticker', { description: 'Ticker traded.' }),
    strategy: t.exposeString('strategy', { description: 'Strategy name.' }),
    params: t.field({
      type: 'JSONObject',
      description: 'Params used, defaults filled in.',
      resolve: (r) => r.params,
    }),
    stats: t.field({ type: BacktestStatsRef, description: 'Statistics.', resolve: (r) => r.stats }),
    equityCurve: t.field({
      type: [EquityPointRef],
      description: 'Equity per bar.',
      resolve: (r) => r.equityCurve,
    }),
    trades: t.field({ type: [Trade], description: 'Trades in order of closing.', resolve: (r) => r.trades }),
    benchmark: t.field({
      type: BenchmarkStatsRef,
      nullable: true,
      description: 'Against `benchmark`, when given.',
      resolve: (r) => r.benchmark,
    }),
    timings: t.field({ type: Timings, description: 'Timings of this request.', resolve: (r) => r.timings }),
  }),
});

const BacktestInput = builder.inputType('BacktestInput', {
  description: 'One strategy on one ticker over a date range.',
  fields: (t) => ({
    ticker: t.string({ required: true, description: 'Ticker symbol.' }),
    from: t.field({ type: 'Date', required: true, description: 'First date (inclusive).' }),
    to: t.field({ type: 'Date', required: true, description: 'Last date (inclusive).' }),
    adjusted: t.boolean({ defaultValue: true, description: 'Adjust prices for splits and dividends.' }),
    strategy: t.string({
      description: 'Strategy name (see `strategies`: a built-in or a saved rule strategy); or give `rules`.',
    }),
    rules: t.field({
      type: RuleStrategyInput,
      description: 'A rule strategy inline, instead of `strategy`.',
    }),
    params: t.field({
      type: 'JSONObject',
      description: 'Strategy params; missing ones take their defaults.',
    }),
    ...engineOptionFields(t),
    benchmark: t.string({ description: 'Another ticker to compute alpha and beta against.' }),
  }),
});

builder.queryField('backtest', (t) =>
  t.field({
    type: BacktestResult,
    nullable: true,
    description: 'Runs (or answers from the result cache) one backtest.',
    args: { input: t.arg({ type: BacktestInput, required: true, description: 'What to backtest.' }) },
    resolve: (_root, { input }, ctx) =>
      ctx.services.backtests.run(input, ctx.loaders.seriesByKey, ctx.signal),
  }),
);
