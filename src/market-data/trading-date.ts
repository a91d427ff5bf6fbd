/**
 * Trading dates: `YYYY-MM-DD` strings naming an exchange-local calendar day.
 * A bar's trading date comes from its timestamp seen in the exchange's time zone, never from
 * the UTC date (a Tokyo or Auckland session opens before midnight UTC of its own day).
 * Plain calendar arithmetic lives in src/dates.ts.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    // en-CA formats as YYYY-MM-DD; throws RangeError for an unknown time zone.
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when `timeZone` is an IANA zone name this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

const YMD = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Dates already worked out, per time zone and instant. Every ticker of an exchange has the same
 * daily timestamps (the session's open), so after the first series most dates are a lookup.
 * Bounded: cleared when it grows past MEMO_LIMIT entries (about 40 years of daily bars per zone).
 */
const memo = new Map<string, Map<number, string>>();
const MEMO_LIMIT = 10_000;

/** The exchange-local trading date of an instant given in epoch seconds. */
export function toTradingDate(epochSeconds: number, timeZone: string): string {
  let dates = memo.get(timeZone);
  if (dates === undefined) {
    formatterFor(timeZone); // an unknown zone throws before anything is remembered for it
    dates = new Map();
    memo.set(timeZone, dates);
  }
  let date = dates.get(epochSeconds);
  if (date === undefined) {
    date = formatDate(epochSeconds, timeZone);
    if (dates.size >= MEMO_LIMIT) dates.clear();
    dates.set(epochSeconds, date);
  }
  return date;
}

function formatDate(epochSeconds: number, timeZone: string): string {
  const formatter = formatterFor(timeZone);
  const date = new Date(epochSeconds * 1000);
  // en-CA formats as YYYY-MM-DD; format() is several times cheaper than formatToParts().
  const text = formatter.format(date);
  if (YMD.test(text)) return text;
  const parts = formatter.formatToParts(date);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Epoch seconds of 00:00 UTC on `date`. */
export function dateToEpochSeconds(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 1000;
}
