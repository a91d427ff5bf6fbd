import type { PriceSeries } from '../market-data/series.ts';
import { toSeriesKey, toSeriesKeys } from '../inputs/series.ts';
import { builder } from './builder.ts';

interface Bar {
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export const DataSource = builder.enumType('DataSource', {
  description: 'Where this request got a series from.',
  values: {
    MEMORY: { description: 'The TTL cache (in process, or Redis when configured).' },
    DATABASE: { description: 'The price store, without asking the provider.' },
    PROVIDER: { description: 'At least part of the range was fetched from the provider.' },
  } as const,
});

const PriceBar = builder.objectRef<Bar>('PriceBar').implement({
  description: 'One daily bar. Prices are adjusted for splits and dividends when the series is adjusted.',
  fields: (t) => ({
    date: t.field({ type: 'Date', description: 'Exchange-local trading day.', resolve: (b) => b.date }),
    open: t.exposeFloat('open', { description: 'Opening price.' }),
    high: t.exposeFloat('high', { description: 'Highest price.' }),
    low: t.exposeFloat('low', { description: 'Lowest price.' }),
    close: t.exposeFloat('close', { description: 'Closing price.' }),
    volume: t.exposeFloat('volume', { description: 'Shares traded.' }),
  }),
});

const PriceColumns = builder.objectRef<PriceSeries['columns']>('PriceColumns').implement({
  description: 'The same bars as parallel arrays: compact and ready for charts.',
  fields: (t) => ({
    dates: t.field({ type: ['Date'], description: 'Trading days, ascending.', resolve: (c) => c.dates }),
    open: t.exposeFloatList('open', { description: 'Opening prices.' }),
    high: t.exposeFloatList('high', { description: 'Highest prices.' }),
    low: t.exposeFloatList('low', { description: 'Lowest prices.' }),
    close: t.exposeFloatList('close', { description: 'Closing prices.' }),
    volume: t.exposeFloatList('volume', { description: 'Volumes.' }),
  }),
});

export const PriceSeriesRef = builder.objectRef<PriceSeries>('PriceSeries').implement({
  description: 'Daily bars of one ticker over a date range.',
  fields: (t) => ({
    ticker: t.exposeString('ticker', { description: 'Upper-case ticker symbol.' }),
    from: t.field({ type: 'Date', description: 'First requested date.', resolve: (s) => s.from }),
    to: t.field({ type: 'Date', description: 'Last requested date.', resolve: (s) => s.to }),
    adjusted: t.exposeBoolean('adjusted', {
      description: 'Whether prices are adjusted for splits and dividends.',
    }),
    source: t.field({
      type: DataSource,
      description: 'Where this request got the series.',
      resolve: (s) => s.source,
    }),
    stale: t.exposeBoolean('stale', {
      description: 'True when the provider failed and the stored data was served; it may lack recent bars.',
    }),
    barCount: t.int({ description: 'Number of bars.', resolve: (s) => s.columns.dates.length }),
    bars: t.field({
      type: [PriceBar],
      description: 'The bars as objects.',
      resolve: ({ columns: c }) =>
        c.dates.map((date, i) => ({
          date,
          open: c.open[i],
          high: c.high[i],
          low: c.low[i],
          close: c.close[i],
          volume: c.volume[i],
        })),
    }),
    columns: t.field({
      type: PriceColumns,
      description: 'The bars as parallel arrays.',
      resolve: (s) => s.columns,
    }),
  }),
});

builder.queryField('priceSeries', (t) =>
  t.field({
    type: PriceSeriesRef,
    nullable: true,
    description: 'Daily bars of one ticker between two dates (inclusive).',
    args: {
      ticker: t.arg.string({ required: true, description: 'Ticker symbol, e.g. AAPL, BRK-B, ^GSPC.' }),
      from: t.arg({ type: 'Date', required: true, description: 'First date (inclusive).' }),
      to: t.arg({ type: 'Date', required: true, description: 'Last date (inclusive).' }),
      adjusted: t.arg.boolean({ defaultValue: true, description: 'Adjust prices for splits and dividends.' }),
    },
    resolve: (_root, args, ctx) =>
      ctx.loaders.seriesByKey.load(toSeriesKey(args, ctx.services.config.limits)),
  }),
);

builder.queryField('priceSeriesList', (t) =>
  t.field({
    type: [PriceSeriesRef],
    nullable: { list: true, items: true },
    description:
      'Daily bars of several tickers over the same range, loaded together, in request order. A ticker that fails is null, with an error whose path names its index.',
    args: {
      tickers: t.arg.stringList({ required: true, description: 'Ticker symbols (at most MAX_TICKERS).' }),
      from: t.arg({ type: 'Date', required: true, description: 'First date (inclusive).' }),
      to: t.arg({ type: 'Date', required: true, description: 'Last date (inclusive).' }),
      adjusted: t.arg.boolean({ defaultValue: true, description: 'Adjust prices for splits and dividends.' }),
    },
    resolve: async (_root, args, ctx) => {
      const keys = toSeriesKeys(args, ctx.services.config.limits);
      // graphql reports an Error in a list slot as that item's error (path [field, index]).
      return (await ctx.loaders.seriesByKey.loadMany(keys)) as PriceSeries[];
    },
  }),
);
