/**
 * Requests that arrive before the migrations are applied (the database is new, or down at
 * start): HTTP 503 with Retry-After and code SERVICE_UNAVAILABLE, then normal answers once the
 * background migration succeeds.
 */
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { parseConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/observability/logger.ts';
import { createServices } from '../../src/services.ts';
import { createTestDatabase } from '../support/mysql.ts';
import { type ServiceProcess, startService } from '../support/service-process.ts';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.ts';
import { BASE_ENV, gql, requiredService, statusOf } from './fault-support.ts';

const SERIES = 'query { priceSeries(ticker: "AAPL", from: "2024-01-02", to: "2024-02-01") { barCount } }';
const STRATEGIES = 'query { strategies { name } }';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

function expectUnavailable(answer: { status: number; errors?: { extensions?: Record<string, unknown> }[] }) {
  expect(answer.status).toBe(503);
  expect(answer.errors).toHaveLength(1);
  expect(answer.errors![0].extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryAfterS: 2 });
}

describe('before the migrations are applied', () => {
  const services: ServiceProcess[] = [];
  const proxies: TcpProxy[] = [];
  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop('SIGKILL')));
    await Promise.all(proxies.map((p) => p.stop()));
  });

  it('an unmigrated SQLite file: 503 SERVICE_UNAVAILABLE with Retry-After, GraphiQL still served; answers once migrated', async () => {
    const config = parseConfig({
      DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), 'bt-unmigrated-')), 'test.db')}`,
      WARM_ON_START: 'false',
      YAHOO_BASE_URL: `http://127.0.0.1:${await closedPort()}`,
    });
    const built = createServices(config, silentLogger);
    try {
      const app = createApp({ services: built });
      const post = (query: string) =>
        app.fetch('http://localhost/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ query }),
        });
      const refused = await post(SERIES);
      expect(refused.headers.get('retry-after')).toBe('2');
      expectUnavailable({ status: refused.status, ...((await refused.json()) as object) });
      expect((await app.fetch('http://localhost/readyz')).status).toBe(503);
      const page = await app.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);

      await built.migrate();
      const answered = await post(STRATEGIES);
      expect(answered.status).toBe(200);
      expect(
        ((await answered.json()) as { data: { strategies: unknown[] } }).data.strategies.length,
      ).toBeGreaterThan(0);
    } finally {
      await built.dispose();
    }
  });

  it('a database that is down at start (real server): 503 SERVICE_UNAVAILABLE while it retries', async () => {
    const service = await startService({
      ...BASE_ENV,
      DATABASE_URL: `mysql://root@127.0.0.1:${await closedPort()}/never`,
    });
    services.push(service);
    const answer = await gql(service.url, STRATEGIES);
    expectUnavailable(answer);
    const raw = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: STRATEGIES }),
    });
    expect(raw.headers.get('retry-after')).toBe('2');
    expect(await statusOf(`${service.url}/healthz`)).toBe(200);
    expect(await statusOf(`${service.url}/readyz`)).toBe(503);
  });

  const mysqlUrl = requiredService('TEST_DATABASE_URL', 'test/faults/not-migrated.test.ts');
  it.skipIf(!mysqlUrl)(
    'MariaDB down at start, then up: 503 until the background migration succeeds, then answers',
    async () => {
      const url = new URL(await createTestDatabase(mysqlUrl!, 't_fault_not_migrated'));
      const proxy = await startTcpProxy(url.hostname, Number(url.port || 3306));
      proxies.push(proxy);
      proxy.setMode('down');
      url.host = `127.0.0.1:${proxy.port}`;
      const service = await startService({ ...BASE_ENV, DATABASE_URL: url.toString() });
      services.push(service);
      expectUnavailable(await gql(service.url, SERIES));
      proxy.setMode('up');
      await expect
        .poll(async () => (await gql(service.url, STRATEGIES)).status, { timeout: 15_000 })
        .toBe(200);
      expect(await statusOf(`${service.url}/readyz`)).toBe(200);
    },
  );
});
