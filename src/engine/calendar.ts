/** Calendar arithmetic on tz-naive epoch milliseconds, without allocating Date objects. */

export const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 (floor). */
export function dayNumber(timeMs: number): number {
  return Math.floor(timeMs / MS_PER_DAY);
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  const w = (day + 3) % 7;
  return w < 0 ? w + 7 : w;
}

/** Bucket number of the Monday–Sunday week (pandas 'W' = weeks ending Sunday). */
export function weekNumber(day: number): number {
  return Math.floor((day + 3) / 7);
}

/** year·12 + (month − 1) of a day number (proleptic Gregorian, H. Hinnant's civil_from_days). */
export function monthNumber(day: number): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year * 12 + (month - 1);
}

/** `YYYY-MM-DD` when `dateOnly`, else `YYYY-MM-DDTHH:MM:SS` (`.mmm` when not whole seconds). */
export function toIsoTime(timeMs: number, dateOnly: boolean): string {
  const iso = new Date(timeMs).toISOString();
  if (dateOnly) return iso.slice(0, 10);
  return timeMs % 1000 === 0 ? iso.slice(0, 19) : iso.slice(0, 23);
}
