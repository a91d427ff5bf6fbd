import { addDays, todayUtc } from '../dates.ts';

/** The last weekday strictly before the UTC date of `nowMs`: the last completed trading day. */
export function lastCompletedTradingDay(nowMs: number): string {
  let day = addDays(todayUtc(nowMs), -1);
  for (;;) {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) return day;
    day = addDays(day, -1);
  }
}

/** A series ending before the last completed trading day is historical; otherwise recent. */
function isHistorical(to: string, nowMs: number): boolean {
  return to < lastCompletedTradingDay(nowMs);
}

export function cacheTtlMs(to: string, nowMs: number, ttl: { historicalS: number; recentS: number }): number {
  return (isHistorical(to, nowMs) ? ttl.historicalS : ttl.recentS) * 1000;
}

/**
 * The last date that may be recorded as covered after a fetch at `nowMs`: two days before the
 * UTC date, so a session still trading anywhere west of UTC is never recorded as complete.
 * Later requests re-fetch from there on.
 */
export function coverableUntil(nowMs: number): string {
  return addDays(todayUtc(nowMs), -2);
}
