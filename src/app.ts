import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { createContext, type GraphQLContext } from './context.ts';
import { maskError } from './graphql/errors.ts';
import { buildSchema } from './graphql/schema.ts';
import { useHealthRoutes } from './http/routes.ts';
import type { Services } from './services.ts';

export interface AppDeps {
  services: Services;
}

export type App = YogaServerInstance<Record<string, unknown>, GraphQLContext>;

const EXAMPLE_QUERY = `# Price history and a backtest of the classic SMA crossover.
query Example {
  priceSeries(ticker: "AAPL", from: "2024-01-02", to: "2024-03-28") {
    ticker
    source
    barCount
    bars { date close }
  }
}
`;

/** Builds the yoga instance. No I/O here: `main.ts` alone listens. */
export function createApp({ services }: AppDeps): App {
  return createYoga<Record<string, unknown>, GraphQLContext>({
    schema: buildSchema(),
    context: ({ request }) => createContext(services, request),
    maskedErrors: { maskError },
    graphiql: { title: 'backtest-graphql', defaultQuery: EXAMPLE_QUERY },
    landingPage: false,
    logging: false,
    plugins: [useHealthRoutes(services.readiness)],
  });
}
