/**
 * HTTP: autocannon against the real server (`node src/main.ts` as a child process, SQLite in a
 * temp dir, WARM_ON_START=false, Yahoo provider pointed at the Yahoo test server). GOOG is
 * imported into the database first, so it is served offline from real data.
 */
import autocannon from 'autocannon';
import { join } from 'node:path';
import { createRepository } from '../src/db/create-repository.ts';
import { type ServiceProcess, startService } from '../test/support/service-process.ts';
import { readGoogColumns } from './lib/bars.ts';
import { tempDir } from './lib/fixtures.ts';
import { summarize } from './lib/measure.ts';
import type { BenchRow } from './lib/report.ts';
import { progress, runSection } from './lib/section.ts';
import { startYahooProcess } from './lib/yahoo-process.ts';

const DURATION_S = Number(process.env.BENCH_HTTP_SECONDS ?? 5);
const CONNECTIONS = 10;
const BURST = 100;
const BURST_LATENCY_MS = 100;
const GOOG = { from: '2004-08-19', to: '2013-03-01' };
const BIG = { ticker: 'BIGSERIES', from: '2004-01-01', to: '2023-12-31' };

const STAT_FIELDS = `start end durationDays exposureTimePct equityFinal equityPeak commissions returnPct
  buyHoldReturnPct returnAnnPct volatilityAnnPct cagrPct sharpeRatio sortinoRatio calmarRatio
  alphaPct beta maxDrawdownPct avgDrawdownPct maxDrawdownDurationDays avgDrawdownDurationDays
  tradeCount winRatePct bestTradePct worstTradePct avgTradePct maxTradeDurationDays
  avgTradeDurationDays profitFactor expectancyPct sqn kellyCriterion`;

const QUERIES = {
  trivial: { query: '{ __typename }' },
  backtest: {
    query: `query ($input: BacktestInput!) { backtest(input: $input) { cached stats { ${STAT_FIELDS} } } }`,
    variables: { input: { ticker: 'GOOG', ...GOOG, strategy: 'SmaCross', params: { fast: 10, slow: 30 } } },
  },
  bars: {
    query: `query ($t: String!, $from: Date!, $to: Date!) { priceSeries(ticker: $t, from: $from, to: $to) {
      source barCount bars { date open high low close volume } } }`,
    variables: { t: BIG.ticker, from: BIG.from, to: BIG.to },
  },
  columns: {
    query: `query ($t: String!, $from: Date!, $to: Date!) { priceSeries(ticker: $t, from: $from, to: $to) {
      source barCount columns { dates open high low close volume } } }`,
    variables: { t: BIG.ticker, from: BIG.from, to: BIG.to },
  },
};

const BURST_QUERY = `query ($t: String!, $from: Date!, $to: Date!) {
  priceSeries(ticker: $t, from: $from, to: $to) { source barCount columns { close } } }`;

async function importGoog(databaseUrl: string): Promise<number> {
  const repository = createRepository({ databaseUrl });
  try {
    await repository.migrate();
    const c = readGoogColumns();
    await repository.upsertBars(
      c.dates.map((date, i) => ({
        ticker: 'GOOG',
        date,
        open: c.open[i],
        high: c.high[i],
        low: c.low[i],
        close: c.close[i],
        adjClose: c.close[i],
        volume: c.volume[i],
      })),
    );
    await repository.addCoverage([{ ticker: 'GOOG', from: GOOG.from, to: GOOG.to, fetchedAtMs: Date.now() }]);
    return c.dates.length;
  } finally {
    await repository.close();
  }
}

async function waitReady(url: string): Promise<void> {
  for (let k = 0; k < 200; k++) {
    const response = await fetch(`${url}/readyz`).catch(() => undefined);
    if (response?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the service did not become ready');
}

async function post(
  url: string,
  body: unknown,
): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (json.errors !== undefined) throw new Error(JSON.stringify(json.errors).slice(0, 500));
  return json;
}

async function cannon(url: string, body: unknown): Promise<autocannon.Result> {
  const result = await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    connections: CONNECTIONS,
    duration: DURATION_S,
  });
  if (result.errors > 0 || result.non2xx > 0) {
    throw new Error(`autocannon: ${result.errors} errors, ${result.non2xx} non-2xx responses`);
  }
  return result;
}

function cannonRow(
  id: string,
  label: string,
  result: autocannon.Result,
  more: Partial<BenchRow> = {},
): BenchRow {
  const kb = result.throughput.average / result.requests.average / 1024;
  return {
    id,
    label,
    medianMs: result.latency.p50,
    p99Ms: result.latency.p99,
    requestsPerSec: result.requests.average,
    samples: result.requests.total,
    extra: `${kb.toFixed(kb >= 10 ? 0 : 1)} KB/response, mean ${result.latency.mean.toFixed(2)} ms`,
    ...more,
  };
}

