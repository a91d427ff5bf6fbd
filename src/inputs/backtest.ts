import type { SeriesKey } from '../market-data/series.ts';
import type { CanonicalRules } from '../rules/rule-input.ts';
import type { AnyStrategyDefinition } from '../strategies/registry.ts';
import { type CanonicalOptions, canonicalOptions, type EngineOptionsInput } from './options.ts';
import { checkRange, type SeriesLimits, toOptionalTicker, toTicker } from './series.ts';
import { resolveStrategy, type StrategyChoice } from './strategy.ts';
import type { SavedStrategies, StrategyRef } from './strategy-ref.ts';

export interface BacktestRequestInput extends EngineOptionsInput, StrategyChoice {
  ticker: string;
  from: string;
  to: string;
  adjusted?: boolean | null;
  benchmark?: string | null;
}

/** A validated request with every default filled in and keys in a fixed order (hashed as is). */
export interface CanonicalBacktest {
  series: SeriesKey;
  strategy: string;
  /** The rules' canonical form for rule strategies (inline or saved), so they key the result cache. */
  rules: CanonicalRules | null;
  params: Record<string, number | boolean>;
  options: CanonicalOptions;
  benchmark: string | null;
}

/** A canonical request and the strategy it names, looked up once. */
export interface ValidatedBacktest {
  readonly request: CanonicalBacktest;
  readonly definition: AnyStrategyDefinition;
  readonly ref: StrategyRef;
}

export async function canonicalBacktest(
  input: BacktestRequestInput,
  limits: SeriesLimits,
  saved: SavedStrategies,
): Promise<ValidatedBacktest> {
  const ticker = toTicker(input.ticker, 'input.ticker');
  checkRange(input.from, input.to, limits, 'input.');
  const { definition, params, ref } = await resolveStrategy(input, saved);
  const request: CanonicalBacktest = {
    series: { ticker, from: input.from, to: input.to, adjusted: input.adjusted ?? true },
    strategy: ref.name,
    rules: ref.rules,
    params,
    options: canonicalOptions(input),
    benchmark: toOptionalTicker(input.benchmark, 'input.benchmark'),
  };
  return { request, definition, ref };
}
