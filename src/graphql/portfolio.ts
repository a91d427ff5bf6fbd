import type { PortfolioHolding, PortfolioRun } from '../backtests/portfolio-service.ts';
import { BenchmarkStatsRef, EquityPointRef } from './backtest.ts';
import { builder } from './builder.ts';
import { RuleStrategyInput } from './rules.ts';
import { forwardPage } from './connection.ts';
import { DataReportRef } from './data-report.ts';
import { BacktestStatsRef } from './stats.ts';

const Rebalance = builder.enumType('Rebalance', {
  description: 'How often target weights are restored.',
  values: {
    NEVER: { description: 'Buy once at the start and hold.' },
    MONTHLY: { description: 'On the first trading day of each month.' },
    QUARTERLY: { description: 'On the first trading day of each quarter.' },
    YEARLY: { description: 'On the first trading day of each year.' },
  } as const,
});

const HoldingInput = builder.inputType('HoldingInput', {
  description: 'A ticker and its target share of the portfolio.',
  fields: (t) => ({
    ticker: t.string({ required: true, description: 'Ticker symbol.' }),
    weight: t.float({ required: true, description: 'Target weight in [0, 1]; weights sum to at most 1.' }),
  }),
});

const PortfolioBacktestInput = builder.inputType('PortfolioBacktestInput', {
  description: 'Target weights over several tickers from shared cash, or a strategy per holding.',
  fields: (t) => ({
    holdings: t.field({
      type: [HoldingInput],
      required: true,
      description: 'Holdings (at most MAX_TICKERS).',
    }),
    from: t.field({ type: 'Date', required: true, description: 'First date (inclusive).' }),
    to: t.field({ type: 'Date', required: true, description: 'Last date (inclusive).' }),
    adjusted: t.boolean({ defaultValue: true, description: 'Adjust prices for splits and dividends.' }),
    cash: t.float({ defaultValue: 10000, description: 'Initial cash.' }),
    commission: t.float({ defaultValue: 0, description: 'Commission rate on traded value.' }),
    rebalance: t.field({ type: Rebalance, defaultValue: 'NEVER', description: 'Rebalancing schedule.' }),
    strategy: t.string({ description: 'Run this strategy on each holding with its share of the cash.' }),
    rules: t.field({
      type: RuleStrategyInput,
      description: 'Or run this rule strategy on each holding with its share of the cash.',
    }),
    params: t.field({ type: 'JSONObject', description: 'Params of `strategy`.' }),
    benchmark: t.string({ description: 'A ticker to compute alpha and beta against.' }),
  }),
});

const HoldingResult = builder.objectRef<PortfolioHolding>('HoldingResult').implement({
  description: 'How one holding did.',
  fields: (t) => ({
    ticker: t.exposeString('ticker', { description: 'Ticker symbol.' }),
    weight: t.exposeFloat('weight', { description: 'Target weight.' }),
    finalValue: t.exposeFloat('finalValue', { description: 'Value at the end.' }),
    pnl: t.exposeFloat('pnl', { description: 'Profit after commissions.' }),
    returnPct: t.exposeFloat('returnPct', {
      nullable: true,
      description: 'Profit relative to its allocation, in percent.',
    }),
    trades: t.exposeInt('trades', {
      description: 'Buys and sells (target weights) or closed trades (strategy).',
    }),
    stats: t.field({
      type: BacktestStatsRef,
      nullable: true,
      description: "The holding's own statistics (strategy mode).",
      resolve: (h) => h.stats,
    }),
  }),
});

const PortfolioBacktest = builder.objectRef<PortfolioRun>('PortfolioBacktest').implement({
  description: 'A persisted portfolio run.',
  interfaces: [DataReportRef],
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Run id.' }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'When it was computed.',
      resolve: (r) => r.createdAt,
    }),
    input: t.field({
      type: 'JSONObject',
      description: 'The canonical request: holdings sorted, defaults filled in.',
      resolve: (r) => r.input as unknown as Record<string, unknown>,
    }),
    stats: t.field({
      type: BacktestStatsRef,
      description: 'Statistics of the combined equity.',
      resolve: (r) => r.stats,
    }),
    equityCurve: t.field({
      type: [EquityPointRef],
      description: 'Combined equity per date.',
      resolve: (r) => r.equityCurve,
    }),
    holdings: t.field({ type: [HoldingResult], description: 'Per holding.', resolve: (r) => r.holdings }),
    benchmark: t.field({
      type: BenchmarkStatsRef,
      nullable: true,
      description: 'Against `benchmark`, when given.',
      resolve: (r) => r.benchmark,
    }),
  }),
});

builder.mutationField('runPortfolioBacktest', (t) =>
  t.field({
    type: PortfolioBacktest,
    nullable: true,
    description: 'Runs and stores a portfolio backtest; an identical request returns the stored run.',
    args: { input: t.arg({ type: PortfolioBacktestInput, required: true, description: 'The portfolio.' }) },
    resolve: (_root, { input }, ctx) =>
      ctx.services.portfolios.run(input, ctx.loaders.seriesByKey, ctx.signal),
  }),
);

builder.queryField('portfolioBacktest', (t) =>
  t.field({
    type: PortfolioBacktest,
    nullable: true,
    description: 'A stored portfolio run by id (null when there is none).',
    args: { id: t.arg.id({ required: true, description: 'Run id.' }) },
    resolve: (_root, { id }, ctx) => ctx.services.portfolios.get(String(id)),
  }),
);

builder.queryField('portfolioBacktests', (t) =>
  t.connection(
    {
      type: PortfolioBacktest,
      description: 'Stored portfolio runs, newest first (forward pagination: first, after).',
      resolve: (_root, args, ctx) =>
        forwardPage(
          args,
          (run: PortfolioRun) => run.id,
          (limit, after) => ctx.services.portfolios.list(limit, after),
        ),
    },
    { name: 'PortfolioBacktestConnection', description: 'A page of stored portfolio runs.' },
    { name: 'PortfolioBacktestEdge', description: 'A stored portfolio run and its cursor.' },
  ),
);
