import type { PriceCsvRow } from './csv.ts';

export interface DailyRows {
  rows: PriceCsvRow[];
  /** Intraday rows folded into daily bars (0 for a daily file). */
  intradayRows: number;
  /** Daily bars made of more than one row. */
  aggregatedDays: number;
}

/**
 * Intraday rows (several per calendar date, e.g. an hourly file) as daily bars, by the date the
 * timestamps are written in (their exchange-local day), for rows whose timestamp has a time of day: first open, highest high, lowest low,
 * last close and adjusted close, summed volume. Rows of a daily file pass through unchanged;
 * the result is sorted by date.
 */
export function toDailyRows(input: readonly PriceCsvRow[]): DailyRows {
  const sorted = [...input].sort((a, b) =>
    a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0,
  );
  const rows: PriceCsvRow[] = [];
  let intradayRows = 0;
  let aggregatedDays = 0;
  for (let i = 0; i < sorted.length; ) {
    // Only rows with a time of day are intraday; a date written twice is a duplicate for the
    // validation to merge.
    let j = i + 1;
    if (sorted[i].timestamp !== sorted[i].date) {
      while (j < sorted.length && sorted[j].date === sorted[i].date && sorted[j].timestamp !== sorted[j].date)
        j += 1;
    }
    if (j - i === 1) {
      rows.push(sorted[i]);
    } else {
      const day = sorted.slice(i, j);
      const last = day[day.length - 1];
      rows.push({
        timestamp: sorted[i].date,
        date: sorted[i].date,
        open: day[0].open,
        high: Math.max(...day.map((r) => r.high)),
        low: Math.min(...day.map((r) => r.low)),
        close: last.close,
        adjClose: last.adjClose,
        volume: day.reduce((sum, r) => sum + r.volume, 0),
      });
      intradayRows += day.length;
      aggregatedDays += 1;
    }
    i = j;
  }
  return { rows, intradayRows, aggregatedDays };
}
