/**
 * SIGTERM while optimizations run on the worker pool: the server stops accepting, in-flight
 * requests finish (or are cut at the shutdown grace period), the database pool and the workers
 * close, and the process exits 0.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sharedDataAvailable, sharedDataDir, warnIfNoSharedData } from '../support/shared-data.ts';
import { createTestDatabase } from '../support/mysql.ts';
import { type ServiceProcess, startService } from '../support/service-process.ts';
import { BASE_ENV, gql, statusOf, unhandledLogLines, waitUntil } from './fault-support.ts';

/** src/main.ts: busy connections are cut after this long. */
const SHUTDOWN_GRACE_MS = 10_000;

const OPTIMIZE = `mutation ($grid: [ParamRangeInput!]!) {
  optimizeStrategy(input: { ticker: "GOOG", from: "2004-08-19", to: "2013-12-31", strategy: "SmaCross",
                            grid: $grid, constraint: "fast < slow" }) {
    runCount best { params value }
  }
}`;
const SMALL_GRID = [
  { name: 'fast', from: 2, to: 40, step: 1 },
  { name: 'slow', from: 10, to: 120, step: 1 },
];
/** fast 2..200 × slow 10..600 with fast < slow: about 100,000 runs, far longer than the grace period. */
const HUGE_GRID = [
  { name: 'fast', from: 2, to: 200, step: 1 },
  { name: 'slow', from: 10, to: 600, step: 1 },
];
const SMALL_GRID_RUNS = (() => {
  let n = 0;
  for (let fast = 2; fast <= 40; fast++) for (let slow = 10; slow <= 120; slow++) if (fast < slow) n++;
  return n;
})();

const mysqlUrl = process.env.TEST_DATABASE_URL;
if (!mysqlUrl && process.env.CI === 'true') throw new Error('TEST_DATABASE_URL must be set on CI');
if (!mysqlUrl)
  console.warn('[test/faults/sigterm.test.ts] TEST_DATABASE_URL is not set: MySQL variants are skipped.');

const databases: { name: string; url: () => Promise<string> }[] = [
  { name: 'sqlite', url: async () => `file:${join(mkdtempSync(join(tmpdir(), 'bt-term-')), 'test.db')}` },
  ...(mysqlUrl
    ? [{ name: 'mysql', url: () => createTestDatabase(mysqlUrl, `t_fault_term_${process.pid}`) }]
    : []),
];

const running: ServiceProcess[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop('SIGKILL')));
});

async function start(databaseUrl: string): Promise<ServiceProcess> {
  const service = await startService({
    ...BASE_ENV,
    DATABASE_URL: databaseUrl,
    PRICE_PROVIDER: 'csv',
    PRICE_CSV_DIR: sharedDataDir,
    MAX_OPTIMIZE_RUNS: '1000000',
    // This is about the shutdown grace period, not the per-request deadline.
    REQUEST_TIMEOUT_MS: '600000',
  });
  running.push(service);
  await waitUntil(async () => (await statusOf(`${service.url}/readyz`)) === 200, 15_000, 'readiness');
  // Load and store the series first, so the sweeps below start computing at once.
  const warm = await gql(service.url, OPTIMIZE, { grid: [{ name: 'fast', from: 5, to: 6, step: 1 }] });
  expect(warm.errors).toBeUndefined();
  return service;
}

const settle = <T>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );

warnIfNoSharedData('SIGTERM during optimizations on GOOG');

describe.skipIf(!sharedDataAvailable).each(databases)('SIGTERM during optimizations ($name)', ({ url }) => {
  it('lets an in-flight sweep finish, refuses new connections, closes the pools and exits 0', async () => {
    const service = await start(await url());
    const sweep = gql<{ optimizeStrategy: { runCount: number } }>(service.url, OPTIMIZE, {
      grid: SMALL_GRID,
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    service.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(fetch(`${service.url}/healthz`)).rejects.toThrow();

    const answer = await sweep;
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.optimizeStrategy.runCount).toBe(SMALL_GRID_RUNS);
    expect(await service.exited).toBe(0);
    const logs = service.logs.join('');
    expect(logs).toMatch(/"msg":"shutting down"[\s\S]*"msg":"stopped"/);
    expect(unhandledLogLines(service)).toEqual([]);
  });

  it('cuts sweeps still running at the end of the grace period and exits 0 within it', async () => {
    const service = await start(await url());
    const sweeps = [
      settle(gql(service.url, OPTIMIZE, { grid: HUGE_GRID })),
      settle(gql(service.url, OPTIMIZE, { grid: HUGE_GRID })),
    ];
    await new Promise((resolve) => setTimeout(resolve, 500));
    const signalled = performance.now();
    service.child.kill('SIGTERM');

    expect(await service.exited).toBe(0);
    expect(performance.now() - signalled).toBeLessThan(SHUTDOWN_GRACE_MS + 5_000);
    // Each client sees a complete answer or a closed connection: never a half-written body.
    for (const outcome of await Promise.all(sweeps)) {
      if (outcome.ok)
        expect(outcome.value.data).toMatchObject({ optimizeStrategy: { runCount: expect.any(Number) } });
      else
        expect(String((outcome.error as Error).cause ?? outcome.error)).toMatch(
          /closed|reset|terminated|socket/i,
        );
    }
    expect(service.logs.join('')).toMatch(/"msg":"stopped"/);
    expect(unhandledLogLines(service)).toEqual([]);
  });
});
