import { EngineError } from '../errors.ts';
import { resolveParams } from '../params.ts';
import type { ParamSpecs, StrategyDefinition } from '../strategy.ts';
import { parseConstraint } from './constraint.ts';
import { countGrid, iterateGrid, type ParamCombination, type ParamRange, rangeValues } from './grid.ts';
import { isNumericStatKey, NUMERIC_STAT_KEYS, type NumericStatKey } from './stat-keys.ts';

/** The service's default MAX_OPTIMIZE_RUNS, used when no limit is given. */
export const DEFAULT_MAX_RUNS = 20_000;

/** Fixed (non-optimized) params: validated like a backtest's params. */
export type FixedParams = Readonly<Record<string, unknown>>;

export interface OptimizationSpec<S extends ParamSpecs = ParamSpecs> {
  readonly strategy: StrategyDefinition<S>;
  readonly grid: readonly ParamRange[];
  /** A constraint expression over param names (see parseConstraint), e.g. `fast < slow`. */
  readonly constraint?: string;
  /** A numeric BacktestStats key. Default `sqn` (the reference's default `SQN`). */
  readonly maximize?: string;
  readonly params?: FixedParams;
  /** Refuse a grid with more combinations than this (counted before the constraint). */
  readonly maxRuns?: number;
}

export interface OptimizationPlan {
  readonly maximize: NumericStatKey;
  readonly params: FixedParams;
  /** The combinations that pass the constraint, in grid order (first range varies slowest). */
  readonly combinations: readonly ParamCombination[];
  /** Size of the full grid before the constraint. */
  readonly gridSize: number;
}

/**
 * Validates an optimization and lists the combinations to run, without running any: the
 * maximized statistic (field `maximize`), the ranges (`grid`, `grid.<name>`: known numeric params,
 * values within the param's bounds, integers for int params), the run limit (`grid`, checked on
 * the grid's size before anything is expanded), the fixed params (`params.<name>`) and the
 * constraint (`constraint`). The constraint sees every param: defaults, fixed params and the
 * combination. Every combination that passes it must be valid for the strategy (including its
 * cross-param checks), else EngineError naming the param and the combination.
 */
export function planOptimization<S extends ParamSpecs>(spec: OptimizationSpec<S>): OptimizationPlan {
  const { strategy, grid } = spec;
  const maximize = spec.maximize ?? 'sqn';
  if (!isNumericStatKey(maximize)) {
    throw new EngineError(
      'maximize',
      `cannot maximize "${maximize}": use one of ${NUMERIC_STAT_KEYS.join(', ')}`,
    );
  }
  const gridSize = countGrid(grid);
  const maxRuns = spec.maxRuns ?? DEFAULT_MAX_RUNS;
  if (gridSize > maxRuns) {
    throw new EngineError('grid', `the grid has ${gridSize} combinations, more than the limit of ${maxRuns}`);
  }
  checkRanges(strategy, grid);
  const fixed = spec.params ?? {};
  checkFixedParams(strategy, grid, fixed);

  const specs: ParamSpecs = strategy.params;
  const names = Object.keys(specs);
  const accept = spec.constraint === undefined ? () => true : parseConstraint(spec.constraint, names);
  const base: Record<string, number | boolean> = {};
  for (const name of names) base[name] = specs[name].default;
  Object.assign(base, fixed);

  const combinations: ParamCombination[] = [];
  for (const combination of iterateGrid(grid)) {
    if (!accept({ ...base, ...combination })) continue;
    const resolved = resolveParams(strategy, { ...fixed, ...combination });
    if (!resolved.ok) {
      const messages = resolved.errors.map((e) => e.message).join('; ');
      throw new EngineError(
        `params.${resolved.errors[0].param}`,
        `${messages} for ${describe(combination)}; narrow the grid or add a constraint`,
      );
    }
    combinations.push(combination);
  }
  if (combinations.length === 0) {
    throw new EngineError('constraint', 'no combination of the grid satisfies the constraint');
  }
  return { maximize, params: fixed, combinations, gridSize };
}

function checkRanges<S extends ParamSpecs>(
  strategy: StrategyDefinition<S>,
  grid: readonly ParamRange[],
): void {
  const specs: ParamSpecs = strategy.params;
  for (const range of grid) {
    const field = `grid.${range.name}`;
    if (!Object.hasOwn(specs, range.name)) {
      const known = Object.keys(specs).sort().join(', ') || 'none';
      throw new EngineError(field, `"${range.name}" is not a param of ${strategy.name} (known: ${known})`);
    }
    const spec = specs[range.name];
    if (spec.type === 'boolean') {
      throw new EngineError(field, `"${range.name}" is a boolean param and cannot be optimized over a range`);
    }
    for (const value of rangeValues(range)) {
      if (spec.type === 'int' && !Number.isInteger(value)) {
        throw new EngineError(field, `${range.name} is an integer param but the grid reaches ${value}`);
      }
      if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) {
        throw new EngineError(
          field,
          `${range.name} must be within [${spec.min ?? '-∞'}, ${spec.max ?? '∞'}] but the grid reaches ${value}`,
        );
      }
    }
  }
}

function checkFixedParams<S extends ParamSpecs>(
  strategy: StrategyDefinition<S>,
  grid: readonly ParamRange[],
  fixed: FixedParams,
): void {
  for (const range of grid) {
    if (Object.hasOwn(fixed, range.name)) {
      throw new EngineError(`params.${range.name}`, `${range.name} is both a fixed param and in the grid`);
    }
  }
  // Each fixed param on its own (cross-param checks need the grid's values, so they come later).
  const resolved = resolveParams({ ...strategy, validate: undefined }, fixed);
  if (!resolved.ok) {
    throw new EngineError(
      `params.${resolved.errors[0].param}`,
      resolved.errors.map((e) => e.message).join('; '),
    );
  }
}

function describe(combination: ParamCombination): string {
  return Object.entries(combination)
    .map(([name, value]) => `${name}=${value}`)
    .join(', ');
}
