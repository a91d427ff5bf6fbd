/**
 * On a database file, the SQLite repository's price writes run on a thread of their own, on a
 * connection of their own: the service's thread is free while they run, and what they wrote is
 * read back through the service's connection once they resolve.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteRepository } from '../../src/db/sqlite/repository.ts';
import { makeBars } from './contract/fixtures.ts';

const root = mkdtempSync(join(tmpdir(), 'backtest-writer-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const settledWithin = async (promise: Promise<unknown>, ms: number) => {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((resolve) => setTimeout(resolve, ms));
  return settled;
};

describe('SQLite price writes on a thread of their own', () => {
  it('write on another connection: they wait for a lock this thread holds, then land', async () => {
    const path = join(root, 'locked.db');
    const repo = createSqliteRepository({ path });
    await repo.migrate();
    await repo.upsertBars(makeBars('ZZWTA', '2024-01-01', 5)); // starts the thread
    const other = new Database(path, { timeout: 10_000 });
    other.exec('BEGIN IMMEDIATE'); // the file's write lock, held here
    try {
      const write = repo.upsertBars(makeBars('ZZWTB', '2024-01-01', 200));
      // Written on this thread's connection, it would fail (busy) or land at once; on the writer
      // thread's connection it waits for the lock.
      expect(await settledWithin(write, 300)).toBe(false);
      other.exec('COMMIT');
      await write;
    } finally {
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
    }
    expect(await repo.readBars('ZZWTB', '2024-01-01', '2024-12-31')).toHaveLength(200);
    await repo.close();
  });

  it('keeps this thread free while a large write runs, and close() waits for the writes handed over', async () => {
    const path = join(root, 'large.db');
    const repo = createSqliteRepository({ path });
    await repo.migrate();
    const tickers = Array.from({ length: 20 }, (_, k) => `ZZWL${k}`);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const writes = tickers.map((t) => repo.upsertBars(makeBars(t, '2000-01-01', 2_500)));
    await Promise.all(writes);
    clearInterval(timer);
    // 50,000 rows: on this thread the timer could not have run during the transactions.
    expect(ticks).toBeGreaterThan(0);
    const last = repo.upsertBars(makeBars('ZZWLAST', '2000-01-01', 2_500));
    const closing = repo.close();
    await last;
    await closing;
    const check = new Database(path, { readonly: true });
    try {
      const { n } = check.prepare(`select count(*) as n from price_bars`).get() as { n: number };
      expect(n).toBe(21 * 2_500);
    } finally {
      check.close();
    }
  });

  it('runs on this thread for an in-memory database, or when asked to', async () => {
    for (const repo of [
      createSqliteRepository({ path: ':memory:' }),
      createSqliteRepository({ path: join(root, 'inline.db'), writerThread: false }),
    ]) {
      await repo.migrate();
      await repo.upsertBars(makeBars('ZZWIN', '2024-01-01', 3));
      expect(await repo.readBars('ZZWIN', '2024-01-01', '2024-12-31')).toHaveLength(3);
      await repo.close();
    }
  });

  it('answers a bad row with the same error as on this thread', async () => {
    const repo = createSqliteRepository({ path: join(root, 'bad.db') });
    await repo.migrate();
    const [bar] = makeBars('ZZWBAD', '2024-01-01', 1);
    await expect(repo.upsertBars([{ ...bar, date: '2024-13-45' }])).rejects.toThrow(/bar\.date/);
    await repo.close();
  });
});
