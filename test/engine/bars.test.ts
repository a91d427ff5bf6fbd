import { describe, expect, it } from 'vitest';
import { parseIsoTime, toBars } from '../../src/engine/bars.ts';

describe('toBars', () => {
  it('sorts rows by time, parses ISO dates as tz-naive UTC and defaults volume to NaN', () => {
    const bars = toBars([
      { time: '2020-01-03', open: 3, high: 3, low: 3, close: 3 },
      { time: '2020-01-01', open: 1, high: 1, low: 1, close: 1, volume: 10 },
      { time: '2020-01-02 12:30', open: 2, high: 2, low: 2, close: 2 },
    ]);
    expect(bars.isDatetime).toBe(true);
    expect(Array.from(bars.close)).toEqual([1, 2, 3]);
    expect(Array.from(bars.time)).toEqual([
      Date.UTC(2020, 0, 1),
      Date.UTC(2020, 0, 2, 12, 30),
      Date.UTC(2020, 0, 3),
    ]);
    expect(bars.volume[0]).toBe(10);
    expect(bars.volume[1]).toBeNaN();
  });

  it('treats numeric times as plain periods unless told otherwise', () => {
    expect(toBars([{ time: 0, open: 1, high: 1, low: 1, close: 1 }]).isDatetime).toBe(false);
    expect(toBars([{ time: 0, open: 1, high: 1, low: 1, close: 1 }], { isDatetime: true }).isDatetime).toBe(
      true,
    );
  });

  it('rejects infinite prices and malformed dates', () => {
    expect(() => toBars([{ time: 0, open: 1, high: Number.POSITIVE_INFINITY, low: 1, close: 1 }])).toThrow(
      expect.objectContaining({ name: 'EngineError', field: 'bars.high' }),
    );
    expect(() => parseIsoTime('2020-13-45x')).toThrow(expect.objectContaining({ field: 'bars.time' }));
    expect(parseIsoTime('2017-04-19 09:00:00')).toBe(Date.UTC(2017, 3, 19, 9));
  });
});
