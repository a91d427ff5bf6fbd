import { dayNumber, monthNumber } from './calendar.ts';

export type Rebalance = 'NEVER' | 'MONTHLY' | 'QUARTERLY' | 'YEARLY';

/** The union of several sorted time columns, ascending, without duplicates. */
export function unionCalendar(times: readonly Float64Array[]): Float64Array {
  const all = new Float64Array(times.reduce((n, t) => n + t.length, 0));
  let at = 0;
  for (const t of times) {
    all.set(t, at);
    at += t.length;
  }
  all.sort();
  let unique = 0;
  for (let k = 0; k < all.length; k++) if (k === 0 || all[k] !== all[k - 1]) all[unique++] = all[k];
  return all.slice(0, unique);
}

/**
 * For each date of the calendar, the index of the series' bar on that date, or −1 when the
 * series has no bar that day. Both columns are sorted ascending; every series date is in the calendar.
 */
export function alignToCalendar(calendar: Float64Array, time: Float64Array): Int32Array {
  const at = new Int32Array(calendar.length).fill(-1);
  let j = 0;
  for (let k = 0; k < calendar.length && j < time.length; k++) {
    if (calendar[k] === time[j]) at[k] = j++;
  }
  return at;
}

/**
 * Whether calendar date k opens a new rebalancing period (month, quarter or year) compared with
 * the previous calendar date: the first trading date of the period in the union calendar.
 * Never true for k = 0 (the initial purchase) or with NEVER.
 */
export function rebalanceDays(calendar: Float64Array, rebalance: Rebalance): Uint8Array {
  const flags = new Uint8Array(calendar.length);
  if (rebalance === 'NEVER') return flags;
  const months = rebalance === 'MONTHLY' ? 1 : rebalance === 'QUARTERLY' ? 3 : 12;
  const period = (k: number) => Math.floor(monthNumber(dayNumber(calendar[k])) / months);
  for (let k = 1; k < calendar.length; k++) if (period(k) !== period(k - 1)) flags[k] = 1;
  return flags;
}
