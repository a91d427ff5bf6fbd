/** Builds the Repository that `DATABASE_URL` selects. */
import { toDatabaseTarget } from './database-url.ts';
import { createMysqlRepository } from './mysql/repository.ts';
import type { Repository } from './repository.ts';
import { createSqliteRepository } from './sqlite/repository.ts';

export interface CreateRepositoryOptions {
  /** unset → SQLite `./data/backtest.db`; `file:PATH` → SQLite; `:memory:`; `mysql://…` → MySQL. */
  databaseUrl: string | undefined;
  /** MySQL pool size (default 20). */
  poolSize?: number;
  /** MySQL callers allowed to wait for a connection before new ones fail fast (default 100). */
  queueLimit?: number;
  /** MySQL connect timeout (default 2000 ms), so a stopped server fails callers quickly. */
  connectTimeoutMs?: number;
  /** Called once for every SQL statement sent. */
  onQuery?: (sql: string) => void;
}

export function createRepository(options: CreateRepositoryOptions): Repository {
  const target = toDatabaseTarget(options.databaseUrl);
  if (target.dialect === 'sqlite') {
    return createSqliteRepository({ path: target.path, onQuery: options.onQuery });
  }
  return createMysqlRepository({
    url: target.url,
    poolSize: options.poolSize ?? 20,
    queueLimit: options.queueLimit ?? 100,
    connectTimeoutMs: options.connectTimeoutMs ?? 2_000,
    onQuery: options.onQuery,
  });
}
