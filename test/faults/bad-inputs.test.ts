/**
 * The bad-input table against the real server over HTTP, so HTTP-level limits count: every row
 * gets a clear error code or a 4xx status, nothing leaks, nothing crashes, and the service
 * answers a normal query right after each one.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServiceProcess, startService } from '../support/service-process.ts';
import { startYahooServer, type YahooServer } from '../support/yahoo-server.ts';
import { BAD_INPUTS, type BadInputCase } from './bad-input-cases.ts';
import {
  type GqlAnswer,
  gql,
  leakIn,
  post,
  statusOf,
  unhandledLogLines,
  waitUntil,
} from './fault-support.ts';

const ADMIN_TOKEN = 'fault-suite-admin-token-0123456789';

let yahoo: YahooServer;
let service: ServiceProcess;

beforeAll(async () => {
  yahoo = await startYahooServer({ recordedDir: null });
  service = await startService({
    DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), 'bt-bad-input-')), 'test.db')}`,
    YAHOO_BASE_URL: yahoo.url,
    ADMIN_TOKEN,
    MAX_TICKERS: '50',
    MAX_OPTIMIZE_RUNS: '20000',
  });
  await waitUntil(async () => (await statusOf(`${service.url}/readyz`)) === 200, 15_000, 'readiness');
});

afterAll(async () => {
  await service?.stop('SIGKILL');
  await yahoo?.close();
});

async function send(row: BadInputCase): Promise<GqlAnswer> {
  if (row.method === 'GET') {
    const started = performance.now();
    const response = await fetch(`${service.url}/graphql?${row.search ?? ''}`, {
      headers: { accept: 'application/json', ...row.headers },
    });
    const text = await response.text();
    return { status: response.status, text, ms: performance.now() - started };
  }
  return row.raw !== undefined
    ? post(service.url, row.raw, { raw: true, headers: row.headers })
    : post(service.url, row.body, { headers: row.headers });
}

describe(`${BAD_INPUTS.length} bad inputs against the real server`, () => {
  it('has at least 50 rows with distinct names', () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(50);
    expect(new Set(BAD_INPUTS.map((row) => row.name)).size).toBe(BAD_INPUTS.length);
  });

  for (const row of BAD_INPUTS) {
    it(row.name, async () => {
      const answer = await send(row);
      if (row.expect.status !== undefined) {
        expect(answer.status).toBe(row.expect.status);
      } else {
        expect(answer.status).toBeLessThan(500);
        expect(answer.errors?.length).toBeGreaterThan(0);
        const first = answer.errors![0];
        expect(first.extensions?.code).toBe(row.expect.code);
        expect(first.message.length).toBeGreaterThan(0);
        if (row.expect.field)
          expect(String(first.extensions?.field ?? first.message)).toMatch(row.expect.field);
        // No partial success: the field at fault answers nothing.
        for (const value of Object.values(answer.data ?? {})) expect(value).toBeNull();
      }
      expect(JSON.stringify(answer)).not.toMatch(/INTERNAL_SERVER_ERROR|Unexpected error/);
      expect(leakIn(answer)).toBeNull();

      // The service is still up and answers a normal query right after.
      const normal = await gql<{ strategies: { name: string }[] }>(service.url, '{ strategies { name } }');
      expect(normal.status).toBe(200);
      expect(normal.data?.strategies.length).toBeGreaterThanOrEqual(7);
      expect(service.child.exitCode).toBeNull();
    });
  }

  it('serves real data after the whole table, with nothing unhandled logged', async () => {
    const answer = await gql<{ priceSeries: { barCount: number } }>(
      service.url,
      '{ priceSeries(ticker: "AAPL", from: "2023-01-02", to: "2023-03-31") { barCount } }',
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.priceSeries.barCount).toBeGreaterThan(50);
    expect(unhandledLogLines(service)).toEqual([]);
  });
});
