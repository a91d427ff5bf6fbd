/**
 * Whole-series arithmetic for rule evaluation. A value is a constant (number) or one
 * Float64Array per bar; conditions are 1 (true) and 0 (false). NaN compares false, as in numpy.
 */

export type Value = number | Float64Array;

export function toArray(value: Value, length: number): Float64Array {
  return typeof value === 'number' ? new Float64Array(length).fill(value) : value;
}

/** `f` applied bar by bar; a constant when both operands are constants. */
export function map2(a: Value, b: Value, length: number, f: (x: number, y: number) => number): Value {
  if (typeof a === 'number' && typeof b === 'number') return f(a, b);
  const out = new Float64Array(length);
  if (typeof a === 'number') {
    const ys = b as Float64Array;
    for (let i = 0; i < length; i++) out[i] = f(a, ys[i]);
  } else if (typeof b === 'number') {
    for (let i = 0; i < length; i++) out[i] = f(a[i], b);
  } else {
    for (let i = 0; i < length; i++) out[i] = f(a[i], b[i]);
  }
  return out;
}

export function map1(a: Value, length: number, f: (x: number) => number): Value {
  if (typeof a === 'number') return f(a);
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) out[i] = f(a[i]);
  return out;
}

export const BINARY_FUNCTIONS: Readonly<Record<string, (x: number, y: number) => number>> = {
  '+': (x, y) => x + y,
  '-': (x, y) => x - y,
  '*': (x, y) => x * y,
  '/': (x, y) => x / y,
  '<': (x, y) => (x < y ? 1 : 0),
  '<=': (x, y) => (x <= y ? 1 : 0),
  '>': (x, y) => (x > y ? 1 : 0),
  '>=': (x, y) => (x >= y ? 1 : 0),
  '==': (x, y) => (x === y ? 1 : 0),
  '!=': (x, y) => (x !== y ? 1 : 0),
  and: (x, y) => (x !== 0 && y !== 0 ? 1 : 0),
  or: (x, y) => (x !== 0 || y !== 0 ? 1 : 0),
  min: Math.min,
  max: Math.max,
};
