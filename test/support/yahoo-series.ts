import { addDays, weekdayOf } from '../../src/dates.ts';
import { type ChartRow, type ChartSource, chartMeta } from './yahoo-chart.ts';
import { mulberry32 } from './random.ts';

/**
 * Deterministic generated series for the Yahoo test server: a seeded random walk on weekdays,
 * each bar stamped at the session open in the exchange's time zone (09:30 New York = 13:30 or
 * 14:30 UTC), as Yahoo does. A bar's prices depend only on (ticker, spec, date), never on the
 * range asked for, so a series fetched in pieces joins up exactly.
 *
 * Splits and dividends behave like Yahoo's adjusted view of the world: OHLC are divided by the
 * product of every split ratio in the spec (so adding a split rescales all earlier bars, as
 * Yahoo does after the fact) and adjclose carries the dividend factor of every later dividend.
 */
export interface SeriesSpec {
  timeZone?: string;
  /** Local session open, `HH:MM`; default `09:30`. */
  openTime?: string;
  /** First trading day generated; default `2000-01-03`. */
  start?: string;
  /** Last trading day; default today (UTC). */
  end?: string;
  seed?: number;
  startPrice?: number;
  currency?: string;
  /** Weekdays without a bar. */
  holidays?: string[];
  /** Trade every calendar day, like crypto (default: weekdays only). */
  everyDay?: boolean;
  /** Dates sent with null prices, as Yahoo does for missing rows. */
  nullDates?: string[];
  splits?: Array<{ date: string; numerator: number; denominator: number }>;
  /** Amounts in split-adjusted terms, as Yahoo reports them. */
  dividends?: Array<{ date: string; amount: number }>;
}

function hashString(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const wallClocks = new Map<string, Intl.DateTimeFormat>();

/** Offset of `timeZone` from UTC at an instant, in seconds. */
function zoneOffsetSeconds(epochSeconds: number, timeZone: string): number {
  let format = wallClocks.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallClocks.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(epochSeconds * 1000));
  const n = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) / 1000;
  return wall - epochSeconds;
}

const zoned = new Map<string, number>();

/** Epoch seconds of a local wall-clock time on `date` in `timeZone` (memoized: series share days). */
export function zonedEpochSeconds(date: string, time: string, timeZone: string): number {
  const key = `${timeZone}|${time}|${date}`;
  let seconds = zoned.get(key);
  if (seconds === undefined) {
    const [hh, mm] = time.split(':').map(Number);
    const guess = Date.parse(`${date}T00:00:00Z`) / 1000 + hh * 3600 + mm * 60;
    const first = guess - zoneOffsetSeconds(guess, timeZone);
    seconds = guess - zoneOffsetSeconds(first, timeZone);
    zoned.set(key, seconds);
  }
  return seconds;
}

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

export function generatedSource(ticker: string, spec: SeriesSpec = {}): ChartSource {
  const timeZone = spec.timeZone ?? 'America/New_York';
  const openTime = spec.openTime ?? '09:30';
  const end = spec.end ?? todayUtc();
  const holidays = new Set(spec.holidays ?? []);
  const nullDates = new Set(spec.nullDates ?? []);
  const random = mulberry32(spec.seed ?? hashString(ticker));
  const splitFactor = (spec.splits ?? []).reduce((f, s) => f * (s.numerator / s.denominator), 1);

  const dates: string[] = [];
  const raw: Array<{ open: number; high: number; low: number; close: number; volume: number }> = [];
  let previousClose = spec.startPrice ?? 100;
  for (let date = spec.start ?? '2000-01-03'; date <= end; date = addDays(date, 1)) {
    const weekday = weekdayOf(date);
    if ((!spec.everyDay && (weekday === 0 || weekday === 6)) || holidays.has(date)) continue;
    const open = previousClose * Math.exp((random() - 0.5) * 0.01);
    const close = previousClose * Math.exp((random() - 0.5) * 0.04);
    const high = Math.max(open, close) * (1 + random() * 0.01);
    const low = Math.min(open, close) * (1 - random() * 0.01);
    const volume = Math.round(1_000_000 * (0.5 + random()));
    dates.push(date);
    raw.push({ open, high, low, close, volume });
    previousClose = close;
  }

  // Dividend factor for each bar: the product over later ex-dates of (1 - amount / close
  // of the bar before the ex-date), all in split-adjusted terms.
  const adjFactor = dates.map(() => 1);
  for (const dividend of spec.dividends ?? []) {
    const exIndex = dates.findIndex((d) => d >= dividend.date);
    if (exIndex <= 0) continue;
    const factor = 1 - dividend.amount / (raw[exIndex - 1].close / splitFactor);
    for (let i = 0; i < exIndex; i += 1) adjFactor[i] *= factor;
  }

  const rows: ChartRow[] = dates.map((date, i) => {
    const t = zonedEpochSeconds(date, openTime, timeZone);
    if (nullDates.has(date))
      return { t, open: null, high: null, low: null, close: null, volume: null, adjclose: null };
    const bar = raw[i];
    const close = bar.close / splitFactor;
    return {
      t,
      open: bar.open / splitFactor,
      high: bar.high / splitFactor,
      low: bar.low / splitFactor,
      close,
      volume: Math.round(bar.volume * splitFactor),
      adjclose: close * adjFactor[i],
    };
  });
  const stamp = (date: string): number => zonedEpochSeconds(date, openTime, timeZone);
  const last = rows.at(-1);
  return {
    meta: chartMeta(ticker, timeZone, spec.currency ?? 'USD', last?.t ?? 0, last?.close ?? 0),
    rows,
    splits: (spec.splits ?? []).map((s) => ({
      t: stamp(s.date),
      numerator: s.numerator,
      denominator: s.denominator,
    })),
    dividends: (spec.dividends ?? []).map((d) => ({ t: stamp(d.date), amount: d.amount })),
  };
}
