/** Which database a `DATABASE_URL` selects. */

const DEFAULT_SQLITE_PATH = './data/backtest.db';

export type DatabaseTarget = { dialect: 'sqlite'; path: string } | { dialect: 'mysql'; url: string };

/**
 * unset or empty → SQLite at `./data/backtest.db`; `file:PATH` (or `file://PATH`) → SQLite at PATH;
 * `:memory:` → in-memory SQLite; `mysql://…` or `mariadb://…` → MySQL. Anything else is refused.
 */
export function toDatabaseTarget(databaseUrl: string | undefined): DatabaseTarget {
  const url = databaseUrl?.trim() ?? '';
  if (url === '') return { dialect: 'sqlite', path: DEFAULT_SQLITE_PATH };
  if (url === ':memory:' || url === 'file::memory:') return { dialect: 'sqlite', path: ':memory:' };
  if (url.startsWith('file:')) {
    const path = url.startsWith('file://') ? url.slice('file://'.length) : url.slice('file:'.length);
    if (path === '') throw new Error('DATABASE_URL file: needs a path');
    return { dialect: 'sqlite', path };
  }
  if (url.startsWith('mysql://')) return { dialect: 'mysql', url };
  if (url.startsWith('mariadb://'))
    return { dialect: 'mysql', url: `mysql://${url.slice('mariadb://'.length)}` };
  throw new Error('DATABASE_URL must start with file:, mysql:// or be :memory:');
}
