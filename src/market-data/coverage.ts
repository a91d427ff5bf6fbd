import { addDays } from '../dates.ts';

export interface DateRange {
  from: string;
  to: string;
}

/** Sorts and merges overlapping or adjacent (next calendar day) ranges. */
export function mergeRanges(ranges: readonly DateRange[]): DateRange[] {
  const sorted = [...ranges].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const merged: DateRange[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last !== undefined && range.from <= addDays(last.to, 1)) {
      if (range.to > last.to) last.to = range.to;
    } else {
      merged.push({ from: range.from, to: range.to });
    }
  }
  return merged;
}

/** The parts of [from, to] that no covered range includes, in date order. */
export function missingRanges(covered: readonly DateRange[], from: string, to: string): DateRange[] {
  const gaps: DateRange[] = [];
  let cursor = from;
  for (const range of mergeRanges(covered)) {
    if (cursor > to) break;
    if (range.to < cursor) continue;
    if (range.from > to) break;
    if (range.from > cursor) gaps.push({ from: cursor, to: addDays(range.from, -1) });
    cursor = addDays(range.to, 1);
  }
  if (cursor <= to) gaps.push({ from: cursor, to });
  return gaps;
}
