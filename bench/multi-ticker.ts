/**
 * Multi-ticker: 1 ticker against 10 tickers, cold, in ONE GraphQL operation (priceSeriesList),
 * with 200 ms injected provider latency per request, at the default YAHOO_CONCURRENCY, for 1-
 * and 10-year ranges on SQLite and on MariaDB. Ideal 10-vs-1 ratio: 1 (all fetched in
 * parallel); sequential fetching would be 10.
 */
import { parseConfig } from '../src/config.ts';
import { CHART_EVENTS, chartPeriods } from '../src/market-data/yahoo-provider.ts';
import { createTestDatabase, dropTestDatabase } from '../test/support/mysql.ts';
import { createHarness, type Harness } from '../test/support/harness.ts';
import { MYSQL_BASE_URL, tempDir } from './lib/fixtures.ts';
import { sampleAsync, type Summary } from './lib/measure.ts';
import type { BenchRow } from './lib/report.ts';
import { progress, runSection } from './lib/section.ts';
import { startYahooProcess } from './lib/yahoo-process.ts';

const LATENCY_MS = 200;
const SAMPLES = 6;
const WARMUP = 1;
const QUERY = `query ($tickers: [String!]!, $from: Date!, $to: Date!) {
  priceSeriesList(tickers: $tickers, from: $from, to: $to) { ticker source barCount }
}`;

interface Case {
  storage: 'sqlite' | 'mysql';
  years: 1 | 10;
}
const CONCURRENCY = parseConfig({}).provider.yahoo.concurrency;
const MYSQL_DB = 'bench_multi';

function row(id: string, label: string, s: Summary, more: Partial<BenchRow> = {}): BenchRow {
  return { id, label, medianMs: s.medianMs, p99Ms: s.p99Ms, samples: s.samples, ...more };
}

await runSection('multi', 'Multi-ticker', async () => {
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const yahoo = await startYahooProcess();
  const temp = tempDir('multi');
  const cases: Case[] = [
    { storage: 'sqlite', years: 1 },
    { storage: 'sqlite', years: 10 },
    { storage: 'mysql', years: 1 },
    { storage: 'mysql', years: 10 },
  ];
  const names = (c: Case, width: number) =>
    Array.from({ length: WARMUP + SAMPLES }, (_, s) =>
      Array.from(
        { length: width },
        (_, k) => `M${c.storage.slice(0, 2).toUpperCase()}Y${c.years}W${width}S${s}K${k}`,
      ),
    );
  let mysqlUsed = false;
  try {
    await yahoo.prewarm(cases.flatMap((c) => [...names(c, 1), ...names(c, 10)].flat()));
    await yahoo.setFault('*', { latencyMs: LATENCY_MS, times: 0 });
    for (const c of cases) {
      let databaseUrl = `file:${temp.dir}/multi-${c.years}.db`;
      if (c.storage === 'mysql') {
        try {
          databaseUrl = await createTestDatabase(MYSQL_BASE_URL, `${MYSQL_DB}_${c.years}`);
          mysqlUsed = true;
        } catch (error) {
          notes.push(`MariaDB rows skipped: ${(error as Error).message}`);
          continue;
        }
      }
      const harness: Harness = await createHarness({
        databaseUrl,
        yahooUrl: yahoo.url,
        env: { YAHOO_TIMEOUT_MS: '10000' },
      });
      const range =
        c.years === 1 ? { from: '2023-01-01', to: '2023-12-31' } : { from: '2014-01-01', to: '2023-12-31' };
      // The test server's bodies built before timing: the rows time the service, not the server.
      await yahoo.prepareBodies([...names(c, 1), ...names(c, 10)].flat(), {
        ...chartPeriods(range.from, range.to),
        events: CHART_EVENTS,
      });
      let bars = 0;
      const operation = (batches: string[][]) => async (iteration: number) => {
        const response = await harness.gql<{ priceSeriesList: { source: string; barCount: number }[] }>(
          QUERY,
          {
            tickers: batches[iteration],
            ...range,
          },
        );
        if (response.errors !== undefined) throw new Error(JSON.stringify(response.errors));
        const list = response.data!.priceSeriesList;
        if (list.some((s) => s.source !== 'PROVIDER'))
          throw new Error('expected every series cold from the provider');
        bars = list[0].barCount;
      };
      try {
        const tag = `${c.storage}-${c.years}y`;
        const db = c.storage === 'mysql' ? 'MariaDB' : 'SQLite';
        progress(`${db}, ${c.years}-year range`);
        const one = await sampleAsync(operation(names(c, 1)), {
          warmup: WARMUP,
          minSamples: SAMPLES,
          maxSamples: SAMPLES,
        });
        const label = `${db}, ${c.years}y (${bars} bars)`;
        rows.push(
          row(`one-${tag}`, `1 ticker cold, ${label}`, one, {
            extra: `${(one.medianMs - LATENCY_MS).toFixed(0)} ms over the latency`,
          }),
        );
        const ten = await sampleAsync(operation(names(c, 10)), {
          warmup: WARMUP,
          minSamples: SAMPLES,
          maxSamples: SAMPLES,
        });
        const ratio = ten.medianMs / one.medianMs;
        rows.push(
          row(`ten-${tag}`, `10 tickers cold, ${label}`, ten, {
            baseline: `one-${tag}`,
            target: { text: '≤ 1.5× one ticker (ideal 1, sequential 10)', met: ratio <= 1.5 },
            extra: `waves of ${LATENCY_MS} ms: ${Math.ceil(10 / CONCURRENCY)}`,
          }),
        );
      } finally {
        await harness.close();
      }
    }
    notes.push(
      `Multi-ticker: ${LATENCY_MS} ms injected per provider request; default YAHOO_CONCURRENCY=${CONCURRENCY}; a new set of tickers per sample; in-process app.fetch; the answer comes from the fetched bars, which are stored in the background (a sample's writes may overlap the next sample).`,
    );
  } finally {
    if (mysqlUsed) {
      for (const years of [1, 10])
        await dropTestDatabase(MYSQL_BASE_URL, `${MYSQL_DB}_${years}`).catch(() => undefined);
    }
    await yahoo.close();
    temp.remove();
  }
  return { rows, notes };
});
process.exit(0);
