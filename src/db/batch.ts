/** Helpers for bulk writes: bound-parameter budgets and duplicate keys within one call. */

/** SQLite's default SQLITE_MAX_VARIABLE_NUMBER (3.32+). */
export const SQLITE_MAX_PARAMS = 32_766;
/** MySQL's prepared-statement placeholder limit. */
export const MYSQL_MAX_PARAMS = 65_535;

/**
 * Splits rows so that no statement binds more than `maxParams` values
 * (rows × columnsPerRow) nor holds more than `maxRows` rows.
 */
export function chunkRows<T>(
  rows: readonly T[],
  columnsPerRow: number,
  maxParams: number,
  maxRows = Number.POSITIVE_INFINITY,
): T[][] {
  const size = Math.max(1, Math.min(maxRows, Math.floor(maxParams / columnsPerRow)));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}

/** Keeps the last row for each key, in first-seen order: both dialects then agree on duplicates. */
export function dedupeLast<T>(rows: readonly T[], keyOf: (row: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const row of rows) {
    const key = keyOf(row);
    if (byKey.has(key)) byKey.delete(key);
    byKey.set(key, row);
  }
  return [...byKey.values()];
}
