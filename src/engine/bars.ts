import { EngineError } from './errors.ts';

/**
 * Columnar OHLCV bars. `time` holds epoch milliseconds read as a tz-naive calendar (UTC fields)
 * when `isDatetime` is true, or plain integer periods (0, 1, 2, …) when it is false.
 */
export interface Bars {
  readonly length: number;
  readonly isDatetime: boolean;
  readonly time: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  /** NaN where the source has no volume. */
  readonly volume: Float64Array;
}

export interface BarRow {
  /** Epoch milliseconds, a period number, or an ISO date / date-time (`YYYY-MM-DD[ HH:MM[:SS]]`, read as UTC). */
  time: number | string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume?: number;
}

export interface BarColumns {
  time: ArrayLike<number>;
  open: ArrayLike<number>;
  high: ArrayLike<number>;
  low: ArrayLike<number>;
  close: ArrayLike<number>;
  volume?: ArrayLike<number>;
}

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?Z?$/;

/** Parses `YYYY-MM-DD` or `YYYY-MM-DD[T ]HH:MM[:SS[.mmm]]` as a tz-naive (UTC) epoch-ms value. */
export function parseIsoTime(text: string): number {
  const m = ISO_TIME.exec(text.trim());
  if (!m) throw new EngineError('bars.time', `not an ISO date or date-time: ${JSON.stringify(text)}`);
  const ms = m[7] ? Number(m[7].padEnd(3, '0')) : 0;
  const t = Date.UTC(+m[1], +m[2] - 1, +m[3], m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0, ms);
  if (!Number.isFinite(t)) throw new EngineError('bars.time', `invalid date: ${JSON.stringify(text)}`);
  return t;
}

/**
 * Builds columnar bars from rows. Rows are sorted by time (stable), as the reference sorts an
 * unsorted index. `isDatetime` defaults to true when any time is a string, else false.
 * Throws EngineError on NaN or infinite OHLC values.
 */
export function toBars(rows: readonly BarRow[], options: { isDatetime?: boolean } = {}): Bars {
  const n = rows.length;
  const isDatetime = options.isDatetime ?? rows.some((r) => typeof r.time === 'string');
  const times = rows.map((r) => (typeof r.time === 'string' ? parseIsoTime(r.time) : r.time));
  const order = Array.from({ length: n }, (_, k) => k);
  order.sort((a, b) => times[a] - times[b] || a - b);
  const cols = {
    time: new Float64Array(n),
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    volume: new Float64Array(n),
  };
  for (let k = 0; k < n; k++) {
    const row = rows[order[k]];
    cols.time[k] = times[order[k]];
    cols.open[k] = row.open;
    cols.high[k] = row.high;
    cols.low[k] = row.low;
    cols.close[k] = row.close;
    cols.volume[k] = row.volume ?? Number.NaN;
  }
  return barsFromColumns(cols, { isDatetime });
}

/**
 * Wraps (or copies into) Float64Array columns. The time column must already be sorted ascending;
 * `isDatetime` defaults to false. Volume defaults to NaN. Throws EngineError on bad input.
 */
export function barsFromColumns(columns: BarColumns, options: { isDatetime?: boolean } = {}): Bars {
  const n = columns.close.length;
  const col = (name: string, values: ArrayLike<number> | undefined, fill: number): Float64Array => {
    if (values === undefined) return new Float64Array(n).fill(fill);
    if (values.length !== n)
      throw new EngineError(`bars.${name}`, `column ${name} has ${values.length} values, expected ${n}`);
    return values instanceof Float64Array ? values : Float64Array.from(values);
  };
  const bars: Bars = {
    length: n,
    isDatetime: options.isDatetime ?? false,
    time: col('time', columns.time, 0),
    open: col('open', columns.open, 0),
    high: col('high', columns.high, 0),
    low: col('low', columns.low, 0),
    close: col('close', columns.close, 0),
    volume: col('volume', columns.volume, Number.NaN),
  };
  validateBars(bars);
  return bars;
}

/** Marks a bars object that passed validation (its arrays must not be modified afterwards). */
const VALIDATED = Symbol('validated bars');

/**
 * Throws EngineError when an OHLC value is NaN or infinite or the time index is not sorted.
 * A bars object that passed is marked and not scanned again (bars are immutable by contract).
 */
export function validateBars(bars: Bars): void {
  if ((bars as { [VALIDATED]?: true })[VALIDATED]) return;
  const { open, high, low, close, time } = bars;
  for (let k = 0; k < bars.length; k++) {
    // x − x is 0 for finite x and NaN for NaN or ±Infinity.
    if (
      open[k] - open[k] + high[k] - high[k] + low[k] - low[k] + close[k] - close[k] + time[k] - time[k] !==
      0
    ) {
      for (const name of ['open', 'high', 'low', 'close', 'time'] as const) {
        if (!Number.isFinite(bars[name][k])) {
          throw new EngineError(
            `bars.${name}`,
            `${name} at bar ${k} is ${bars[name][k]}; values must be finite`,
          );
        }
      }
    }
    if (k > 0 && time[k] < time[k - 1]) throw new EngineError('bars.time', `time is not sorted at bar ${k}`);
  }
  if (Object.isExtensible(bars)) Object.defineProperty(bars, VALIDATED, { value: true });
}

/**
 * Bars [from, to) of a series as views on its columns (no copy; the same immutability contract).
 * Throws EngineError (field `bars`) unless 0 ≤ from ≤ to ≤ bars.length are integers.
 */
export function sliceBars(bars: Bars, from: number, to: number): Bars {
  if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && from <= to && to <= bars.length)) {
    throw new EngineError('bars', `cannot slice bars [${from}, ${to}) of a series of ${bars.length}`);
  }
  return barsFromColumns(
    {
      time: bars.time.subarray(from, to),
      open: bars.open.subarray(from, to),
      high: bars.high.subarray(from, to),
      low: bars.low.subarray(from, to),
      close: bars.close.subarray(from, to),
      volume: bars.volume.subarray(from, to),
    },
    { isDatetime: bars.isDatetime },
  );
}
