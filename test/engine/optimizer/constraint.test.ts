import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catchError } from '../../support/errors.ts';
import { EngineError } from '../../../src/engine/errors.ts';
import { ConstraintError, parseConstraint } from '../../../src/engine/optimizer/constraint.ts';

const names = ['fast', 'slow', 'signal', 'longOnly'];
const check = (expr: string, params: Record<string, number | boolean>) =>
  parseConstraint(expr, names)(params);

describe('parseConstraint', () => {
  it('compares params', () => {
    expect(check('fast < slow', { fast: 5, slow: 10 })).toBe(true);
    expect(check('fast < slow', { fast: 10, slow: 10 })).toBe(false);
    expect(check('fast <= slow', { fast: 10, slow: 10 })).toBe(true);
    expect(check('fast >= slow', { fast: 9, slow: 10 })).toBe(false);
    expect(check('fast == 3', { fast: 3 })).toBe(true);
    expect(check('fast != 3', { fast: 3 })).toBe(false);
  });

  it('uses arithmetic precedence: * / % before + −, left to right', () => {
    expect(check('slow > 2*fast + 1', { fast: 4, slow: 9 })).toBe(false);
    expect(check('slow > 2*fast + 1', { fast: 4, slow: 10 })).toBe(true);
    expect(check('slow - fast - 2 == 3', { fast: 5, slow: 10 })).toBe(true); // (10−5)−2, not 10−(5−2)
    expect(check('slow / fast / 2 == 1', { fast: 5, slow: 10 })).toBe(true);
    expect(check('(slow - fast) * 2 == 10', { fast: 5, slow: 10 })).toBe(true);
    expect(check('slow - fast * 2 == 0', { fast: 5, slow: 10 })).toBe(true);
  });

  it('has unary minus and plus, numbers with decimals and exponents', () => {
    expect(check('-fast < -3', { fast: 4 })).toBe(true);
    expect(check('--fast == 4', { fast: 4 })).toBe(true);
    expect(check('+fast == 4 and 1.5e1 == 15 and .5 == 0.5', { fast: 4 })).toBe(true);
    expect(check('2 * -fast == -8', { fast: 4 })).toBe(true);
  });

  it('uses a floored modulo like Python (sign of the divisor)', () => {
    expect(check('fast % 2 == 0', { fast: 10 })).toBe(true);
    expect(check('fast % 3 == 2', { fast: -7 })).toBe(true);
    expect(check('fast % -3 == -2', { fast: 7 })).toBe(true);
  });

  it('combines with && || ! and the words and/or/not, and binding looser than or', () => {
    expect(check('fast < slow && slow < 100', { fast: 1, slow: 200 })).toBe(false);
    expect(check('fast < slow and slow < 100', { fast: 1, slow: 50 })).toBe(true);
    expect(check('fast > slow || signal == 9', { fast: 1, slow: 2, signal: 9 })).toBe(true);
    expect(check('fast > slow or signal == 9', { fast: 1, slow: 2, signal: 8 })).toBe(false);
    expect(check('fast == 1 or fast == 2 and slow == 3', { fast: 1, slow: 0 })).toBe(true);
    expect(check('(fast == 1 or fast == 2) and slow == 3', { fast: 1, slow: 0 })).toBe(false);
  });

  it('binds not/! looser than comparisons, as in Python', () => {
    expect(check('not fast < 5', { fast: 3 })).toBe(false);
    expect(check('!fast < 5', { fast: 7 })).toBe(true);
    expect(check('not not fast < 5', { fast: 3 })).toBe(true);
  });

  it('chains comparisons like Python', () => {
    expect(check('2 <= fast < slow', { fast: 2, slow: 3 })).toBe(true);
    expect(check('2 <= fast < slow', { fast: 3, slow: 3 })).toBe(false);
    expect(check('2 <= fast < slow', { fast: 1, slow: 3 })).toBe(false);
    expect(check('fast < slow < signal', { fast: 1, slow: 3, signal: 2 })).toBe(false);
  });

  it('reads boolean params and literals and counts booleans as 1/0 in arithmetic', () => {
    expect(check('longOnly', { longOnly: true })).toBe(true);
    expect(check('!longOnly || fast > 2', { longOnly: true, fast: 1 })).toBe(false);
    expect(check('longOnly == true', { longOnly: false })).toBe(false);
    expect(check('longOnly + 1 == 2', { longOnly: true })).toBe(true);
    expect(check('True and not False', {})).toBe(true);
  });

  it('is decided by truthiness: 0 and NaN are false, other numbers true', () => {
    expect(check('fast - 3', { fast: 3 })).toBe(false);
    expect(check('fast - 3', { fast: 4 })).toBe(true);
    expect(check('fast / 0 > 1', { fast: 4 })).toBe(true);
    expect(check('0 / 0', {})).toBe(false);
  });

  it('agrees with the direct computation for random params', () => {
    const pred = parseConstraint('slow > 2 * fast and (signal % 2 == 1 or fast + signal < slow)', names);
    fc.assert(
      fc.property(
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 0, max: 50 }),
        (fast, slow, signal) => {
          const expected = slow > 2 * fast && (signal % 2 === 1 || fast + signal < slow);
          expect(pred({ fast, slow, signal })).toBe(expected);
        },
      ),
    );
  });

  it('names an unknown param, its position and the known names', () => {
    const error = catchError(() => parseConstraint('fast < slwo', ['fast', 'slow'])) as ConstraintError;
    expect(error).toBeInstanceOf(ConstraintError);
    expect(error).toBeInstanceOf(EngineError);
    expect(error.field).toBe('constraint');
    expect(error.position).toBe(7);
    expect(error.message).toBe('unknown param "slwo" (known: fast, slow) at position 7');
  });

  it.each([
    ['', 0, /empty constraint/],
    ['   ', 3, /empty constraint/],
    ['fast <', 6, /expected a number, a param or "\(" but found end of expression/],
    ['(fast < slow', 12, /expected "\)"/],
    ['fast < slow)', 11, /unexpected "\)"/],
    ['fast = slow', 5, /unexpected character "=" \(use == to compare\)/],
    ['fast < slow & 1', 12, /use && or and/],
    ['fast slow', 5, /unexpected "slow"/],
    ['fast < slow and', 15, /found end of expression/],
    ['2fast > 1', 1, /unexpected "f" after a number/],
    ['fast # 1', 5, /unexpected character "#"/],
    ['fast < * 2', 7, /found "\*"/],
    ['fast < 2 or', 11, /found end of expression/],
    ['not', 3, /found end of expression/],
  ])('reports a syntax error in %j at position %i', (expr, position, message) => {
    const error = catchError(() => parseConstraint(expr, names)) as ConstraintError;
    expect(error).toBeInstanceOf(ConstraintError);
    expect(error.position).toBe(position);
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(new RegExp(`at position ${position}$`));
  });

  it('reports words as written in messages', () => {
    expect((catchError(() => parseConstraint('fast < and', names)) as Error).message).toMatch(/found "and"/);
  });

  it('refuses very deep nesting and very long expressions instead of overflowing', () => {
    const deep = `${'('.repeat(200)}fast${')'.repeat(200)} < 3`;
    expect((catchError(() => parseConstraint(deep, names)) as Error).message).toMatch(/nested more than/);
    expect((catchError(() => parseConstraint(`${'-'.repeat(300)}fast`, names)) as Error).message).toMatch(
      /nested/,
    );
    const long = Array.from({ length: 300 }, () => 'fast').join(' + ');
    expect(catchError(() => parseConstraint(long, names))).toBeInstanceOf(ConstraintError);
  });

  it('throws when a referenced param has no value', () => {
    const pred = parseConstraint('fast < slow', names);
    expect((catchError(() => pred({ fast: 1 })) as Error).message).toMatch(
      /param "slow" has no value at position 7/,
    );
  });

  it('never evaluates code: names that are not params are rejected', () => {
    for (const expr of ['constructor', 'process', '__proto__ == 1', 'globalThis']) {
      expect(catchError(() => parseConstraint(expr, names))).toBeInstanceOf(ConstraintError);
    }
  });
});
