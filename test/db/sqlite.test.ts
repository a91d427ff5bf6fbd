import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRepository } from '../../src/db/create-repository.ts';
import { makeBars } from './contract/fixtures.ts';
import { runRepositoryContract } from './repository.contract.ts';

const root = mkdtempSync(join(tmpdir(), 'backtest-db-'));
let counter = 0;

afterAll(() => rmSync(root, { recursive: true, force: true }));

runRepositoryContract('sqlite file', async ({ onQuery }) => {
  const databaseUrl = `file:${join(root, `contract-${++counter}.db`)}`;
  return { repository: createRepository({ databaseUrl, onQuery }), databaseUrl };
});

describe('SQLite repository', () => {
  it('runs in memory for tests', async () => {
    const repo = createRepository({ databaseUrl: ':memory:' });
    expect(repo.dialect).toBe('sqlite');
    expect(await repo.isMigrated()).toBe(false);
    await repo.migrate();
    await repo.upsertBars(makeBars('ZZDBA', '2024-01-01', 3));
    expect(await repo.readBars('ZZDBA', '2024-01-02', '2024-01-31')).toHaveLength(2);
    await repo.close();
  });

  it('creates the folder of a file: URL and uses WAL', async () => {
    const path = join(root, 'nested', 'deeper', 'backtest.db');
    const repo = createRepository({ databaseUrl: `file:${path}` });
    await repo.migrate();
    await repo.upsertBars(makeBars('ZZDBA', '2024-01-01', 3));
    expect(existsSync(path)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(true);
    await repo.close();
  });

  it('finds its migrations whatever the working directory', async () => {
    const cwd = process.cwd();
    process.chdir(tmpdir());
    try {
      const repo = createRepository({ databaseUrl: `file:${join(root, 'cwd.db')}` });
      await repo.migrate();
      expect(await repo.isMigrated()).toBe(true);
      await repo.close();
    } finally {
      process.chdir(cwd);
    }
  });

  it('sees rows another connection wrote to the same file', async () => {
    const databaseUrl = `file:${join(root, 'shared.db')}`;
    const writer = createRepository({ databaseUrl });
    const reader = createRepository({ databaseUrl });
    await writer.migrate();
    await writer.upsertBars(makeBars('ZZDBA', '2024-01-01', 4));
    expect(await reader.readBars('ZZDBA', '2024-01-01', '2024-01-31')).toHaveLength(4);
    await Promise.all([writer.close(), reader.close()]);
  });
});
