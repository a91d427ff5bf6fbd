/**
 * One log line per GraphQL request (request id, operation, duration, status, series sources,
 * error codes), a warning for slow ones, and the duration in metrics and `serviceStats`.
 * Never logs variables, headers or the document: no secrets or parameters reach the logs.
 */
import type { Plugin } from 'graphql-yoga';
import type { GraphQLContext } from '../context.ts';
import type { Logger } from '../observability/logger.ts';
import type { Metrics, RejectionReason } from '../observability/metrics.ts';
import { type RequestScope, runInRequestScope } from '../observability/request-scope.ts';
import type { StatsCollector } from '../observability/stats.ts';
import { createLabelBound, operationLabel, requestedName } from './operation-label.ts';

export interface RequestObserverDeps {
  logger: Logger;
  metrics: Metrics;
  stats: StatsCollector;
  slowOperationMs: number;
  graphqlPath?: string;
}

interface RequestState extends RequestScope {
  startedMs: number;
  operation: string | undefined;
  requestId: string | undefined;
  codes: Set<string>;
}

const MAX_OPERATION_LABELS = 200;

function rejectionOf(code: unknown, limit: unknown): RejectionReason | undefined {
  if (code === 'DEADLINE_EXCEEDED') return 'deadline';
  if (code === 'QUERY_TOO_COMPLEX' && typeof limit === 'string') return limit as RejectionReason;
  return undefined;
}

export function useRequestObserver(deps: RequestObserverDeps): Plugin<GraphQLContext> {
  const path = deps.graphqlPath ?? '/graphql';
  const states = new WeakMap<Request, RequestState>();
  const bound = createLabelBound(MAX_OPERATION_LABELS);

  return {
    onRequest({ request, url }) {
      if (url.pathname !== path) return;
      states.set(request, {
        startedMs: performance.now(),
        operation: undefined,
        requestId: undefined,
        sources: {},
        codes: new Set(),
      });
    },
    onParams({ request, params }) {
      const state = states.get(request);
      if (state) state.operation = requestedName(params.operationName);
    },
    onExecute({ args, executeFn, setExecuteFn }) {
      const state = states.get(args.contextValue.request);
      if (state === undefined) return;
      state.operation = operationLabel(args.document, args.operationName);
      state.requestId = args.contextValue.requestId;
      setExecuteFn((executionArgs) => runInRequestScope(state, () => executeFn(executionArgs)));
    },
    onExecutionResult({ request, result }) {
      const state = states.get(request);
      if (state === undefined || result === undefined || Symbol.asyncIterator in result) return;
      for (const error of result.errors ?? []) {
        const code = error.extensions?.code;
        if (typeof code === 'string') state.codes.add(code);
        const reason = rejectionOf(code, error.extensions?.limit);
        if (reason) deps.metrics.reject(reason);
      }
    },
    instrumentation: {
      resultProcess(_payload, wrapped) {
        const startedMs = performance.now();
        const done = () => deps.metrics.serializationDuration.observe((performance.now() - startedMs) / 1000);
        const result = wrapped();
        if (result instanceof Promise) return result.finally(done);
        done();
        return result;
      },
    },
    onResponse({ request, response }) {
      const state = states.get(request);
      if (state === undefined) return;
      states.delete(request);
      const durationMs = performance.now() - state.startedMs;
      const operation = bound(state.operation ?? 'unknown');
      const requestId =
        state.requestId ?? (request.headers.get('x-request-id')?.slice(0, 64) || crypto.randomUUID());
      if (response.status === 429) deps.metrics.reject('rate_limit');
      const failed = response.status >= 400 || state.codes.size > 0;
      deps.metrics.operationDuration.observe(
        { operation, outcome: failed ? 'error' : 'ok' },
        durationMs / 1000,
      );
      deps.stats.recordOperation(operation, durationMs);
      const line = {
        requestId,
        operation,
        durationMs: Math.round(durationMs * 10) / 10,
        status: response.status,
        sources: state.sources,
        ...(state.codes.size > 0 ? { errors: [...state.codes] } : {}),
      };
      deps.logger.info(line, 'request');
      if (durationMs > deps.slowOperationMs) {
        deps.logger.warn({ ...line, thresholdMs: deps.slowOperationMs }, 'slow operation');
      }
      try {
        response.headers.set('x-request-id', requestId);
      } catch {
        // Immutable headers (a response from a plugin): the id is in the log line.
      }
    },
  };
}
