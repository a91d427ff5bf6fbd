/** Splitting one multi-range read back into per-range answers. */
import { or, type SQL } from 'drizzle-orm';
import type { RangeRequest, StoredBar } from '../market-data/price-store.ts';

/** Distinct ranges, so a repeated request costs no extra predicate. */
export function distinctRanges(ranges: readonly RangeRequest[]): RangeRequest[] {
  const seen = new Map<string, RangeRequest>();
  for (const r of ranges) seen.set(`${r.ticker}\u0000${r.from}\u0000${r.to}`, r);
  return [...seen.values()];
}

/**
 * Rows of every requested ticker (any order) → one array per requested range, in request order,
 * each sorted by date. Ranges may overlap or repeat; each gets its own copy of the rows.
 */
export function splitByRange(rows: readonly StoredBar[], ranges: readonly RangeRequest[]): StoredBar[][] {
  const byTicker = new Map<string, StoredBar[]>();
  for (const row of rows) {
    const list = byTicker.get(row.ticker);
    if (list) list.push(row);
    else byTicker.set(row.ticker, [row]);
  }
  for (const list of byTicker.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return ranges.map((r) => {
    const list = byTicker.get(r.ticker) ?? [];
    const out: StoredBar[] = [];
    for (const bar of list) {
      if (bar.date > r.to) break;
      if (bar.date >= r.from) out.push({ ...bar });
    }
    return out;
  });
}

/**
 * ORs predicates as a balanced tree. SQLite rejects expressions deeper than 1000 levels, and a
 * flat `a or b or c …` is parsed as a chain as deep as the list; both engines flatten nested ORs
 * again when planning, so index range scans are unaffected.
 */
export function balancedOr(predicates: readonly (SQL | undefined)[]): SQL | undefined {
  if (predicates.length <= 2) return or(...predicates);
  const middle = Math.ceil(predicates.length / 2);
  return or(balancedOr(predicates.slice(0, middle)), balancedOr(predicates.slice(middle)));
}
