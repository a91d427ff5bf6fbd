import { MS_PER_DAY, monthNumber, weekday, weekNumber } from './calendar.ts';
import { dataPeriod, durationResolutionMs } from './stats-period.ts';

/** What the statistics need to know about a time index, computed in one pass. */
export interface IndexProfile {
  readonly isDatetime: boolean;
  /** Every timestamp is at midnight: report dates without a time. */
  readonly dateOnly: boolean;
  /** D: 252, 365, 52, 12 or 1; NaN for a non-datetime index. */
  readonly periodsPerYear: number;
  /** Durations are rounded up to this (ms); 0 = not rounded (non-datetime index). */
  readonly resolutionMs: number;
  /** Last bar of each non-empty calendar bucket (day, week, month or year), ascending. */
  readonly bucketEnds: Float64Array;
}

/**
 * backtesting.py's annualization: the data period P is the median difference of
 * the last 100 timestamps; whole days of P = 7 → weekly buckets and D = 52, 31 → monthly and
 * 12, 365 → yearly and 1, else daily buckets with D = 365 when more than 0.6·2/7 of the bars
 * fall on a weekend, else 252.
 */
export function profileIndex(time: ArrayLike<number>, isDatetime: boolean): IndexProfile {
  const n = time.length;
  if (!isDatetime) {
    return {
      isDatetime,
      dateOnly: false,
      periodsPerYear: Number.NaN,
      resolutionMs: 0,
      bucketEnds: new Float64Array(0),
    };
  }
  const period = dataPeriod(time);
  const wholeDays = Math.floor(period / MS_PER_DAY);
  const keyOf =
    wholeDays === 7
      ? weekNumber
      : wholeDays === 31
        ? monthNumber
        : wholeDays === 365
          ? (day: number) => Math.floor(monthNumber(day) / 12)
          : null;
  const ends = new Float64Array(n);
  let count = 0;
  let dateOnly = true;
  let weekendBars = 0;
  let day = Math.floor(time[0] / MS_PER_DAY);
  let key = keyOf === null ? day : keyOf(day);
  for (let k = 0; k < n; k++) {
    if (day * MS_PER_DAY !== time[k]) dateOnly = false;
    if (weekday(day) >= 5) weekendBars++;
    if (k === n - 1) {
      ends[count++] = k;
      break;
    }
    const nextDay = Math.floor(time[k + 1] / MS_PER_DAY);
    if (nextDay !== day) {
      const nextKey = keyOf === null ? nextDay : keyOf(nextDay);
      if (nextKey !== key) ends[count++] = k;
      key = nextKey;
      day = nextDay;
    }
  }
  const periodsPerYear =
    wholeDays === 7
      ? 52
      : wholeDays === 31
        ? 12
        : wholeDays === 365
          ? 1
          : weekendBars / n > (2 / 7) * 0.6
            ? 365
            : 252;
  return {
    isDatetime,
    dateOnly,
    periodsPerYear,
    resolutionMs: durationResolutionMs(period),
    bucketEnds: ends.slice(0, count),
  };
}

export interface PeriodReturnStats {
  /** Geometric mean return g (the reference's geometric_mean: NaN counts as 0; 0 if any 1+r ≤ 0). */
  readonly growth: number;
  /** Sample variance (ddof 1) of the non-NaN returns. */
  readonly variance: number;
  /** sqrt(mean(min(r, 0)²)) over the non-NaN returns. */
  readonly downside: number;
}

/**
 * Statistics of the simple returns between consecutive bucket-end equity values (pandas
 * pct_change; 0/0 gives NaN), computed in two passes without materializing the returns.
 * `equityLogReturns` (log(E[k+1]/E[k])) lets adjacent buckets reuse a logarithm: when
 * (x − 1) + 1 is exactly x = E[k+1]/E[k] (always for x in [0.5, 2]), log(1 + r) is that value.
 */
export function periodReturnStats(
  equity: ArrayLike<number>,
  bucketEnds: Float64Array,
  equityLogReturns?: Float64Array,
): PeriodReturnStats {
  const m = bucketEnds.length - 1;
  let logSum = 0;
  let nonPositive = false;
  let sum = 0;
  let squares = 0;
  let count = 0;
  for (let k = 1; k <= m; k++) {
    const end = bucketEnds[k];
    const previous = bucketEnds[k - 1];
    const ratio = equity[end] / equity[previous];
    const r = ratio - 1;
    if (Number.isNaN(r)) continue;
    const growth = r + 1;
    if (growth <= 0) nonPositive = true;
    else if (equityLogReturns !== undefined && end === previous + 1 && growth === ratio) {
      logSum += equityLogReturns[previous];
    } else logSum += Math.log(growth);
    sum += r;
    if (r < 0) squares += r * r;
    count++;
  }
  const mean = count === 0 ? Number.NaN : sum / count;
  let deviations = 0;
  for (let k = 1; k <= m; k++) {
    const r = equity[bucketEnds[k]] / equity[bucketEnds[k - 1]] - 1;
    if (!Number.isNaN(r)) deviations += (r - mean) * (r - mean);
  }
  return {
    growth: nonPositive ? 0 : Math.exp(logSum / (m > 0 ? m : Number.NaN)) - 1,
    variance: count < 2 ? Number.NaN : deviations / (count - 1),
    downside: Math.sqrt(count ? squares / count : Number.NaN),
  };
}
