/**
 * Growth: engine time (SmaCross(10,30) with finalizeTrades) and GraphQL response time (in-process
 * app.fetch of a cached priceSeries with columns, body read in full) at 1k, 10k and 100k bars.
 * Linear cost shows as a flat ns-per-bar figure.
 */
import { join } from 'node:path';
import { runBacktest } from '../src/engine/backtest.ts';
import { fingerprintColumns, type SeriesKey, seriesKeyString } from '../src/market-data/series.ts';
import { smaCross } from '../src/strategies/sma-cross.ts';
import { createHarness } from '../test/support/harness.ts';
import { columnsToBars, randomWalkColumns } from './lib/bars.ts';
import { tempDir } from './lib/fixtures.ts';
import { measureSync, sampleAsync } from './lib/measure.ts';
import type { BenchRow } from './lib/report.ts';
import { progress, runSection } from './lib/section.ts';

const SIZES = [1_000, 10_000, 100_000];
const label = (n: number) => `${n / 1000}k`;
const QUERY = `query ($t: String!, $from: Date!, $to: Date!) { priceSeries(ticker: $t, from: $from, to: $to) {
  source barCount columns { dates open high low close volume } } }`;

await runSection('growth', 'Growth', async () => {
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const walks = new Map(SIZES.map((n) => [n, randomWalkColumns(n, { seed: 11, weekdays: false })]));

  for (const n of SIZES) {
    progress(`engine, ${label(n)} bars`);
    const bars = columnsToBars(walks.get(n)!);
    const s = await measureSync(
      () =>
        runBacktest({
          bars,
          strategy: smaCross,
          params: { fast: 10, slow: 30 },
          options: { finalizeTrades: true },
        }),
      { minTimeMs: n >= 100_000 ? 2000 : 1000 },
    );
    rows.push({
      id: `engine-${label(n)}`,
      label: `engine SmaCross, ${label(n)} bars`,
      medianMs: s.medianMs,
      p99Ms: s.p99Ms,
      samples: s.samples,
      baseline: n === SIZES[0] ? undefined : `engine-${label(SIZES[0])}`,
      extra: `${((s.medianMs * 1e6) / n).toFixed(0)} ns/bar`,
    });
  }

  const temp = tempDir('growth');
  const harness = await createHarness({
    databaseUrl: `file:${join(temp.dir, 'growth.db')}`,
    // A 100k-bar series is far over the default cost limit, and one client sends every sample:
    // the rows measure execution and serialization, not the limits.
    env: { MAX_RANGE_YEARS: '200', MAX_QUERY_COST: '100000000', RATE_LIMIT_PER_MINUTE: '0' },
  });
  try {
    for (const n of SIZES) {
      progress(`GraphQL columns, ${label(n)} bars`);
      const columns = walks.get(n)!;
      const key: SeriesKey = {
        ticker: `GROWTH${label(n).toUpperCase()}`,
        from: '1900-01-01',
        to: '2099-12-31',
        adjusted: true,
      };
      await harness.services.seriesCache.set(
        seriesKeyString(key),
        { columns, fingerprint: fingerprintColumns(columns) },
        3_600_000,
      );
      const body = JSON.stringify({ query: QUERY, variables: { t: key.ticker, from: key.from, to: key.to } });
      let bytes = 0;
      const fetchOnce = async () => {
        const response = await harness.app.fetch('http://localhost/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        const text = await response.text();
        bytes = text.length;
        if (!text.includes('"source":"MEMORY"')) throw new Error(`not a cache hit: ${text.slice(0, 300)}`);
      };
      const s = await sampleAsync(fetchOnce, {
        warmup: n >= 100_000 ? 2 : 10,
        minSamples: n >= 100_000 ? 6 : 20,
        minTimeMs: n >= 100_000 ? 2500 : 1200,
      });
      rows.push({
        id: `graphql-${label(n)}`,
        label: `GraphQL cached priceSeries columns, ${label(n)} bars`,
        medianMs: s.medianMs,
        p99Ms: s.p99Ms,
        samples: s.samples,
        baseline: n === SIZES[0] ? undefined : `graphql-${label(SIZES[0])}`,
        extra: `${((s.medianMs * 1e6) / n).toFixed(0)} ns/bar, ${(bytes / 1e6).toFixed(2)} MB`,
      });
    }
    notes.push(
      'Growth: random-walk bars on consecutive calendar days; the GraphQL series are put straight into the in-process cache (no real range holds 100k daily bars), so the rows measure execution and serialization.',
    );
  } finally {
    await harness.close();
    temp.remove();
  }
  return { rows, notes };
});
process.exit(0);
