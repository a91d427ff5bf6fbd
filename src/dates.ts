/** Calendar-date helpers over `YYYY-MM-DD` strings (no time zone involved). */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True for a real calendar date written as YYYY-MM-DD (rejects 2023-02-30, 2023-13-01). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1000 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** Throws a RangeError naming `what` unless `value` is a real YYYY-MM-DD date. */
export function assertIsoDate(value: string, what = 'date'): string {
  if (!isIsoDate(value)) throw new RangeError(`${what} must be a calendar date YYYY-MM-DD, got "${value}"`);
  return value;
}

/** 0 = Sunday … 6 = Saturday, of the calendar date itself. */
export function weekdayOf(date: string): number {
  return new Date(dateToUtcMs(date)).getUTCDay();
}

/** Epoch milliseconds of a date at 00:00 UTC. */
export function dateToUtcMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

export function utcMsToDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return utcMsToDate(dateToUtcMs(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dateToUtcMs(to) - dateToUtcMs(from)) / DAY_MS);
}

/** The UTC calendar date of an instant. */
export function todayUtc(nowMs: number): string {
  return utcMsToDate(nowMs);
}
