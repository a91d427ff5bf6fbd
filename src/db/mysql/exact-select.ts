/**
 * Reads through the binary protocol (prepared statements). mysql2's text protocol formats DOUBLEs
 * with too few digits on MariaDB (about 2% of prices come back 1 ulp off); the binary protocol
 * sends the 8 IEEE bytes, so prices round-trip exactly.
 */
import type { Pool } from 'mysql2';
import type { Retry } from './pool.ts';

interface ToSql {
  toSQL(): { sql: string; params: unknown[] };
}

export type ExactSelect = <K extends string>(
  query: ToSql,
  fields: readonly K[],
) => Promise<Record<K, unknown>[]>;

/**
 * `fields` are the keys of the select's field object, in order: the generated SQL lists the
 * columns in that order and rows come back as arrays.
 */
export function createExactSelect(pool: Pool, retry: Retry, onQuery?: (sql: string) => void): ExactSelect {
  const promisePool = pool.promise();
  return async (query, fields) => {
    const { sql, params } = query.toSQL();
    const [rows] = await retry(() => {
      onQuery?.(sql);
      return promisePool.execute({ sql, rowsAsArray: true }, params as (string | number)[]);
    });
    return (rows as unknown as unknown[][]).map((row) => {
      const out = {} as Record<(typeof fields)[number], unknown>;
      fields.forEach((field, i) => {
        out[field] = row[i];
      });
      return out;
    });
  };
}
