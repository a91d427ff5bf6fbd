import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/mysql.ts';
import { startService, type ServiceProcess } from '../support/service-process.ts';
import { startTcpProxy } from '../support/tcp-proxy.ts';
import { startYahooServer } from '../support/yahoo-server.ts';

const running: ServiceProcess[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop('SIGKILL')));
});

const status = async (url: string) => (await fetch(url)).status;

describe('the service process on embedded defaults', () => {
  it('creates and migrates the SQLite file, serves health, readiness and GraphQL, and stops cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bt-start-'));
    const service = await startService({}, dir);
    running.push(service);
    expect(await status(`${service.url}/healthz`)).toBe(200);
    await expect.poll(() => status(`${service.url}/readyz`), { timeout: 10_000 }).toBe(200);
    expect(existsSync(join(dir, 'data', 'backtest.db'))).toBe(true);
    const result = await service.gql<{ strategies: { name: string }[] }>('{ strategies { name } }');
    expect(result.data?.strategies.length).toBeGreaterThanOrEqual(7);
    expect(await service.stop('SIGTERM')).toBe(0);
    expect(service.logs.join('')).toMatch(/"msg":"stopped"/);
  });

  it('refuses to start on bad configuration with one message listing every problem', async () => {
    const error = await startService({ PORT: 'x', CACHE_TTL_RECENT_S: 'soon', LOG_LEVEL: 'loud' }).catch(
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toMatch(/exited with 1/);
    for (const name of ['PORT', 'CACHE_TTL_RECENT_S', 'LOG_LEVEL']) expect(message).toContain(name);
  });

  it('finishes an in-flight request before exiting on SIGTERM', async () => {
    const yahoo = await startYahooServer({ recordedDir: null });
    try {
      yahoo.setFault('SLOW', { latencyMs: 800, times: 0 });
      const service = await startService({ DATABASE_URL: 'file::memory:', YAHOO_BASE_URL: yahoo.url });
      running.push(service);
      await expect.poll(() => status(`${service.url}/readyz`), { timeout: 10_000 }).toBe(200);
      const slow = service.gql<{ priceSeries: { barCount: number } }>(
        '{ priceSeries(ticker: "SLOW", from: "2023-01-01", to: "2023-01-31") { barCount } }',
      );
      await expect.poll(() => yahoo.inFlight).toBe(1);
      service.child.kill('SIGTERM');
      expect((await slow).data?.priceSeries.barCount).toBeGreaterThan(15);
      expect(await service.exited).toBe(0);
    } finally {
      await yahoo.close();
    }
  });
});

const mysqlUrl = process.env.TEST_DATABASE_URL;
if (!mysqlUrl)
  console.warn('[test/http/server.test.ts] TEST_DATABASE_URL is not set: MySQL service tests are skipped.');

describe.skipIf(!mysqlUrl)('the service process on MariaDB', () => {
  it('migrates and is ready; with the database gone /readyz answers 503 within 2 s and the process stays up', async () => {
    const url = new URL(await createTestDatabase(mysqlUrl!, 't_http_ready'));
    const proxy = await startTcpProxy(url.hostname, Number(url.port || 3306));
    url.host = `127.0.0.1:${proxy.port}`;
    const service = await startService({ DATABASE_URL: url.toString() });
    running.push(service);
    try {
      await expect.poll(() => status(`${service.url}/readyz`), { timeout: 15_000 }).toBe(200);
      for (const mode of ['down', 'blackhole'] as const) {
        proxy.setMode(mode);
        const started = performance.now();
        expect(await status(`${service.url}/readyz`)).toBe(503);
        expect(performance.now() - started).toBeLessThan(2000);
        expect(await status(`${service.url}/healthz`)).toBe(200);
        expect(service.child.exitCode).toBeNull();
        proxy.setMode('up');
        await expect.poll(() => status(`${service.url}/readyz`), { timeout: 10_000 }).toBe(200);
      }
    } finally {
      await proxy.stop();
    }
  });

  it('starts while the database is down, reports not ready, and becomes ready when it comes up', async () => {
    const url = new URL(await createTestDatabase(mysqlUrl!, 't_http_late'));
    const proxy = await startTcpProxy(url.hostname, Number(url.port || 3306));
    proxy.setMode('down');
    url.host = `127.0.0.1:${proxy.port}`;
    const service = await startService({ DATABASE_URL: url.toString() });
    running.push(service);
    try {
      expect(await status(`${service.url}/readyz`)).toBe(503);
      proxy.setMode('up');
      await expect.poll(() => status(`${service.url}/readyz`), { timeout: 15_000, interval: 500 }).toBe(200);
    } finally {
      await proxy.stop();
    }
  });
});
