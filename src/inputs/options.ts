import { type BacktestOptions, resolveOptions } from '../engine/options.ts';
import { BadInputError } from '../errors.ts';
import { asInputError } from './bad-input.ts';

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

/** The engine's commission argument for canonical options. */
export function toEngineCommission(o: CanonicalOptions): number | { fixed: number; rate: number } {
  return o.fixedCommission === 0 ? o.commission : { fixed: o.fixedCommission, rate: o.commission };
}

/** Engine options that are plain data (no commission function), so they can cross threads. */
export type PlainEngineOptions = Omit<BacktestOptions, 'commission'> & {
  readonly commission: number | { readonly fixed: number; readonly rate: number };
};

/** The engine's options for canonical options. */
export function toEngineOptions(o: CanonicalOptions): PlainEngineOptions {
  return { ...o, commission: toEngineCommission(o) };
}

/**
 * Options with every default filled in, checked with the service's own bounds (cash up to 1e15,
 * spread below 10 %, a fixed commission ≥ 0) and then the engine's.
 */
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
    resolveOptions(toEngineOptions(options));
  } catch (error) {
    throw asInputError(error, prefix);
  }
  return options;
}
