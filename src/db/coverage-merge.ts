/** Pure coverage arithmetic shared by both dialects. */
import { addDays } from '../dates.ts';
import { assertDate } from './mappers.ts';
import type { CoverageRange } from '../market-data/price-store.ts';

/** The calendar day after `date` (`YYYY-MM-DD`), computed in UTC so the host time zone never matters. */
export function nextDay(date: string): string {
  return addDays(date, 1);
}

/**
 * Merges ranges of the same ticker that overlap or touch (the next range starts on or before the
 * day after the previous one ends). A merged range takes the `fetchedAtMs` of the member that
 * reaches its end date (the most recent one when several do): staleness is decided by the most
 * recent bars, so an old fetch of the tail must not look fresh because older history was added.
 * Returns rows sorted by (ticker, from).
 */
export function mergeCoverage(ranges: readonly CoverageRange[]): CoverageRange[] {
  for (const r of ranges) {
    assertDate(r.from, 'coverage.from');
    assertDate(r.to, 'coverage.to');
    if (r.from > r.to) throw new RangeError(`coverage range ${r.ticker} ${r.from}..${r.to} is inverted`);
    if (!Number.isFinite(r.fetchedAtMs)) throw new RangeError(`coverage fetchedAtMs must be finite`);
  }
  const sorted = [...ranges].sort(
    (a, b) => compare(a.ticker, b.ticker) || compare(a.from, b.from) || compare(a.to, b.to),
  );
  const merged: CoverageRange[] = [];
  for (const r of sorted) {
    const last = merged.at(-1);
    if (last && last.ticker === r.ticker && r.from <= nextDay(last.to)) {
      if (r.to > last.to) {
        last.to = r.to;
        last.fetchedAtMs = r.fetchedAtMs;
      } else if (r.to === last.to) {
        last.fetchedAtMs = Math.max(last.fetchedAtMs, r.fetchedAtMs);
      }
    } else {
      merged.push({ ticker: r.ticker, from: r.from, to: r.to, fetchedAtMs: r.fetchedAtMs });
    }
  }
  return merged;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
