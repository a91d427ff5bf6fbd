import type DataLoader from 'dataloader';
import { dateToUtcMs } from '../dates.ts';
import { barsFromColumns, type Bars } from '../engine/bars.ts';
import type { PriceSeries, SeriesKey, SeriesSource } from '../market-data/series.ts';

/** What the backtest, optimization and portfolio services need of the request's series loader. */
export type SeriesLoader = Pick<DataLoader<SeriesKey, PriceSeries, string>, 'loadMany'>;

/** Loads every series in one batch, in key order; the first failure is thrown as it is. */
export async function loadSeries(loader: SeriesLoader, keys: readonly SeriesKey[]): Promise<PriceSeries[]> {
  const loaded = await loader.loadMany(keys);
  const failed = loaded.find((r) => r instanceof Error);
  if (failed) throw failed;
  return loaded as PriceSeries[];
}

/** Columnar engine bars of a daily series (datetime index at 00:00 UTC of each trading day). */
export function seriesToBars(series: PriceSeries): Bars {
  const c = series.columns;
  return barsFromColumns(
    {
      time: c.dates.map(dateToUtcMs),
      open: c.open,
      high: c.high,
      low: c.low,
      close: c.close,
      volume: c.volume,
    },
    { isDatetime: true },
  );
}

const SOURCE_DEPTH: Record<SeriesSource, number> = { MEMORY: 0, DATABASE: 1, PROVIDER: 2 };

/** The farthest layer any of the series came from (PROVIDER, else DATABASE, else MEMORY). */
export function sourceOf(series: readonly PriceSeries[]): SeriesSource {
  let source: SeriesSource = 'MEMORY';
  for (const s of series) if (SOURCE_DEPTH[s.source] > SOURCE_DEPTH[source]) source = s.source;
  return source;
}
