import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { deadlineExceeded } from './limit-errors.ts';

/**
 * A deadline per operation: after `timeoutMs` the execution's AbortSignal fires (so the executor
 * resolves no further fields) and the client gets HTTP 504 with one error, code
 * DEADLINE_EXCEEDED, and no data. A client that disconnects aborts the execution the same way.
 * Shared work (a provider call other requests wait on) finishes in the background and is cached.
 */
export function useDeadline(timeoutMs: number): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn((args) => {
        const deadline = new AbortController();
        const requestSignal = (args.contextValue as { request?: Request } | undefined)?.request?.signal;
        const signals = requestSignal ? [requestSignal, deadline.signal] : [deadline.signal];
        let timer: NodeJS.Timeout | undefined;
        const expired = new Promise<ExecutionResult>((resolve) => {
          timer = setTimeout(() => {
            const error = deadlineExceeded(timeoutMs);
            deadline.abort(error);
            resolve({ data: null, errors: [error] });
          }, timeoutMs);
        });
        const signal = AbortSignal.any(signals);
        // For the resolvers that compute (GraphQLContext.signal): graphql-jit takes no signal.
        const context = args.contextValue as { signal?: AbortSignal } | undefined;
        if (context && typeof context === 'object') context.signal = signal;
        const execution = Promise.resolve(executeFn({ ...args, signal } as typeof args));
        return Promise.race([execution, expired]).finally(() => clearTimeout(timer));
      });
    },
  };
}
