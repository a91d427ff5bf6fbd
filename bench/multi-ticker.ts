/**
 * Multi-ticker: 1 ticker against 10 tickers, cold, in ONE GraphQL operation (priceSeriesList),
 * with 200 ms injected provider latency per request, at YAHOO_CONCURRENCY 4 (the default) and 10.
 * Ideal 10-vs-1 ratio: 1 (all fetched in parallel); sequential fetching would be 10.
 */
import { createHarness, type Harness } from '../test/support/harness.ts';
import { tempDir } from './lib/fixtures.ts';
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
  concurrency: number;
  years: 1 | 10;
}

function row(id: string, label: string, s: Summary, more: Partial<BenchRow> = {}): BenchRow {
  return { id, label, medianMs: s.medianMs, p99Ms: s.p99Ms, samples: s.samples, ...more };
}

await runSection('multi', 'Multi-ticker', async () => {
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const yahoo = await startYahooProcess();
  const temp = tempDir('multi');
  const cases: Case[] = [
    { concurrency: 4, years: 1 },
    { concurrency: 10, years: 1 },
    { concurrency: 10, years: 10 },
  ];
  const names = (c: Case, width: number) =>
    Array.from({ length: WARMUP + SAMPLES }, (_, s) =>
      Array.from({ length: width }, (_, k) => `M${c.concurrency}Y${c.years}W${width}S${s}K${k}`),
    );
  try {
    await yahoo.prewarm(cases.flatMap((c) => [...names(c, 1), ...names(c, 10)].flat()));
    await yahoo.setFault('*', { latencyMs: LATENCY_MS, times: 0 });
    for (const c of cases) {
      const harness: Harness = await createHarness({
        databaseUrl: `file:${temp.dir}/multi-${c.concurrency}-${c.years}.db`,
        yahooUrl: yahoo.url,
        env: { YAHOO_CONCURRENCY: String(c.concurrency), YAHOO_TIMEOUT_MS: '10000' },
      });
      const range =
        c.years === 1 ? { from: '2023-01-01', to: '2023-12-31' } : { from: '2014-01-01', to: '2023-12-31' };
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
        const tag = `c${c.concurrency}-${c.years}y`;
        progress(`YAHOO_CONCURRENCY=${c.concurrency}, ${c.years}-year range`);
        const one = await sampleAsync(operation(names(c, 1)), {
          warmup: WARMUP,
          minSamples: SAMPLES,
          maxSamples: SAMPLES,
        });
        const label = `YAHOO_CONCURRENCY=${c.concurrency}, ${c.years}y (${bars} bars)`;
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
            extra: `waves of ${LATENCY_MS} ms: ${Math.ceil(10 / c.concurrency)}`,
          }),
        );
      } finally {
        await harness.close();
      }
    }
    notes.push(
      `Multi-ticker: ${LATENCY_MS} ms injected per provider request; a new set of tickers per sample; in-process app.fetch on SQLite; the time includes storing the bars.`,
    );
  } finally {
    await yahoo.close();
    temp.remove();
  }
  return { rows, notes };
});
process.exit(0);
