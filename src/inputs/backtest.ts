import type { SeriesKey } from '../market-data/series.ts';
import type { AnyStrategyDefinition } from '../strategies/registry.ts';
import { type CanonicalOptions, canonicalOptions, type EngineOptionsInput } from './options.ts';
import { checkRange, type SeriesLimits, toOptionalTicker, toTicker } from './series.ts';
import { resolveStrategy } from './strategy.ts';

export interface BacktestRequestInput extends EngineOptionsInput {
  ticker: string;
  from: string;
  to: string;
  adjusted?: boolean | null;
  strategy: string;
  params?: Record<string, unknown> | null;
  benchmark?: string | null;
}

/** A validated request with every default filled in and keys in a fixed order (hashed as is). */
export interface CanonicalBacktest {
  series: SeriesKey;
  strategy: string;
  params: Record<string, number | boolean>;
  options: CanonicalOptions;
  benchmark: string | null;
}

/** A canonical request and the strategy it names, looked up once. */
export interface ValidatedBacktest {
  readonly request: CanonicalBacktest;
  readonly definition: AnyStrategyDefinition;
}

export function canonicalBacktest(input: BacktestRequestInput, limits: SeriesLimits): ValidatedBacktest {
  const ticker = toTicker(input.ticker, 'input.ticker');
  checkRange(input.from, input.to, limits, 'input.');
  const { definition, params } = resolveStrategy(input.strategy, input.params);
  const request: CanonicalBacktest = {
    series: { ticker, from: input.from, to: input.to, adjusted: input.adjusted ?? true },
    strategy: definition.name,
    params,
    options: canonicalOptions(input),
    benchmark: toOptionalTicker(input.benchmark, 'input.benchmark'),
  };
  return { request, definition };
}
