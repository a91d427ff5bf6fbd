import type { DailyBar } from './types.ts';
import { isIsoDate } from '../dates.ts';

export interface ValidationResult {
  /** Clean bars, one per date, sorted by date. */
  bars: DailyBar[];
  /** Rows removed: bad date, a non-finite / zero / negative price, or `high < low`. */
  dropped: number;
  /** Rows kept after a fix (each counted once however many fixes it needed). */
  repaired: number;
  /** Rows discarded because a later row had the same date. */
  merged: number;
}

function isPositivePrice(value: number): boolean {
  return Number.isFinite(value) && value > 0;
}

/**
 * Cleans provider bars so garbage never reaches the engine. Pure; the input is not modified.
 *
 * Rules, applied to each row in input order:
 * - dropped: a date that is not a real YYYY-MM-DD day; open/high/low/close non-finite, zero or
 *   negative; `high < low` (the range itself is wrong, nothing to trust).
 * - repaired: open or close outside [low, high] widens the range to include them (the
 *   reported open/close are trades that happened, the high/low summary missed them);
 *   a non-finite or negative volume becomes 0; a non-finite or non-positive adjClose
 *   becomes close (no adjustment known).
 * Then duplicate dates among the surviving rows are merged by keeping the last one (a later
 *   row is a later revision), and the output is sorted by date.
 */
export function validateBars(bars: readonly DailyBar[]): ValidationResult {
  let dropped = 0;
  let repaired = 0;
  const ordered: DailyBar[] = [];
  let byDate: Map<string, DailyBar> | null = null;
  let merged = 0;

  for (const bar of bars) {
    const { open, close } = bar;
    let { high, low, volume, adjClose } = bar;
    const pricesOk =
      isPositivePrice(open) && isPositivePrice(high) && isPositivePrice(low) && isPositivePrice(close);
    if (typeof bar.date !== 'string' || !isIsoDate(bar.date) || !pricesOk || high < low) {
      dropped += 1;
      continue;
    }
    let fixed = false;
    const top = Math.max(open, close);
    const bottom = Math.min(open, close);
    if (top > high) {
      high = top;
      fixed = true;
    }
    if (bottom < low) {
      low = bottom;
      fixed = true;
    }
    if (!Number.isFinite(volume) || volume < 0) {
      volume = 0;
      fixed = true;
    }
    if (!isPositivePrice(adjClose)) {
      adjClose = close;
      fixed = true;
    }
    if (fixed) repaired += 1;
    const clean = { date: bar.date, open, high, low, close, adjClose, volume };
    // Providers answer in date order: while dates only rise, the rows go straight to the
    // output; the first one out of order (or repeated) moves them all to the merge by date.
    if (byDate === null && (ordered.length === 0 || ordered[ordered.length - 1].date < bar.date)) {
      ordered.push(clean);
      continue;
    }
    if (byDate === null) byDate = new Map(ordered.map((b) => [b.date, b]));
    if (byDate.has(bar.date)) {
      merged += 1;
      byDate.delete(bar.date);
    }
    byDate.set(bar.date, clean);
  }

  if (byDate === null) return { bars: ordered, dropped, repaired, merged };
  const out = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { bars: out, dropped, repaired, merged };
}
