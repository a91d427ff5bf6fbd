/**
 * isIsoDate reads the string character by character (it runs for every bar a provider sends);
 * it must accept exactly what the plain definition accepts: YYYY-MM-DD in ASCII digits, a year
 * from 1000, a month 1–12 and a day that month has (Gregorian leap years).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../../src/dates.ts';

const PLAIN = /^(\d{4})-(\d{2})-(\d{2})$/;
function byDefinition(value: string): boolean {
  const m = PLAIN.exec(value);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1000 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('isIsoDate', () => {
  it('agrees with the definition on every day, month and year shape', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        (y, m, d) => {
          const text = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          expect(isIsoDate(text)).toBe(byDefinition(text));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('agrees with the definition on arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 11 })),
        (text) => {
          expect(isIsoDate(text)).toBe(byDefinition(text));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it.each([
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2100-02-29', false],
    ['2400-02-29', true],
    ['2023-02-29', false],
    ['2023-04-31', false],
    ['0999-01-01', false],
    ['2024-01-01 ', false],
    ['２０２４-01-01', false],
    ['2024/01/01', false],
  ])('%s → %s', (text, expected) => {
    expect(isIsoDate(text)).toBe(expected);
    expect(byDefinition(text)).toBe(expected);
  });
});
