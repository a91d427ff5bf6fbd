import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { createContext, type GraphQLContext } from './context.ts';
import { maskError } from './graphql/errors.ts';
import { useAvailability } from './plugins/use-availability.ts';
import { useCompiledQueries } from './plugins/use-compiled-queries.ts';
import { useDeadline } from './plugins/use-deadline.ts';
import { useIntrospectionPolicy } from './plugins/use-introspection-policy.ts';
import { useQueryCost } from './plugins/use-query-cost.ts';
import { useQueryLimits } from './plugins/use-query-limits.ts';
import { useRequestObserver } from './plugins/use-request-observer.ts';
import { buildSchema } from './graphql/schema.ts';
import { useMetricsRoute } from './plugins/metrics-route.ts';
import { useReadinessRoute } from './plugins/routes.ts';
import { useRateLimit } from './plugins/use-rate-limit.ts';
import { MIGRATE_RETRY_MS, type Services } from './services.ts';
import { loadDashboard } from './dashboard/bundle.ts';
import { EXAMPLE_OPERATION, renderBundledGraphiQL } from './dashboard/graphiql.ts';
import { usePersistedDocuments } from './dashboard/persisted-operations.ts';
import { useDashboard } from './dashboard/use-dashboard.ts';

export interface AppDeps {
  services: Services;
}

export type App = YogaServerInstance<Record<string, unknown>, GraphQLContext>;

/** Builds the yoga instance. No I/O here: `main.ts` alone listens. */
export function createApp({ services }: AppDeps): App {
  const { config } = services;
  return createYoga<Record<string, unknown>, GraphQLContext>({
    schema: buildSchema(),
    context: ({ request }) => createContext(services, request),
    maskedErrors: { maskError },
    graphiql: config.graphql.introspection
      ? { title: 'backtest-graphql', defaultQuery: EXAMPLE_OPERATION }
      : false,
    // GraphiQL's scripts and styles from the installed package, not from a CDN.
    renderGraphiQL: renderBundledGraphiQL,
    landingPage: false,
    // Yoga answers 200 here while the process is alive (its default path is /health).
    healthCheckEndpoint: '/healthz',
    logging: false,
    // A larger body is refused with HTTP 413 (code REQUEST_ENTITY_TOO_LARGE) before it is parsed.
    maxRequestBodySize: config.http.maxBodyBytes,
    plugins: [
      // Before any plugin that wraps the executor: it replaces the executor of queries, and the
      // wrappers that follow (the request observer's scope, the deadline) must wrap its one.
      useCompiledQueries({
        onCompiled: () => services.metrics.compiledOperations.inc(),
        logger: services.logger,
      }),
      // The first request hooks, so that it times and logs every /graphql request, rate-limited ones included.
      useRequestObserver({
        logger: services.logger,
        metrics: services.metrics,
        stats: services.stats,
        slowOperationMs: config.observability.slowOperationMs,
      }),
      useReadinessRoute(services.readiness),
      useMetricsRoute(services.metrics),
      useDashboard(() => loadDashboard()),
      useAvailability({
        ready: services.readiness.migrated,
        retryAfterS: Math.ceil(MIGRATE_RETRY_MS / 1000),
      }),
      useRateLimit({
        perMinute: config.http.rateLimitPerMinute,
        trustProxy: config.http.trustProxy,
        limiter: services.rateLimiter,
      }),
      useIntrospectionPolicy(config.graphql.introspection),
      usePersistedDocuments(config.graphql.persistedOperationsOnly),
      useQueryLimits(config.graphql),
      useQueryCost(config.graphql.maxCost, config.limits),
      useDeadline(config.http.requestTimeoutMs),
    ],
  });
}
