import { EngineError } from '../errors.ts';

/** One optimized param: the values from, from+step, … up to and including `to`. */
export interface ParamRange {
  readonly name: string;
  readonly from: number;
  readonly to: number;
  readonly step: number;
}

export type ParamCombination = Record<string, number>;

/** How far (in steps) `to` may miss the last grid point and still count as reached. */
const STEP_TOLERANCE = 1e-9;
const SIGNIFICANT_DIGITS = 12;

/**
 * Number of values in a range. The step is counted in whole steps, k = round((to − from)/step)
 * when (to − from)/step is within 1e-9 (relative) of a whole number, else its floor, so float
 * steps such as 0.1 reach an inclusive `to` (0.1..0.3 step 0.1 → 3 values) without a spurious
 * extra point. Throws EngineError (field `grid.<name>.<from|to|step>`) on an invalid range.
 */
function rangeSize(range: ParamRange): number {
  const { name, from, to, step } = range;
  const field = `grid.${name}`;
  if (!Number.isFinite(from)) throw new EngineError(`${field}.from`, `${name}: from must be a finite number`);
  if (!Number.isFinite(to)) throw new EngineError(`${field}.to`, `${name}: to must be a finite number`);
  if (!Number.isFinite(step) || step <= 0) {
    throw new EngineError(`${field}.step`, `${name}: step must be a finite number > 0, got ${step}`);
  }
  if (from > to) {
    throw new EngineError(`${field}.from`, `${name}: from (${from}) must not be greater than to (${to})`);
  }
  const steps = (to - from) / step;
  const nearest = Math.round(steps);
  const isWhole = Math.abs(steps - nearest) <= STEP_TOLERANCE * Math.max(1, steps);
  return (isWhole ? nearest : Math.floor(steps)) + 1;
}

/** The values of a range: `from + i·step` for i = 0..k, rounded to 12 significant digits. */
export function rangeValues(range: ParamRange): number[] {
  const size = rangeSize(range);
  const values = new Array<number>(size);
  for (let i = 0; i < size; i++) values[i] = roundSignificant(range.from + i * range.step);
  return values;
}

/**
 * Size of the full grid (the product of the range sizes) without expanding it, so a caller can
 * enforce a run limit before allocating anything. Validates every range and the names.
 */
export function countGrid(ranges: readonly ParamRange[]): number {
  validateNames(ranges);
  let count = 1;
  for (const range of ranges) count *= rangeSize(range);
  return count;
}

/**
 * Every combination, the first range varying slowest and the last fastest (the order of
 * itertools.product, as backtesting.py's grid). Lazy: filter with a constraint while iterating
 * to avoid materializing combinations that are rejected.
 */
export function iterateGrid(ranges: readonly ParamRange[]): Generator<ParamCombination> {
  countGrid(ranges); // validate now, not on the first next()
  return combinations(
    ranges.map((r) => r.name),
    ranges.map(rangeValues),
  );
}

function* combinations(names: readonly string[], values: readonly number[][]): Generator<ParamCombination> {
  const digits = new Array<number>(names.length).fill(0);
  while (true) {
    const combination: ParamCombination = {};
    for (let r = 0; r < names.length; r++) combination[names[r]] = values[r][digits[r]];
    yield combination;
    let r = names.length - 1;
    while (r >= 0 && ++digits[r] === values[r].length) digits[r--] = 0;
    if (r < 0) return;
  }
}

export interface ExpandGridOptions {
  /** Refuse (EngineError, field `grid`) a grid with more combinations than this, before allocating. */
  readonly maxCombinations?: number;
}

/** All combinations of the grid as an array (see iterateGrid for the order). */
export function expandGrid(
  ranges: readonly ParamRange[],
  options: ExpandGridOptions = {},
): ParamCombination[] {
  const count = countGrid(ranges);
  const limit = options.maxCombinations;
  if (limit !== undefined && count > limit) {
    throw new EngineError('grid', `the grid has ${count} combinations, more than the limit of ${limit}`);
  }
  return Array.from(iterateGrid(ranges));
}

function validateNames(ranges: readonly ParamRange[]): void {
  if (ranges.length === 0) throw new EngineError('grid', 'the grid needs at least one param range');
  const seen = new Set<string>();
  for (const { name } of ranges) {
    if (typeof name !== 'string' || name.trim() === '')
      throw new EngineError('grid', 'every range needs a param name');
    if (seen.has(name))
      throw new EngineError(`grid.${name}`, `param "${name}" appears more than once in the grid`);
    seen.add(name);
  }
}

function roundSignificant(value: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(SIGNIFICANT_DIGITS));
}
