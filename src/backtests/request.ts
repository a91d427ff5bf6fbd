import { createHash } from 'node:crypto';
import { EngineError } from '../engine/errors.ts';
import { resolveOptions } from '../engine/options.ts';
import { resolveParams } from '../engine/params.ts';
import { BadInputError } from '../errors.ts';
import type { SeriesKey } from '../market-data/series.ts';
import { checkRange, type SeriesLimits, toTicker } from '../market-data/series-request.ts';
import { type AnyStrategyDefinition, getStrategy } from '../strategies/registry.ts';

/** Engine options as a client gives them (GraphQL input, CLI flags). */
export interface EngineOptionsInput {
  cash?: number | null;
  commission?: number | null;
  fixedCommission?: number | null;
  spread?: number | null;
  margin?: number | null;
  tradeOnClose?: boolean | null;
  hedging?: boolean | null;
  exclusiveOrders?: boolean | null;
  finalizeTrades?: boolean | null;
}

export interface CanonicalOptions {
  cash: number;
  commission: number;
  fixedCommission: number;
  spread: number;
  margin: number;
  tradeOnClose: boolean;
  hedging: boolean;
  exclusiveOrders: boolean;
  finalizeTrades: boolean;
}

export interface BacktestRequestInput extends EngineOptionsInput {
  ticker: string;
  from: string;
  to: string;
  adjusted?: boolean | null;
  strategy: string;
  params?: Record<string, unknown> | null;
  benchmark?: string | null;
}

/** A validated request with every default filled in and keys in a fixed order. */
export interface CanonicalBacktest {
  series: SeriesKey;
  strategy: string;
  params: Record<string, number | boolean>;
  options: CanonicalOptions;
  benchmark: string | null;
}

/** The engine's commission argument for canonical options. */
export function toEngineCommission(o: CanonicalOptions): number | { fixed: number; rate: number } {
  return o.fixedCommission === 0 ? o.commission : { fixed: o.fixedCommission, rate: o.commission };
}

export function canonicalOptions(input: EngineOptionsInput, prefix = 'input.'): CanonicalOptions {
  const options: CanonicalOptions = {
    cash: input.cash ?? 10_000,
    commission: input.commission ?? 0,
    fixedCommission: input.fixedCommission ?? 0,
    spread: input.spread ?? 0,
    margin: input.margin ?? 1,
    tradeOnClose: input.tradeOnClose ?? false,
    hedging: input.hedging ?? false,
    exclusiveOrders: input.exclusiveOrders ?? false,
    finalizeTrades: input.finalizeTrades ?? true,
  };
  if (!Number.isFinite(options.fixedCommission) || options.fixedCommission < 0) {
    throw new BadInputError(
      `${prefix}fixedCommission`,
      `${prefix}fixedCommission must be a finite number ≥ 0`,
    );
  }
  if (!Number.isFinite(options.spread) || options.spread < 0 || options.spread >= 0.1) {
    throw new BadInputError(`${prefix}spread`, `${prefix}spread must be in [0, 0.1)`);
  }
  if (!Number.isFinite(options.cash) || options.cash <= 0 || options.cash > 1e15) {
    throw new BadInputError(`${prefix}cash`, `${prefix}cash must be a positive number up to 1e15`);
  }
  try {
    resolveOptions({ ...options, commission: toEngineCommission(options) });
  } catch (error) {
    if (error instanceof EngineError) {
      const name = error.field.replace(/^options\./, '').replace(/^commission.*/, 'commission');
      throw new BadInputError(`${prefix}${name}`, `${prefix}${name}: ${error.message}`);
    }
    throw error;
  }
  return options;
}

export function strategyOrThrow(name: string, field = 'input.strategy'): AnyStrategyDefinition {
  const definition = getStrategy(name);
  if (definition === undefined) {
    throw new BadInputError(field, `${field}: unknown strategy "${name.slice(0, 60)}"`);
  }
  return definition;
}

export function canonicalParams(
  definition: AnyStrategyDefinition,
  raw: Record<string, unknown> | null | undefined,
  prefix = 'input.params',
): Record<string, number | boolean> {
  const resolved = resolveParams(definition, raw ?? {});
  if (!resolved.ok) {
    const first = resolved.errors[0];
    throw new BadInputError(
      `${prefix}.${first.param}`,
      resolved.errors.map((e) => `${prefix}.${e.param}: ${e.message}`).join('; '),
    );
  }
  const sorted: Record<string, number | boolean> = {};
  for (const key of Object.keys(resolved.params).sort())
    sorted[key] = resolved.params[key] as number | boolean;
  return sorted;
}

export function canonicalBacktest(input: BacktestRequestInput, limits: SeriesLimits): CanonicalBacktest {
  const ticker = toTicker(input.ticker, 'input.ticker');
  checkRange(input.from, input.to, limits, 'input.');
  const definition = strategyOrThrow(input.strategy);
  return {
    series: { ticker, from: input.from, to: input.to, adjusted: input.adjusted ?? true },
    strategy: definition.name,
    params: canonicalParams(definition, input.params),
    options: canonicalOptions(input),
    benchmark:
      input.benchmark == null || input.benchmark === '' ? null : toTicker(input.benchmark, 'input.benchmark'),
  };
}

/** SHA-256 (hex) of a JSON value with object keys sorted at every level. */
export function sha256Of(value: unknown): string {
  const stable = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(stable);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v as object)
          .sort()
          .map((k) => [k, stable((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return createHash('sha256')
    .update(JSON.stringify(stable(value)))
    .digest('hex');
}
