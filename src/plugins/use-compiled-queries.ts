import { useGraphQlJit } from '@envelop/graphql-jit';
import { getOperationAST, getVariableValues } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../observability/logger.ts';

export interface CompiledQueriesOptions {
  /** Called for every operation that runs compiled (counted in graphql_compiled_operations_total). */
  onCompiled?: () => void;
  /** Where a document graphql-jit cannot compile is reported (its errors answer the request). */
  logger?: Logger;
}

/**
 * Queries run on graphql-jit: each operation compiled once to plain JavaScript (resolvers called
 * directly, the response serialized by a stringifier built for its shape), several times faster
 * on large lists such as a series' bars. graphql-js still runs everything else, so nothing else
 * changes: mutations and subscriptions, and any query whose variables do not coerce (graphql-js
 * reports those, and the service names the variable in BAD_USER_INPUT).
 *
 * graphql-jit is patched (patches/graphql-jit+0.8.7.patch, applied by `npm ci`): its list loop
 * walked every list with for…of and spread the parent indexes into each item's call, most of the
 * time a 25,000-bar series spends in `columns`; the patched loop walks arrays by index.
 *
 * The compiled executor takes no AbortSignal: useDeadline answers 504 at the deadline as before,
 * and puts the signal in the context, where the resolvers that compute check it.
 */
export function useCompiledQueries(options: CompiledQueriesOptions = {}): Plugin {
  return useGraphQlJit(
    {},
    {
      enableIf: (args) => {
        const operation = getOperationAST(args.document, args.operationName);
        if (operation?.operation !== 'query') return false;
        const { errors } = getVariableValues(
          args.schema,
          operation.variableDefinitions ?? [],
          (args.variableValues ?? {}) as Record<string, unknown>,
          { maxErrors: 1 },
        );
        if (errors !== undefined) return false;
        options.onCompiled?.();
        return true;
      },
      onError: (result) =>
        options.logger?.error({ errors: result.errors?.map((e) => e.message) }, 'query not compiled'),
    },
  ) as Plugin;
}
