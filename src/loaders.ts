import DataLoader from 'dataloader';
import type { PriceSeries, SeriesKey } from './market-data/series.ts';
import { seriesKeyString } from './market-data/series.ts';
import type { Services } from './services.ts';

export interface Loaders {
  /** Every price series an operation needs goes through this one loader (one batch per tick). */
  seriesByKey: DataLoader<SeriesKey, PriceSeries, string>;
}

/** Created per request: never share a loader (and its cache) between requests. */
export function createLoaders(services: Pick<Services, 'seriesReader'>): Loaders {
  return {
    seriesByKey: new DataLoader<SeriesKey, PriceSeries, string>(
      (keys) => services.seriesReader.loadMany(keys),
      {
        cacheKeyFn: seriesKeyString,
        maxBatchSize: 500,
      },
    ),
  };
}
