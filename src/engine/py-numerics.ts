/**
 * Python float semantics the reference relies on. JS differs in small but visible ways:
 * `1 // 0.1` is 9 in Python while `Math.floor(1 / 0.1)` is 10, and `round(2.5)` is 2.
 */

/** The reference's default order size, 1 − 2⁻⁵² (= 0.9999999999999998): "almost all" margin. */
export const DEFAULT_ORDER_SIZE = 1 - 2 ** -52;

/** CPython's float floor division `a // b` (float_floor_div), for any finite operands. */
export function floorDiv(a: number, b: number): number {
  if (b === 0) return a / b;
  let mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0) {
    if (b < 0 !== mod < 0) {
      mod += b;
      div -= 1;
    }
  }
  if (div !== 0) {
    let q = Math.floor(div);
    if (div - q > 0.5) q += 1;
    return q;
  }
  return Math.sign(a / b) < 0 || Object.is(a / b, -0) ? -0 : 0;
}

/** Python's `round(x)` for floats: to the nearest integer, ties to even (2.5 → 2, 3.5 → 4). */
export function roundHalfEven(x: number): number {
  if (!Number.isFinite(x)) return x;
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** Python's `math.copysign(magnitude, sign)`. */
export function copySign(magnitude: number, sign: number): number {
  const abs = Math.abs(magnitude);
  return sign < 0 || Object.is(sign, -0) ? -abs : abs;
}

/**
 * numpy's float64 sum (`np.add.reduce` on a contiguous array): pairwise summation with eight
 * accumulators in blocks of up to 128 values, so sums and means agree with numpy to the bit.
 */
export function pairwiseSum(values: ArrayLike<number>, start = 0, length = values.length - start): number {
  if (length < 8) {
    let sum = 0;
    for (let k = start; k < start + length; k++) sum += values[k];
    return sum;
  }
  if (length <= 128) {
    const r = [0, 0, 0, 0, 0, 0, 0, 0];
    for (let j = 0; j < 8; j++) r[j] = values[start + j];
    let k = 8;
    for (; k < length - (length % 8); k += 8) for (let j = 0; j < 8; j++) r[j] += values[start + k + j];
    let sum = r[0] + r[1] + (r[2] + r[3]) + (r[4] + r[5] + (r[6] + r[7]));
    for (; k < length; k++) sum += values[start + k];
    return sum;
  }
  let half = Math.floor(length / 2);
  half -= half % 8;
  return pairwiseSum(values, start, half) + pairwiseSum(values, start + half, length - half);
}
