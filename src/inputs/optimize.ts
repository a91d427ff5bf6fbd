import { MAX_CONSTRAINT_LENGTH } from '../engine/optimizer/constraint.ts';
import { BadInputError } from '../errors.ts';
import type { SeriesKey } from '../market-data/series.ts';
import type { AnyStrategyDefinition } from '../strategies/registry.ts';
import { type CanonicalOptions, canonicalOptions, type EngineOptionsInput } from './options.ts';
import { checkRange, type SeriesLimits, toTicker } from './series.ts';
import { resolveStrategyRef, type StrategyChoice } from './strategy.ts';
import type { SavedStrategies, StrategyRef } from './strategy-ref.ts';

export interface ParamRangeInput {
  name: string;
  from: number;
  to: number;
  step: number;
}

export interface OptimizeRequestInput extends EngineOptionsInput, StrategyChoice {
  ticker: string;
  from: string;
  to: string;
  adjusted?: boolean | null;
  grid: readonly ParamRangeInput[];
  constraint?: string | null;
  maximize?: string | null;
}

/**
 * A checked optimization request. The grid, the fixed params and the maximized statistic are
 * checked against the strategy by the optimizer's plan (which knows the grid semantics).
 */
export interface ValidatedOptimize {
  readonly series: SeriesKey;
  readonly definition: AnyStrategyDefinition;
  readonly strategy: StrategyRef;
  readonly grid: readonly ParamRangeInput[];
  readonly params: Record<string, number | boolean>;
  readonly constraint: string | undefined;
  readonly maximize: string;
  readonly options: CanonicalOptions;
}

export async function canonicalOptimize(
  input: OptimizeRequestInput,
  limits: SeriesLimits,
  saved: SavedStrategies,
): Promise<ValidatedOptimize> {
  const ticker = toTicker(input.ticker, 'input.ticker');
  checkRange(input.from, input.to, limits, 'input.');
  const { definition, ref } = await resolveStrategyRef(input, saved);
  const options = canonicalOptions(input);
  if (input.grid.length === 0)
    throw new BadInputError('input.grid', 'input.grid: give at least one param range');
  if (input.constraint != null && input.constraint.length > MAX_CONSTRAINT_LENGTH) {
    throw new BadInputError(
      'input.constraint',
      `input.constraint: at most ${MAX_CONSTRAINT_LENGTH} characters`,
    );
  }
  return {
    series: { ticker, from: input.from, to: input.to, adjusted: input.adjusted ?? true },
    definition,
    strategy: ref,
    grid: input.grid,
    params: (input.params ?? {}) as Record<string, number | boolean>,
    constraint: input.constraint ?? undefined,
    maximize: input.maximize ?? 'sqn',
    options,
  };
}