await runSection('http', 'HTTP', async () => {
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const yahoo = await startYahooProcess();
  const temp = tempDir('http');
  const databaseUrl = `file:${join(temp.dir, 'service.db')}`;
  let service: ServiceProcess | undefined;
  try {
    const googBars = await importGoog(databaseUrl);
    service = await startService({
      DATABASE_URL: databaseUrl,
      WARM_ON_START: 'false',
      YAHOO_BASE_URL: yahoo.url,
      YAHOO_TIMEOUT_MS: '10000',
      // autocannon is one client from one address: the per-client limit would answer 429.
      RATE_LIMIT_PER_MINUTE: '0',
    });
    const url = service.url;
    await waitReady(url);

    progress('priming');
    const first = await post(url, QUERIES.backtest);
    const again = await post(url, QUERIES.backtest);
    if ((again.data!.backtest as { cached: boolean }).cached !== true)
      throw new Error('the backtest was not cached');
    void first;
    const big = await post(url, QUERIES.columns);
    const bigBars = (big.data!.priceSeries as { barCount: number }).barCount;
    const memory = await post(url, QUERIES.bars);
    if ((memory.data!.priceSeries as { source: string }).source !== 'MEMORY')
      throw new Error('the big series was not cached');
    notes.push(
      `HTTP: autocannon, ${CONNECTIONS} connections, ${DURATION_S} s per row against the real server (child process, SQLite); ratio = baseline req/s ÷ row req/s.`,
    );
    notes.push(
      `HTTP backtest: GOOG (${googBars} bars, imported into SQLite) SmaCross(10,30), primed once, all 32 stats requested. Big series: ${bigBars} bars from the Yahoo test server, primed once.`,
    );

    progress('{ __typename }');
    rows.push(cannonRow('trivial', '{ __typename }', await cannon(url, QUERIES.trivial)));
    progress('cached backtest');
    const backtest = await cannon(url, QUERIES.backtest);
    const trivial = rows[0];
    rows.push(
      cannonRow('backtest', 'cached backtest GOOG SmaCross, stats only', backtest, {
        baseline: 'trivial',
        target: {
          text: '≤ 3× the trivial query (old service: cached 0.6–2.6 s)',
          met: trivial.requestsPerSec! / backtest.requests.average <= 3,
        },
      }),
    );
    progress('priceSeries as bars');
    rows.push(
      cannonRow('bars', `priceSeries ${bigBars} bars as bars`, await cannon(url, QUERIES.bars), {
        baseline: 'trivial',
      }),
    );
    progress('priceSeries as columns');
    rows.push(
      cannonRow('columns', `priceSeries ${bigBars} bars as columns`, await cannon(url, QUERIES.columns), {
        baseline: 'trivial',
      }),
    );

    progress(`duplicate burst: ${BURST} identical cold requests`);
    const burstTickers = ['BURSTA', 'BURSTB', 'BURSTC'];
    await yahoo.prewarm(burstTickers);
    await yahoo.setFault('*', { latencyMs: BURST_LATENCY_MS, times: 0 });
    const totals: number[] = [];
    const calls: number[] = [];
    let perRequest: number[] = [];
    for (const ticker of burstTickers) {
      const before = await yahoo.countFor(ticker);
      const body = { query: BURST_QUERY, variables: { t: ticker, from: '2014-01-01', to: '2023-12-31' } };
      const started = performance.now();
      const latencies = await Promise.all(
        Array.from({ length: BURST }, async () => {
          const t0 = performance.now();
          await post(url, body);
          return performance.now() - t0;
        }),
      );
      totals.push(performance.now() - started);
      calls.push((await yahoo.countFor(ticker)) - before);
      perRequest = perRequest.concat(latencies);
    }
    const burst = summarize(totals);
    const each = summarize(perRequest);
    rows.push({
      id: 'burst',
      label: `${BURST} identical cold priceSeries at once (${BURST_LATENCY_MS} ms latency)`,
      medianMs: burst.medianMs,
      p99Ms: each.p99Ms,
      samples: burst.samples,
      target: {
        text: 'provider calls = 1 (old service: duplicate < 50 ms)',
        met: calls.every((n) => n === 1),
      },
      extra: `total for all ${BURST}; provider calls ${calls.join(', ')}; per request p50 ${each.medianMs.toFixed(0)} ms`,
    });
    notes.push(
      `HTTP burst: ${BURST} concurrent fetches of one new ticker's 10-year series (barCount and the close column); median of ${burstTickers.length} bursts; p99 is per request.`,
    );
  } finally {
    await service?.stop();
    await yahoo.close();
    temp.remove();
  }
  return { rows, notes };
});
process.exit(0);
