import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config.ts';

describe('queue configuration', () => {
  it('runs jobs in process by default', () => {
    expect(parseConfig({}).queue).toEqual({
      url: undefined,
      prefix: 'backtest',
      chunkRuns: 1000,
      workerConcurrency: 1,
      lockMs: 30_000,
    });
  });

  it('reads QUEUE_URL and the queue settings', () => {
    const c = parseConfig({
      QUEUE_URL: 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: 'prod-eu',
      QUEUE_CHUNK_RUNS: '250',
      WORKER_CONCURRENCY: '2',
      QUEUE_LOCK_MS: '5000',
    });
    expect(c.queue).toEqual({
      url: 'redis://127.0.0.1:6379',
      prefix: 'prod-eu',
      chunkRuns: 250,
      workerConcurrency: 2,
      lockMs: 5000,
    });
  });

  it('reports every bad queue setting at once', () => {
    let error: unknown;
    try {
      parseConfig({ QUEUE_URL: 'http://x', QUEUE_PREFIX: 'a:b', QUEUE_CHUNK_RUNS: '0', QUEUE_LOCK_MS: '10' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.map((p) => p.split(':')[0]);
    expect(problems.sort()).toEqual(['QUEUE_CHUNK_RUNS', 'QUEUE_LOCK_MS', 'QUEUE_PREFIX', 'QUEUE_URL']);
  });
});
