import type { Plugin } from 'graphql-yoga';
import { queryTooComplex } from './limit-errors.ts';
import { BARS_PER_YEAR, type CostLimits, estimateCost } from './query-cost.ts';

/**
 * Refuses an operation whose estimated result (see `estimateCost`) exceeds `maxCost` values,
 * before any resolver runs. Runs at execution, where the variables (date ranges, tickers,
 * grids) are known.
 */
export function useQueryCost(maxCost: number, limits: CostLimits): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const cost = estimateCost(args.schema, args.document, args.operationName, args.variableValues, limits);
      if (cost <= maxCost) return;
      setResultAndStopExecution({
        errors: [
          queryTooComplex(
            `The query is too complex: it would return about ${cost} values, more than the limit of ` +
              `${maxCost}. Series, equity and column fields count ~${BARS_PER_YEAR} values per year of ` +
              'range for each field selected; ask for fewer series, a shorter range or fewer fields.',
            'cost',
            { cost, maxCost },
          ),
        ],
      });
    },
  };
}
