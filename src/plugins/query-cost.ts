/**
 * Estimated size of a GraphQL result, in values: every field counts 1, and list fields multiply
 * what they select by the number of items they are expected to return. Series and equity lists
 * count the bars of the requested range (~252 per year); `priceSeriesList` counts its tickers;
 * `runs` the optimizer grid; `holdings` the portfolio. Pure: schema, document and variables in.
 */
import type {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLField,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLType,
  SelectionSetNode,
} from 'graphql';
import {
  getArgumentValues,
  getNamedType,
  getOperationAST,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
} from 'graphql';

export interface CostLimits {
  maxRangeYears: number;
  maxOptimizeRuns: number;
  maxTickers: number;
}

export const BARS_PER_YEAR = 252;
/** Items assumed for a list this estimator has no rule for. */
const UNKNOWN_LIST_ITEMS = 10;

interface Scope {
  bars: number;
  runs: number;
  holdings: number;
  /** Items of a connection page (`first`, default 20, at most 100). */
  page: number;
}

type Args = Record<string, unknown>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Trading days expected between two ISO dates (inclusive), capped at the range limit. */
export function estimateBars(from: unknown, to: unknown, maxRangeYears: number): number {
  if (typeof from !== 'string' || typeof to !== 'string' || !ISO_DATE.test(from) || !ISO_DATE.test(to))
    return 1;
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  if (!Number.isFinite(days) || days <= 0) return 1;
  return Math.ceil((Math.min(days, maxRangeYears * 366) * BARS_PER_YEAR) / 365.25);
}

/** Runs of an optimizer grid (product of the points of each param range), capped. */
export function estimateRuns(grid: unknown, maxRuns: number): number {
  if (!Array.isArray(grid)) return maxRuns;
  let runs = 1;
  for (const range of grid as { from?: unknown; to?: unknown; step?: unknown }[]) {
    const { from, to, step } = range ?? {};
    if (typeof from !== 'number' || typeof to !== 'number' || typeof step !== 'number' || step <= 0) {
      return maxRuns;
    }
    runs *= Math.max(1, Math.floor((to - from) / step + 1e-9) + 1);
    if (runs >= maxRuns) return maxRuns;
  }
  return runs;
}

function isList(type: GraphQLType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/** The scope a root field opens: the range, runs and holdings it asks for. */
function rootScope(field: string, args: Args, limits: CostLimits): Scope {
  return { ...rangeScope(field, args, limits), page: pageSize(args.first) };
}

const pageSize = (first: unknown): number =>
  typeof first === 'number' ? Math.min(100, Math.max(1, first)) : 20;

function rangeScope(field: string, args: Args, limits: CostLimits): Omit<Scope, 'page'> {
  const input = (args.input ?? {}) as Args;
  const unknownRange = { bars: estimateBars('2000-01-01', '2200-01-01', limits.maxRangeYears), runs: 1 };
  switch (field) {
    case 'priceSeries':
    case 'priceSeriesList':
    case 'warmCache':
      return { bars: estimateBars(args.from, args.to, limits.maxRangeYears), runs: 1, holdings: 1 };
    case 'backtest':
    case 'optimizeStrategy':
    case 'runPortfolioBacktest':
      return {
        bars: estimateBars(input.from, input.to, limits.maxRangeYears),
        runs: estimateRuns(input.grid, limits.maxOptimizeRuns),
        holdings: Array.isArray(input.holdings) ? input.holdings.length : 1,
      };
    default:
      // Stored portfolio runs: the range is not in the request, so assume the longest allowed.
      return { ...unknownRange, holdings: limits.maxTickers };
  }
}

/** How many items a list field returns. */
function listItems(parent: string, field: string, args: Args, scope: Scope): number {
  switch (`${parent}.${field}`) {
    case 'Query.priceSeriesList':
    case 'Mutation.warmCache':
    case 'WarmCacheResult.tickers':
      return Array.isArray(args.tickers) ? args.tickers.length : UNKNOWN_LIST_ITEMS;
    case 'PriceSeries.bars':
    case 'BacktestResult.equityCurve':
    case 'PortfolioBacktest.equityCurve':
      return scope.bars;
    case 'BacktestResult.trades':
      return Math.ceil(scope.bars / 5);
    case 'OptimizationResult.runs':
      return scope.runs;
    case 'PortfolioBacktest.holdings':
      return scope.holdings;
    default:
      if (parent === 'PriceColumns') return scope.bars;
      if (field === 'edges' && parent.endsWith('Connection')) return scope.page;
      return UNKNOWN_LIST_ITEMS;
  }
}

export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  limits: CostLimits,
): number {
  const operation = getOperationAST(document, operationName);
  if (!operation) return 0;
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }

  const argsOf = (def: GraphQLField<unknown, unknown>, node: FieldNode): Args => {
    try {
      return getArgumentValues(def, node, variables ?? {});
    } catch {
      return {};
    }
  };

  const costOf = (
    set: SelectionSetNode,
    parent: GraphQLObjectType,
    scope: Scope | null,
    seen: string[],
  ): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        total += costOf(selection.selectionSet, parent, scope, seen);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment === undefined || seen.includes(fragment.name.value)) continue;
        total += costOf(fragment.selectionSet, parent, scope, [...seen, fragment.name.value]);
      } else {
        const def = parent.getFields()[selection.name.value];
        if (def === undefined) continue; // __typename and introspection: bounded by depth.
        const args = argsOf(def, selection);
        const inner = scope ?? rootScope(selection.name.value, args, limits);
        const items = isList(def.type) ? listItems(parent.name, selection.name.value, args, inner) : 1;
        const type = getNamedType(def.type);
        const children =
          selection.selectionSet !== undefined && isObjectType(type)
            ? costOf(selection.selectionSet, type, inner, seen)
            : 0;
        total += items * (1 + children);
      }
    }
    return total;
  };

  return costOf(operation.selectionSet, root, null, []);
}
