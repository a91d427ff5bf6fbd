/**
 * Serialization: a cached 25,000-bar priceSeries through the whole in-process GraphQL path
 * (app.fetch, body read in full) as `bars { … }` and as `columns { … }`, each against its floor
 * measured in the same run: JSON.stringify of the same response built by hand (objects per bar
 * for `bars`, the arrays for `columns`).
 */
import { join } from 'node:path';
import { fingerprintColumns, type SeriesKey, seriesKeyString } from '../src/market-data/series.ts';
import { createHarness } from '../test/support/harness.ts';
import { randomWalkColumns } from './lib/bars.ts';
import { tempDir } from './lib/fixtures.ts';
import { measureSync, sampleAsync, type Summary } from './lib/measure.ts';
import type { BenchRow } from './lib/report.ts';
import { progress, runSection } from './lib/section.ts';

const BARS = 25_000;
const KEY: SeriesKey = { ticker: 'SERIAL', from: '1900-01-01', to: '2099-12-31', adjusted: true };
const query = (selection: string) =>
  `query ($t: String!, $from: Date!, $to: Date!) { priceSeries(ticker: $t, from: $from, to: $to) { source barCount ${selection} } }`;
const BARS_QUERY = query('bars { date open high low close volume }');
const COLUMNS_QUERY = query('columns { dates open high low close volume }');

const perBar = (s: Summary) => `${((s.medianMs * 1e3) / BARS).toFixed(2)} µs/bar`;

await runSection('serialization', 'Serialization', async () => {
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const columns = randomWalkColumns(BARS);
  const temp = tempDir('serialization');
  const harness = await createHarness({
    databaseUrl: `file:${join(temp.dir, 'serialization.db')}`,
    // 25k bars is over the default cost limit, and one client sends every sample.
    env: { MAX_RANGE_YEARS: '200', MAX_QUERY_COST: '100000000', RATE_LIMIT_PER_MINUTE: '0' },
  });
  try {
    await harness.services.seriesCache.set(
      seriesKeyString(KEY),
      { columns, fingerprint: fingerprintColumns(columns) },
      3_600_000,
    );
    const fetchText = (text: string) => async () => {
      const response = await harness.app.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: text, variables: { t: KEY.ticker, from: KEY.from, to: KEY.to } }),
      });
      const body = await response.text();
      if (!body.includes('"source":"MEMORY"')) throw new Error(`not a cache hit: ${body.slice(0, 300)}`);
      return body;
    };
    const head = { source: 'MEMORY', barCount: BARS };
    // The same JSON the service answers, to be sure the floors print what the rows print.
    const barsFloor = () =>
      JSON.stringify({
        data: {
          priceSeries: {
            ...head,
            bars: columns.dates.map((date, i) => ({
              date,
              open: columns.open[i],
              high: columns.high[i],
              low: columns.low[i],
              close: columns.close[i],
              volume: columns.volume[i],
            })),
          },
        },
      });
    const columnsFloor = () =>
      JSON.stringify({
        data: {
          priceSeries: {
            ...head,
            columns: {
              dates: columns.dates,
              open: columns.open,
              high: columns.high,
              low: columns.low,
              close: columns.close,
              volume: columns.volume,
            },
          },
        },
      });
    const compiledBefore = (await harness.services.metrics.compiledOperations.get()).values[0]?.value ?? 0;
    if ((await fetchText(BARS_QUERY)()) !== barsFloor())
      throw new Error('bars: the floor differs from the answer');
    if ((await fetchText(COLUMNS_QUERY)()) !== columnsFloor())
      throw new Error('columns: the floor differs from the answer');

    // The rows time the compiled executor (graphql-jit), as the service runs these queries.
    const compiledAfter = (await harness.services.metrics.compiledOperations.get()).values[0]?.value ?? 0;
    if (compiledAfter - compiledBefore !== 2) throw new Error('the queries did not run compiled');
    const options = { warmup: 5, minSamples: 15, minTimeMs: 2000 };
    /** One selection's two rows: its JSON floor, and the query against it with its target. */
    const measurePair = async (
      id: 'bars' | 'columns',
      floor: () => string,
      floorWhat: string,
      text: string,
      maxRatio: number,
    ) => {
      progress(`${id}: floor, then the query`);
      const floorSummary = await measureSync(floor, { minTimeMs: 800 });
      const summary = await sampleAsync(fetchText(text), options);
      rows.push(
        {
          id: `${id}-floor`,
          label: `${BARS} bars: JSON.stringify of the ${floorWhat} (floor)`,
          ...floorSummary,
          extra: perBar(floorSummary),
        },
        {
          id,
          label: `priceSeries ${BARS} bars as ${id} { … }, cached`,
          ...summary,
          baseline: `${id}-floor`,
          target: {
            text: `≤ ${maxRatio}× its JSON floor`,
            met: summary.medianMs <= maxRatio * floorSummary.medianMs,
          },
          extra: perBar(summary),
        },
      );
    };
    await measurePair('bars', barsFloor, 'rows', BARS_QUERY, 3);
    await measurePair('columns', columnsFloor, 'arrays', COLUMNS_QUERY, 1.5);
    notes.push(
      `Serialization: a ${BARS}-bar random walk put straight into the in-process cache; each row is one in-process app.fetch with the body read in full (parse, validate, execute, serialize), its floor JSON.stringify of the identical response text built by hand.`,
    );
  } finally {
    await harness.close();
    temp.remove();
  }
  return { rows, notes };
});
process.exit(0);
