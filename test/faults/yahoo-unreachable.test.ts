/**
 * The default Yahoo provider pointed at a closed port (no network): requests and the start-up
 * warming say what to do instead.
 */
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { captureLogger } from '../market-data/log-capture.ts';
import { createHarness, type Harness } from '../support/harness.ts';

/** A port that was just free and is now closed: connections are refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

const harnesses: Harness[] = [];
afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((h) => h.close()));
});

async function offlineHarness(env: Record<string, string> = {}) {
  const { logger, lines } = captureLogger('info');
  const harness = await createHarness({
    databaseUrl: `file:${join(mkdtempSync(join(tmpdir(), 'bt-offline-')), 'test.db')}`,
    yahooUrl: `http://127.0.0.1:${await closedPort()}`,
    env: { YAHOO_RETRIES: '0', ...env },
    logger,
  });
  harnesses.push(harness);
  return { harness, lines };
}

describe('Yahoo unreachable', () => {
  it('answers UPSTREAM_UNAVAILABLE with what to do offline', async () => {
    const { harness } = await offlineHarness();
    const result = await harness.gql(
      'query { priceSeries(ticker: "AAPL", from: "2024-01-02", to: "2024-02-01") { barCount } }',
    );
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors!;
    expect(error.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.message).toMatch(/^Yahoo Finance unavailable: network error \(1 attempts\)\./);
    expect(error.message).toContain('PRICE_PROVIDER=csv');
    expect(error.message).toContain('npm run cli -- import --ticker T --csv FILE');
  });

  it('logs the start-up warming as one warning with the advice, not a line per ticker', async () => {
    const { harness, lines } = await offlineHarness({
      WARM_ON_START: 'true',
      WARM_TICKERS: 'AAPL,MSFT,GOOGL,AMZN,TSLA,NVDA',
    });
    harness.services.startBackground();
    await expect
      .poll(() => lines.some((l) => l.msg?.startsWith('cache warming')), { timeout: 20_000 })
      .toBe(true);
    const summary = lines.find((l) => l.msg?.startsWith('cache warming'))!;
    expect(summary.msg).toBe('cache warming failed for 6 of 6 tickers');
    expect(summary.level).toBe(40);
    expect(summary.failed).toEqual(['AAPL', 'MSFT', 'GOOGL', 'AMZN', 'TSLA', 'NVDA']);
    expect(summary.err).toContain('PRICE_PROVIDER=csv');
    // The advice once; no warning per ticker (the HTTP layer warns once when Yahoo starts failing).
    expect(lines.filter((l) => JSON.stringify(l).includes('PRICE_PROVIDER=csv'))).toHaveLength(1);
    expect(lines.filter((l) => l.msg === 'warming failed')).toEqual([]);
    expect(lines.filter((l) => l.msg === 'yahoo request failed')).toHaveLength(1);
  });
});
