import { createServer, type Server, type Socket } from 'node:net';
import mysql from 'mysql2/promise';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepository } from '../../src/db/create-repository.ts';
import type { Repository } from '../../src/db/repository.ts';
import { createTestDatabase, dropTestDatabase, withDatabase } from '../support/mysql.ts';
import { startTcpProxy } from '../support/tcp-proxy.ts';
import { makeBars } from './contract/fixtures.ts';
import { runRepositoryContract } from './repository.contract.ts';

const baseUrl = process.env.TEST_DATABASE_URL;

if (!baseUrl) {
  if (process.env.CI === 'true') {
    describe('MySQL repository', () => {
      it('needs TEST_DATABASE_URL when CI=true', () => {
        throw new Error('TEST_DATABASE_URL must be set on CI (e.g. mysql://root@127.0.0.1:3306/test)');
      });
    });
  } else {
    console.warn('[test/db/mysql.test.ts] TEST_DATABASE_URL is not set: MySQL repository tests are skipped.');
    describe.skip('MySQL repository (set TEST_DATABASE_URL to run)', () => {
      it('contract', () => {});
    });
  }
} else {
  defineMysqlSuites(baseUrl);
}

/** A TCP server that accepts connections and never says a word, like a hung database. */
async function startSilentServer(): Promise<{ url: string; stop(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `mysql://root@127.0.0.1:${port}/test`,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function elapsedMs(promise: Promise<unknown>): Promise<number> {
  const started = performance.now();
  await promise.catch(() => {});
  return performance.now() - started;
}

function defineMysqlSuites(url: string): void {
  afterAll(() => dropTestDatabase(url, 'test_repo_contract'));

  runRepositoryContract('mysql', async ({ onQuery }) => {
    const databaseUrl = await createTestDatabase(url, 'test_repo_contract');
    return { repository: createRepository({ databaseUrl, onQuery, poolSize: 5 }), databaseUrl };
  });

  describe('MySQL repository: connections', () => {
    const name = 'test_repo_connections';
    let databaseUrl: string;
    const opened: Repository[] = [];
    const open = (
      options: Omit<Parameters<typeof createRepository>[0], 'databaseUrl'> & { databaseUrl?: string },
    ) => {
      const repo = createRepository({ databaseUrl, ...options });
      opened.push(repo);
      return repo;
    };

    beforeEach(async () => {
      databaseUrl = await createTestDatabase(url, name);
    });

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((r) => r.close().catch(() => {})));
      await dropTestDatabase(url, name);
    });

    it('selects MySQL for a mysql:// URL', () => {
      expect(open({}).dialect).toBe('mysql');
    });

    it('ping rejects within 2 s when nothing listens', async () => {
      const repo = open({ databaseUrl: 'mysql://root@127.0.0.1:1/test' });
      await expect(repo.ping(1_500)).rejects.toThrow();
      expect(await elapsedMs(repo.ping(1_500))).toBeLessThan(2_000);
    });

    it('ping rejects within its timeout when the server hangs, and connects give up after connectTimeout', async () => {
      const silent = await startSilentServer();
      try {
        const repo = open({ databaseUrl: silent.url, connectTimeoutMs: 1_000 });
        const started = performance.now();
        await expect(repo.ping(300)).rejects.toThrow(/timed out/);
        expect(performance.now() - started).toBeLessThan(800);
        // Without the race, the pool's own connect timeout still ends the wait.
        const slow = await elapsedMs(repo.ping(10_000));
        expect(slow).toBeLessThan(2_500);
      } finally {
        await silent.stop();
      }
    });

    it('fails fast when the wait queue is full', async () => {
      const silent = await startSilentServer();
      try {
        const repo = open({ databaseUrl: silent.url, poolSize: 1, queueLimit: 1, connectTimeoutMs: 3_000 });
        const first = repo.ping(1_000).catch((e: Error) => e);
        const second = repo.ping(1_000).catch((e: Error) => e);
        const started = performance.now();
        await expect(repo.ping(1_000)).rejects.toThrow(/queue limit/i);
        expect(performance.now() - started).toBeLessThan(500);
        await Promise.all([first, second]);
      } finally {
        await silent.stop();
      }
    });

    it('replaces every pooled connection that died while idle, for reads and writes', async () => {
      const target = new URL(url);
      const proxy = await startTcpProxy(target.hostname, Number(target.port || 3306));
      try {
        const proxied = new URL(withDatabase(url, name));
        proxied.hostname = '127.0.0.1';
        proxied.port = String(proxy.port);
        const repo = open({ databaseUrl: proxied.toString(), poolSize: 3 });
        await repo.migrate();
        await repo.upsertBars(makeBars('ZZDBK', '2024-01-01', 10));
        // Open all three pooled connections.
        await Promise.all([1, 2, 3, 4, 5, 6].map(() => repo.readBars('ZZDBK', '2024-01-01', '2024-01-31')));

        proxy.dropOnNextWrite();
        const bars = await repo.readBars('ZZDBK', '2024-01-01', '2024-01-31');
        expect(bars).toHaveLength(10);
        expect(proxy.dropped).toBeGreaterThanOrEqual(1);

        proxy.dropOnNextWrite();
        await repo.upsertBars(makeBars('ZZDBK', '2024-02-01', 5));
        await repo.addCoverage([{ ticker: 'ZZDBK', from: '2024-01-01', to: '2024-02-05', fetchedAtMs: 1 }]);
        expect(await repo.readBars('ZZDBK', '2024-01-01', '2024-12-31')).toHaveLength(15);
        expect(await repo.isMigrated()).toBe(true);
      } finally {
        await proxy.stop();
      }
    });

    it('replaces connections the server killed instead of failing the caller', async () => {
      const repo = open({ poolSize: 3 });
      await repo.migrate();
      await repo.upsertBars(makeBars('ZZDBK', '2024-01-01', 10));
      await Promise.all([1, 2, 3, 4, 5, 6].map(() => repo.readBars('ZZDBK', '2024-01-01', '2024-01-31')));

      const admin = await mysql.createConnection({ uri: url });
      try {
        const [rows] = await admin.query(
          'select id from information_schema.processlist where db = ? and id <> connection_id()',
          [name],
        );
        const ids = (rows as { id: number }[]).map((r) => r.id);
        expect(ids.length).toBeGreaterThan(0);
        for (const id of ids) await admin.query(`kill connection ${Number(id)}`);
      } finally {
        await admin.end();
      }
      const reads = await Promise.all(
        [1, 2, 3].map(() => repo.readBars('ZZDBK', '2024-01-01', '2024-01-31')),
      );
      expect(reads.map((r) => r.length)).toEqual([10, 10, 10]);
      expect(await repo.readCoverage(['ZZDBK'])).toEqual([]);
      await expect(repo.ping(2_000)).resolves.toBeUndefined();
    });
  });
}
