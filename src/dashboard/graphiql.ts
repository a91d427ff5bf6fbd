import type { GraphiQLOptions } from 'graphql-yoga';

/**
 * GraphiQL's first tab: the strategy catalogue, which the service answers from its own code and
 * database, so it runs on the embedded defaults without any price provider or network.
 */
export const EXAMPLE_OPERATION = `# The strategy catalogue: built-ins and saved
# rule strategies with their params and bounds.
# Run it with the button or Ctrl-Enter.
query Example {
  strategies {
    name
    kind
    description
    params { name type default min max }
  }
}

# With price data (Yahoo, or PRICE_PROVIDER=csv):
# query Backtest {
#   backtest(input: {
#     ticker: "GOOG", from: "2004-08-19", to: "2013-03-01"
#     strategy: "SmaCross", params: { fast: 10, slow: 30 }
#   }) {
#     stats { returnPct sharpeRatio maxDrawdownPct tradeCount }
#   }
# }
`;

/**
 * GraphiQL with its scripts, styles and editor workers inlined from
 * `@graphql-yoga/render-graphiql` (no CDN). The 9 MB module is loaded on the first page view.
 */
export async function renderBundledGraphiQL(options: GraphiQLOptions): Promise<string> {
  const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
  return renderGraphiQL(options);
}
