/** Ping and migrations on MySQL / MariaDB. */
import { sql } from 'drizzle-orm';
import type { MySql2Database } from 'drizzle-orm/mysql2';
import { migrate } from 'drizzle-orm/mysql2/migrator';
import type { Pool } from 'mysql2';
import { isUpToDate, journalMillis, MIGRATIONS_TABLE, migrationsFolder } from '../migrations.ts';
import type { Repository } from '../repository.ts';
import { withTimeout } from '../timeout.ts';
import type { Retry } from './pool.ts';

type HealthMethods = Pick<Repository, 'ping' | 'isMigrated' | 'migrate'>;

const MIGRATION_LOCK_WAIT_S = 60;

export function createMysqlHealth(
  pool: Pool,
  db: MySql2Database,
  retry: Retry,
  onQuery?: (sql: string) => void,
): HealthMethods {
  const promisePool = pool.promise();
  const folder = migrationsFolder('mysql');

  return {
    async ping(timeoutMs) {
      const answer = retry(() => {
        onQuery?.('select 1');
        return promisePool.query('select 1');
      });
      await withTimeout(answer, timeoutMs, 'database ping');
    },

    isMigrated: () =>
      retry(async () => {
        const [tables] = await db.execute(
          sql`select table_name from information_schema.tables where table_schema = database() and table_name = ${MIGRATIONS_TABLE}`,
        );
        if ((tables as unknown as unknown[]).length === 0) return isUpToDate(journalMillis(folder), []);
        const [rows] = await db.execute(sql`select created_at from ${sql.identifier(MIGRATIONS_TABLE)}`);
        const applied = (rows as unknown as { created_at: unknown }[]).map((r) => Number(r.created_at));
        return isUpToDate(journalMillis(folder), applied);
      }),

    /** Serialized across instances with a named lock, so concurrent start-ups migrate once. */
    async migrate() {
      const connection = await promisePool.getConnection();
      const lockName = "concat('backtest_graphql_migrate:', database())";
      try {
        onQuery?.('select get_lock');
        const [rows] = await connection.query(
          `select get_lock(${lockName}, ${MIGRATION_LOCK_WAIT_S}) as acquired`,
        );
        if ((rows as { acquired: number | null }[])[0]?.acquired !== 1) {
          throw new Error('timed out waiting for the migration lock');
        }
        try {
          await migrate(db, { migrationsFolder: folder, migrationsTable: MIGRATIONS_TABLE });
        } finally {
          onQuery?.('select release_lock');
          await connection.query(`select release_lock(${lockName})`);
        }
      } finally {
        connection.release();
      }
    },
  };
}
