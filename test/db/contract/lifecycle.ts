/** Contract: migrations, ping, close, and dates that survive any host time zone. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { ContractContext } from '../repository.contract.ts';
import { makeBars, TZ_DATES } from './fixtures.ts';

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('../fixtures/tz-roundtrip.ts', import.meta.url));

async function runInZone(tz: string, mode: 'write' | 'read', databaseUrl: string, ticker: string) {
  const { stdout } = await run(process.execPath, [SCRIPT], {
    env: { ...process.env, TZ: tz, MODE: mode, DATABASE_URL: databaseUrl, TICKER: ticker },
    timeout: 20_000,
  });
  return stdout;
}

export function defineLifecycleContract(ctx: ContractContext): void {
  describe('migrations', () => {
    it('reports an empty database as not migrated, and migrated after migrate()', async () => {
      expect(ctx.migratedBeforeMigrate).toBe(false);
      expect(await ctx.repo.isMigrated()).toBe(true);
    });

    it('migrate() is idempotent and keeps stored rows', async () => {
      await ctx.repo.upsertBars(makeBars('ZZDBM', '2024-01-01', 3));
      await ctx.repo.migrate();
      await ctx.repo.migrate();
      expect(await ctx.repo.isMigrated()).toBe(true);
      expect(await ctx.repo.readBars('ZZDBM', '2024-01-01', '2024-01-31')).toHaveLength(3);
    });

    it('a second instance sees the database as migrated', async () => {
      const other = await ctx.open();
      expect(await other.isMigrated()).toBe(true);
    });
  });

  describe('ping and close', () => {
    it('ping resolves while the database answers', async () => {
      await expect(ctx.repo.ping(2_000)).resolves.toBeUndefined();
    });

    it('ping rejects promptly once the repository is closed', async () => {
      const other = await ctx.open();
      await other.ping(2_000);
      await other.close();
      const started = performance.now();
      await expect(other.ping(1_000)).rejects.toThrow();
      expect(performance.now() - started).toBeLessThan(1_500);
    });
  });

  describe('time zones', () => {
    it('dates written under UTC+14 read back unchanged under UTC-8 and in this process', async () => {
      await runInZone('Pacific/Kiritimati', 'write', ctx.databaseUrl, 'ZZDBTZ');
      const read = JSON.parse(await runInZone('America/Los_Angeles', 'read', ctx.databaseUrl, 'ZZDBTZ'));
      expect(read.tz).toBe('America/Los_Angeles');
      expect(read.bars.map((b: { date: string }) => b.date)).toEqual(TZ_DATES);
      expect(read.actions).toEqual([{ ticker: 'ZZDBTZ', date: '2024-03-10', kind: 'split', value: 4 }]);
      expect(read.coverage).toEqual([
        { ticker: 'ZZDBTZ', from: '2024-01-01', to: '2024-12-31', fetchedAtMs: 1_700_000_000_000 },
      ]);
      const here = await ctx.repo.readBars('ZZDBTZ', '2000-01-01', '2025-01-01');
      expect(here.map((b) => b.date)).toEqual(TZ_DATES);
    });
  });
}
