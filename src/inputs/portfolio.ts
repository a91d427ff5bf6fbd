import { BadInputError } from '../errors.ts';
import type { Rebalance } from '../engine/portfolio-calendar.ts';
import type { CanonicalRules } from '../rules/rule-input.ts';
import type { AnyStrategyDefinition } from '../strategies/registry.ts';
import { canonicalOptions } from './options.ts';
import { checkRange, type SeriesLimits, toOptionalTicker, toTicker } from './series.ts';
import { resolveStrategy, type StrategyChoice } from './strategy.ts';
import type { SavedStrategies } from './strategy-ref.ts';

export interface PortfolioRequestInput extends StrategyChoice {
  holdings: readonly { ticker: string; weight: number }[];
  from: string;
  to: string;
  adjusted?: boolean | null;
  cash?: number | null;
  commission?: number | null;
  rebalance?: Rebalance | null;
  benchmark?: string | null;
}

/** A validated portfolio request: holdings sorted by ticker, defaults filled in. */
export interface CanonicalPortfolio {
  holdings: { ticker: string; weight: number }[];
  from: string;
  to: string;
  adjusted: boolean;
  cash: number;
  commission: number;
  rebalance: Rebalance;
  /** Run on each holding's share; `rules` is the canonical form of a rule strategy. */
  strategy: { name: string; rules: CanonicalRules | null; params: Record<string, number | boolean> } | null;
  benchmark: string | null;
}

/** A canonical portfolio request and the strategy it names (if any), looked up once. */
export interface ValidatedPortfolio {
  readonly request: CanonicalPortfolio;
  readonly definition: AnyStrategyDefinition | null;
}

const WEIGHT_TOLERANCE = 1e-9;

export async function canonicalPortfolio(
  input: PortfolioRequestInput,
  limits: SeriesLimits,
  saved: SavedStrategies,
): Promise<ValidatedPortfolio> {
  if (input.holdings.length === 0)
    throw new BadInputError('input.holdings', 'input.holdings: give at least one holding');
  if (input.holdings.length > limits.maxTickers) {
    throw new BadInputError('input.holdings', `input.holdings: at most ${limits.maxTickers} holdings`);
  }
  const holdings = input.holdings.map((h, i) => {
    const ticker = toTicker(h.ticker, `input.holdings[${i}].ticker`);
    if (!Number.isFinite(h.weight) || h.weight < 0 || h.weight > 1) {
      throw new BadInputError(
        `input.holdings[${i}].weight`,
        `input.holdings[${i}].weight must be between 0 and 1`,
      );
    }
    return { ticker, weight: h.weight };
  });
  const seen = new Set<string>();
  holdings.forEach((h, i) => {
    if (seen.has(h.ticker)) {
      throw new BadInputError(
        `input.holdings[${i}].ticker`,
        `input.holdings[${i}].ticker: ${h.ticker} is listed twice`,
      );
    }
    seen.add(h.ticker);
  });
  const total = holdings.reduce((sum, h) => sum + h.weight, 0);
  if (total > 1 + WEIGHT_TOLERANCE) {
    throw new BadInputError('input.holdings', `input.holdings: weights sum to ${total}, more than 1`);
  }
  if (total <= 0) throw new BadInputError('input.holdings', 'input.holdings: weights sum to 0');
  checkRange(input.from, input.to, limits, 'input.');
  const options = canonicalOptions({ cash: input.cash, commission: input.commission });
  const hasStrategy = (input.strategy != null && input.strategy !== '') || input.rules != null;
  const strategy = hasStrategy ? await resolveStrategy(input, saved) : null;
  const request: CanonicalPortfolio = {
    holdings: holdings.sort((a, b) => (a.ticker < b.ticker ? -1 : 1)),
    from: input.from,
    to: input.to,
    adjusted: input.adjusted ?? true,
    cash: options.cash,
    commission: options.commission,
    rebalance: input.rebalance ?? 'NEVER',
    strategy:
      strategy === null
        ? null
        : { name: strategy.ref.name, rules: strategy.ref.rules, params: strategy.params },
    benchmark: toOptionalTicker(input.benchmark, 'input.benchmark'),
  };
  return { request, definition: strategy?.definition ?? null };
}
