import { readFileSync } from 'node:fs';
import { type Bars, barsFromColumns, toBars } from '../../../src/engine/bars.ts';
import { sharedDataPath } from '../../support/shared-data.ts';

export {
  derivedDataAvailable,
  sharedDataAvailable,
  sharedDataDir,
  warnIfNoDerivedData,
  warnIfNoSharedData,
} from '../../support/shared-data.ts';

export function readSharedText(name: string): string {
  return readFileSync(sharedDataPath(name), 'utf8');
}

/** Reads a backtesting.py-format CSV (`,Open,High,Low,Close,Volume`) into columnar bars. */
export function loadBars(name: string): Bars {
  const lines = readSharedText(name).trim().split('\n').slice(1);
  return toBars(
    lines.map((line) => {
      const [time, open, high, low, close, volume] = line.split(',');
      return { time, open: +open, high: +high, low: +low, close: +close, volume: +volume };
    }),
  );
}

/** The first `count` bars of a series (a copy). */
export function headBars(bars: Bars, count: number): Bars {
  return barsFromColumns(
    {
      time: bars.time.slice(0, count),
      open: bars.open.slice(0, count),
      high: bars.high.slice(0, count),
      low: bars.low.slice(0, count),
      close: bars.close.slice(0, count),
      volume: bars.volume.slice(0, count),
    },
    { isDatetime: bars.isDatetime },
  );
}

/** Bars on a plain integer index (RangeIndex) from OHLC arrays. */
export function rangeBars(ohlc: { open: number[]; high: number[]; low: number[]; close: number[] }): Bars {
  return barsFromColumns({ time: ohlc.close.map((_, k) => k), ...ohlc }, { isDatetime: false });
}

/** Index of the bar on a date (`YYYY-MM-DD`); throws when absent. */
export function barOn(bars: Bars, date: string): number {
  const t = Date.parse(`${date}T00:00:00Z`);
  const at = bars.time.indexOf(t);
  if (at < 0) throw new Error(`no bar on ${date}`);
  return at;
}

/** Relative closeness as numpy.isclose with atol 0. */
export function expectClose(actual: number, expected: number, rtol = 1e-9): void {
  if (Number.isNaN(expected)) {
    if (!Number.isNaN(actual)) throw new Error(`expected NaN, got ${actual}`);
    return;
  }
  if (!(Math.abs(actual - expected) <= rtol * Math.abs(expected)) && !Object.is(actual, expected)) {
    throw new Error(`expected ${expected}, got ${actual} (rtol ${rtol})`);
  }
}
