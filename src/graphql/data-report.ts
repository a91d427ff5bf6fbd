import type { DataReport } from '../backtests/warnings.ts';
import { builder } from './builder.ts';
import { DataSource } from './price-series.ts';

/** What a result computed on price series says about that data; backtests, sweeps and portfolios. */
export const DataReportRef = builder.interfaceRef<DataReport>('DataReport').implement({
  description: 'What a result says about the price data it was computed on.',
  fields: (t) => ({
    stale: t.exposeBoolean('stale', {
      description: 'Some prices were served from stored data because the price provider failed.',
    }),
    source: t.field({
      type: DataSource,
      description: 'Where the prices came from: the farthest layer any series of the request needed.',
      resolve: (r) => r.source,
    }),
    warnings: t.exposeStringList('warnings', {
      description:
        'What a trader must know that the numbers do not say: stale or clipped data, no trades, a warm-up longer than the range, degenerate params.',
    }),
  }),
});
