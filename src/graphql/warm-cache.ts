import { warmSeries } from '../market-data/warm.ts';
import { toWarmRequest } from '../inputs/series.ts';
import { assertAdmin } from './admin.ts';
import { builder } from './builder.ts';

interface WarmCacheShape {
  requested: number;
  succeeded: number;
  failed: number;
  tickers: { ticker: string; ok: boolean; barCount: number; error: string | null }[];
}

const WarmedTicker = builder.objectRef<WarmCacheShape['tickers'][number]>('WarmedTicker').implement({
  description: 'The outcome of warming one ticker.',
  fields: (t) => ({
    ticker: t.exposeString('ticker', { description: 'Ticker symbol.' }),
    ok: t.exposeBoolean('ok', { description: 'Whether the series is now stored and cached.' }),
    barCount: t.exposeInt('barCount', { description: 'Bars loaded.' }),
    error: t.exposeString('error', { nullable: true, description: 'Why it failed, when it did.' }),
  }),
});

const WarmCacheResult = builder.objectRef<WarmCacheShape>('WarmCacheResult').implement({
  description: 'What a warmCache call loaded.',
  fields: (t) => ({
    requested: t.exposeInt('requested', { description: 'Tickers asked for.' }),
    succeeded: t.exposeInt('succeeded', { description: 'Tickers loaded.' }),
    failed: t.exposeInt('failed', { description: 'Tickers that failed.' }),
    tickers: t.field({
      type: [WarmedTicker],
      description: 'Per ticker, in request order.',
      resolve: (r) => r.tickers,
    }),
  }),
});

builder.mutationField('warmCache', (t) =>
  t.field({
    type: WarmCacheResult,
    nullable: true,
    description:
      'Admin: loads series into the store and cache ahead of demand. Needs the ADMIN_TOKEN bearer.',
    args: {
      tickers: t.arg.stringList({ required: true, description: 'Ticker symbols (at most MAX_TICKERS).' }),
      from: t.arg({ type: 'Date', required: true, description: 'First date (inclusive).' }),
      to: t.arg({ type: 'Date', required: true, description: 'Last date (inclusive).' }),
    },
    resolve: async (_root, args, ctx) => {
      assertAdmin(ctx);
      const request = toWarmRequest(args, ctx.services.config.limits);
      const outcomes = await warmSeries(ctx.services.seriesReader, request, ctx.services.logger);
      const succeeded = outcomes.filter((o) => o.ok).length;
      const requested = request.tickers.length;
      return { requested, succeeded, failed: requested - succeeded, tickers: outcomes };
    },
  }),
);
