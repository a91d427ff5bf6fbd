/**
 * The bad-input table: each row is one request a careless, confused or hostile client could send,
 * and the clear answer it must get. `code` is the GraphQL `extensions.code` of the first error;
 * `status` is the HTTP status when the request is refused before GraphQL runs.
 */

export interface BadInputCase {
  name: string;
  /** A GraphQL request body (JSON-encoded), or `raw` bytes sent as they are. */
  body?: { query?: unknown; variables?: unknown; operationName?: unknown };
  raw?: string;
  method?: 'GET' | 'POST';
  /** For GET: the query string. */
  search?: string;
  headers?: Record<string, string>;
  expect: { code?: string; status?: number; field?: RegExp };
}

const RANGE = 'from: "2023-01-02", to: "2023-03-31"';
const SERIES = (args: string) => ({ query: `{ priceSeries(${args}) { barCount } }` });
const SERIES_VAR = (variables: Record<string, unknown>) => ({
  query: `query ($t: String!, $from: Date!, $to: Date!) { priceSeries(ticker: $t, from: $from, to: $to) { barCount } }`,
  variables: { t: 'AAPL', from: '2023-01-02', to: '2023-03-31', ...variables },
});
const BACKTEST = (input: Record<string, unknown>) => ({
  query: `query ($input: BacktestInput!) { backtest(input: $input) { key } }`,
  variables: {
    input: { ticker: 'AAPL', from: '2023-01-02', to: '2023-06-30', strategy: 'SmaCross', ...input },
  },
});
const OPTIMIZE = (input: Record<string, unknown>) => ({
  query: `mutation ($input: OptimizeInput!) { optimizeStrategy(input: $input) { runCount } }`,
  variables: {
    input: {
      ticker: 'AAPL',
      from: '2023-01-02',
      to: '2023-06-30',
      strategy: 'SmaCross',
      grid: [{ name: 'fast', from: 5, to: 10, step: 1 }],
      ...input,
    },
  },
});
const PORTFOLIO = (input: Record<string, unknown>) => ({
  query: `mutation ($input: PortfolioBacktestInput!) { runPortfolioBacktest(input: $input) { id } }`,
  variables: {
    input: {
      holdings: [
        { ticker: 'AAPL', weight: 0.5 },
        { ticker: 'MSFT', weight: 0.5 },
      ],
      from: '2023-01-02',
      to: '2023-06-30',
      ...input,
    },
  },
});

const BAD = 'BAD_USER_INPUT';
const INVALID = 'GRAPHQL_VALIDATION_FAILED';
const COMPLEX = 'QUERY_TOO_COMPLEX';
const tickers = (n: number) => Array.from({ length: n }, (_, i) => `T${i}`);

export const BAD_INPUTS: BadInputCase[] = [
  // Wrong types
  { name: 'ticker as an Int literal', body: SERIES(`ticker: 123, ${RANGE}`), expect: { code: INVALID } },
  { name: 'ticker variable as a number', body: SERIES_VAR({ t: 42 }), expect: { code: BAD, field: /^t$/ } },
  { name: 'ticker variable as an object', body: SERIES_VAR({ t: { $gt: '' } }), expect: { code: BAD } },
  { name: 'ticker variable null for String!', body: SERIES_VAR({ t: null }), expect: { code: BAD } },
  { name: 'from variable as a number', body: SERIES_VAR({ from: 20230102 }), expect: { code: BAD } },
  {
    name: 'adjusted as a string literal',
    body: SERIES(`ticker: "AAPL", ${RANGE}, adjusted: "yes"`),
    expect: { code: INVALID },
  },
  { name: 'cash as a string', body: BACKTEST({ cash: 'lots' }), expect: { code: BAD, field: /input\.cash/ } },
  { name: 'params as an array', body: BACKTEST({ params: [10, 30] }), expect: { code: BAD } },
  { name: 'params as a string', body: BACKTEST({ params: 'fast=10' }), expect: { code: BAD } },
  {
    name: 'tickers list of numbers',
    body: {
      query: `query ($ts: [String!]!) { priceSeriesList(tickers: $ts, ${RANGE}) { barCount } }`,
      variables: { ts: [1, 2] },
    },
    expect: { code: BAD, field: /^ts\[0\]$/ },
  },
  {
    name: 'grid range without step',
    body: OPTIMIZE({ grid: [{ name: 'fast', from: 5, to: 10 }] }),
    expect: { code: BAD, field: /input\.grid\[0\]/ },
  },
  {
    name: 'holding weight as a string',
    body: PORTFOLIO({ holdings: [{ ticker: 'AAPL', weight: 'half' }] }),
    expect: { code: BAD },
  },
  {
    name: 'rebalance not an enum value',
    body: PORTFOLIO({ rebalance: 'WEEKLY' }),
    expect: { code: BAD, field: /input\.rebalance/ },
  },

  // Empty and huge strings
  { name: 'empty ticker', body: SERIES_VAR({ t: '' }), expect: { code: BAD, field: /ticker/ } },
  { name: 'blank ticker', body: SERIES_VAR({ t: '   ' }), expect: { code: BAD, field: /ticker/ } },
  {
    name: '50 kB ticker',
    body: SERIES_VAR({ t: 'A'.repeat(50_000) }),
    expect: { code: BAD, field: /ticker/ },
  },
  {
    name: '200 kB ticker, over MAX_BODY_BYTES',
    body: SERIES_VAR({ t: 'A'.repeat(200_000) }),
    expect: { status: 413 },
  },
  {
    name: 'SQL in a ticker',
    body: SERIES_VAR({ t: "AAPL'; DROP TABLE price_bars;--" }),
    expect: { code: BAD, field: /ticker/ },
  },
  { name: 'emoji ticker', body: SERIES_VAR({ t: '📈🚀' }), expect: { code: BAD, field: /ticker/ } },
  {
    name: 'NUL byte in a ticker',
    body: SERIES_VAR({ t: 'AA\u0000PL' }),
    expect: { code: BAD, field: /ticker/ },
  },
  {
    name: 'path in a ticker',
    body: SERIES_VAR({ t: '../../etc/passwd' }),
    expect: { code: BAD, field: /ticker/ },
  },
  { name: 'empty strategy name', body: BACKTEST({ strategy: '' }), expect: { code: BAD, field: /strategy/ } },
  {
    name: '50 kB strategy name',
    body: BACKTEST({ strategy: 'S'.repeat(50_000) }),
    expect: { code: BAD, field: /strategy/ },
  },
  {
    name: '5 kB constraint',
    body: OPTIMIZE({ constraint: `fast < slow${' and fast > 0'.repeat(400)}` }),
    expect: { code: BAD, field: /constraint/ },
  },
  {
    name: 'constraint syntax error',
    body: OPTIMIZE({ constraint: 'fast <' }),
    expect: { code: BAD, field: /constraint/ },
  },
  {
    name: 'JavaScript in a constraint',
    body: OPTIMIZE({ constraint: 'process.exit(1) || fast < slow' }),
    expect: { code: BAD, field: /constraint/ },
  },
  { name: 'unknown statistic to maximize', body: OPTIMIZE({ maximize: 'happiness' }), expect: { code: BAD } },
  {
    name: 'benchmark not a ticker',
    body: BACKTEST({ benchmark: 'S&P 500' }),
    expect: { code: BAD, field: /benchmark/ },
  },

  // Dates
  { name: 'date 2023-02-30', body: SERIES_VAR({ from: '2023-02-30' }), expect: { code: BAD } },
  {
    name: 'date 2023-02-29 (not a leap year)',
    body: SERIES_VAR({ to: '2023-02-29' }),
    expect: { code: BAD },
  },
  { name: 'month 13', body: SERIES_VAR({ from: '2023-13-01' }), expect: { code: BAD } },
  { name: 'unpadded date', body: SERIES_VAR({ from: '2023-1-5' }), expect: { code: BAD } },
  { name: 'compact date', body: SERIES_VAR({ from: '20230105' }), expect: { code: BAD } },
  {
    name: 'timestamp instead of a date',
    body: SERIES_VAR({ from: '2023-01-05T00:00:00Z' }),
    expect: { code: BAD },
  },
  { name: 'empty date', body: SERIES_VAR({ to: '' }), expect: { code: BAD } },
  { name: 'date 0000-00-00', body: SERIES_VAR({ from: '0000-00-00' }), expect: { code: BAD } },
  {
    name: 'Date as an Int literal',
    body: SERIES('ticker: "AAPL", from: 20230102, to: "2023-03-31"'),
    expect: { code: INVALID },
  },
  {
    name: 'reversed range',
    body: SERIES_VAR({ from: '2023-06-30', to: '2023-01-02' }),
    expect: { code: BAD, field: /from/ },
  },
  {
    name: 'range of 120 years',
    body: SERIES_VAR({ from: '1900-01-02', to: '2020-01-02' }),
    expect: { code: BAD, field: /to/ },
  },
  {
    name: 'reversed range in a backtest',
    body: BACKTEST({ from: '2023-06-30', to: '2023-01-02' }),
    expect: { code: BAD },
  },
  {
    name: 'reversed range in an optimization',
    body: OPTIMIZE({ from: '2023-06-30', to: '2023-01-02' }),
    expect: { code: BAD },
  },
  {
    name: 'reversed range in a portfolio',
    body: PORTFOLIO({ from: '2023-06-30', to: '2023-01-02' }),
    expect: { code: BAD },
  },

  // Unknown strategies
  {
    name: 'unknown strategy',
    body: BACKTEST({ strategy: 'GetRichQuick' }),
    expect: { code: BAD, field: /strategy/ },
  },
  {
    name: 'prototype key as a strategy',
    body: BACKTEST({ strategy: '__proto__' }),
    expect: { code: BAD, field: /strategy/ },
  },
  {
    name: 'unknown strategy in an optimization',
    body: OPTIMIZE({ strategy: 'Nope' }),
    expect: { code: BAD },
  },
  { name: 'unknown strategy in a portfolio', body: PORTFOLIO({ strategy: 'Nope' }), expect: { code: BAD } },

  // Params out of bounds
  { name: 'fast = 0', body: BACKTEST({ params: { fast: 0 } }), expect: { code: BAD, field: /params\.fast/ } },
  {
    name: 'fast negative',
    body: BACKTEST({ params: { fast: -5 } }),
    expect: { code: BAD, field: /params\.fast/ },
  },
  {
    name: 'fast = 1e308',
    body: BACKTEST({ params: { fast: 1e308 } }),
    expect: { code: BAD, field: /params\.fast/ },
  },
  {
    name: 'fractional int param',
    body: BACKTEST({ params: { fast: 10.5 } }),
    expect: { code: BAD, field: /params\.fast/ },
  },
  {
    name: 'param as a string',
    body: BACKTEST({ params: { fast: 'ten' } }),
    expect: { code: BAD, field: /params\.fast/ },
  },
  {
    name: 'param null',
    body: BACKTEST({ params: { fast: null } }),
    expect: { code: BAD, field: /params\.fast/ },
  },
  {
    name: 'param as an object',
    body: BACKTEST({ params: { fast: { n: 1 } } }),
    expect: { code: BAD, field: /params\.fast/ },
  },
  {
    name: 'unknown param',
    body: BACKTEST({ params: { fastt: 10 } }),
    expect: { code: BAD, field: /params\.fastt/ },
  },
  {
    name: '__proto__ as a param',
    raw: JSON.stringify(BACKTEST({})).replace(
      '"strategy":"SmaCross"',
      '"strategy":"SmaCross","params":{"__proto__":{"fast":1}}',
    ),
    expect: { code: BAD },
  },
  {
    name: 'boolean param as a number',
    body: BACKTEST({ params: { longOnly: 1 } }),
    expect: { code: BAD, field: /longOnly/ },
  },
  {
    name: 'grid step 0',
    body: OPTIMIZE({ grid: [{ name: 'fast', from: 5, to: 10, step: 0 }] }),
    expect: { code: BAD },
  },
  {
    name: 'grid step negative',
    body: OPTIMIZE({ grid: [{ name: 'fast', from: 5, to: 10, step: -1 }] }),
    expect: { code: BAD },
  },
  {
    name: 'grid from after to',
    body: OPTIMIZE({ grid: [{ name: 'fast', from: 10, to: 5, step: 1 }] }),
    expect: { code: BAD },
  },
  {
    name: 'grid over an unknown param',
    body: OPTIMIZE({ grid: [{ name: 'speed', from: 1, to: 5, step: 1 }] }),
    expect: { code: BAD },
  },
  { name: 'empty grid', body: OPTIMIZE({ grid: [] }), expect: { code: BAD, field: /grid/ } },
  {
    name: 'grid beyond MAX_OPTIMIZE_RUNS',
    body: OPTIMIZE({
      grid: [
        { name: 'fast', from: 1, to: 500, step: 1 },
        { name: 'slow', from: 2, to: 1000, step: 1 },
      ],
    }),
    expect: { code: BAD },
  },
  {
    name: 'negative holding weight',
    body: PORTFOLIO({ holdings: [{ ticker: 'AAPL', weight: -1 }] }),
    expect: { code: BAD },
  },
  {
    name: 'weights summing above 1',
    body: PORTFOLIO({
      holdings: [
        { ticker: 'AAPL', weight: 0.9 },
        { ticker: 'MSFT', weight: 0.9 },
      ],
    }),
    expect: { code: BAD },
  },
  { name: 'no holdings', body: PORTFOLIO({ holdings: [] }), expect: { code: BAD } },

  // NaN-like and extreme numbers
  { name: 'cash "NaN"', body: BACKTEST({ cash: 'NaN' }), expect: { code: BAD } },
  { name: 'cash "Infinity"', body: BACKTEST({ cash: 'Infinity' }), expect: { code: BAD } },
  {
    name: 'cash 1e400 literal',
    body: {
      query: `{ backtest(input: { ticker: "AAPL", ${RANGE}, strategy: "SmaCross", cash: 1e400 }) { key } }`,
    },
    expect: { code: BAD, field: /input\.cash/ },
  },
  { name: 'cash negative', body: BACKTEST({ cash: -1 }), expect: { code: BAD, field: /cash/ } },
  { name: 'cash zero', body: BACKTEST({ cash: 0 }), expect: { code: BAD, field: /cash/ } },
  { name: 'commission 200 %', body: BACKTEST({ commission: 2 }), expect: { code: BAD, field: /commission/ } },
  { name: 'spread 50 %', body: BACKTEST({ spread: 0.5 }), expect: { code: BAD, field: /spread/ } },
  { name: 'margin 0', body: BACKTEST({ margin: 0 }), expect: { code: BAD, field: /margin/ } },
  { name: 'margin above 1', body: BACKTEST({ margin: 5 }), expect: { code: BAD, field: /margin/ } },
  {
    name: 'fixed commission negative',
    body: BACKTEST({ fixedCommission: -3 }),
    expect: { code: BAD, field: /fixedCommission/ },
  },
  {
    name: 'param 1e999 in the JSON text (Infinity once parsed)',
    raw: JSON.stringify(BACKTEST({ params: { stopLossPct: 12345 } })).replace('12345', '1e999'),
    expect: { code: BAD, field: /stopLossPct/ },
  },

  // Oversized lists
  {
    name: 'MAX_TICKERS + 1 tickers',
    body: {
      query: `query ($ts: [String!]!) { priceSeriesList(tickers: $ts, ${RANGE}) { barCount } }`,
      variables: { ts: tickers(51) },
    },
    expect: { code: BAD, field: /tickers/ },
  },
  {
    name: '100,000 tickers',
    body: {
      query: `query ($ts: [String!]!) { priceSeriesList(tickers: $ts, ${RANGE}) { barCount } }`,
      variables: { ts: tickers(100_000) },
    },
    expect: { status: 413 },
  },
  {
    name: 'empty ticker list',
    body: { query: `{ priceSeriesList(tickers: [], ${RANGE}) { barCount } }` },
    expect: { code: BAD, field: /tickers/ },
  },
  {
    name: '10,000 holdings',
    body: PORTFOLIO({ holdings: tickers(10_000).map((ticker) => ({ ticker, weight: 0.0001 })) }),
    expect: { status: 413 },
  },
  {
    name: '1,000 holdings',
    body: PORTFOLIO({ holdings: tickers(1_000).map((ticker) => ({ ticker, weight: 0.001 })) }),
    expect: { code: BAD },
  },
  {
    name: '1,000 grid ranges',
    body: OPTIMIZE({ grid: Array.from({ length: 1000 }, () => ({ name: 'fast', from: 5, to: 6, step: 1 })) }),
    expect: { code: BAD },
  },

  // GraphQL documents that are wrong or hostile
  {
    name: 'syntax error',
    body: { query: '{ strategies { name }' },
    expect: { code: 'GRAPHQL_PARSE_FAILED' },
  },
  { name: 'unknown field', body: { query: '{ strategies { name password } }' }, expect: { code: INVALID } },
  {
    name: 'missing required argument',
    body: { query: '{ priceSeries(ticker: "AAPL") { barCount } }' },
    expect: { code: INVALID },
  },
  {
    name: 'admin mutation without a token',
    body: { query: `mutation { warmCache(tickers: ["AAPL"], ${RANGE}) { requested } }` },
    expect: { code: 'FORBIDDEN' },
  },
  {
    name: 'admin mutation with a wrong token',
    body: { query: `mutation { warmCache(tickers: ["AAPL"], ${RANGE}) { requested } }` },
    headers: { authorization: 'Bearer not-the-token-at-all' },
    expect: { code: 'FORBIDDEN' },
  },
  {
    name: 'inline fragments 30 levels deep',
    body: { query: `{ ${'... on Query { '.repeat(30)}strategies { name }${' }'.repeat(30)} }` },
    expect: { code: COMPLEX },
  },
  {
    // graphql's own introspection depth rule answers before the depth limit does.
    name: 'introspection 40 levels deep',
    body: {
      query: `{ __schema { types { ${'fields { type { '.repeat(20)}name${' } }'.repeat(20)} } } }`,
    },
    expect: { code: INVALID },
  },
  {
    name: '1,000 aliases of strategies',
    body: { query: `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: strategies { name }`).join(' ')} }` },
    expect: { code: COMPLEX },
  },
  {
    name: '200 aliased backtests',
    body: {
      query: `{ ${Array.from(
        { length: 200 },
        (_, i) =>
          `b${i}: backtest(input: { ticker: "AAPL", ${RANGE}, strategy: "SmaCross", params: { fast: ${(i % 50) + 1}, slow: 60 } }) { key }`,
      ).join(' ')} }`,
    },
    expect: { code: COMPLEX },
  },
  {
    name: '20,000 repeated fields',
    body: { query: `{ strategies { ${'name '.repeat(20_000)} } }` },
    expect: { code: COMPLEX },
  },
  {
    name: '2,000 directives on one field',
    body: { query: `{ strategies @include(if: true) ${'@skip(if: false) '.repeat(2000)} { name } }` },
    expect: { code: COMPLEX },
  },

  {
    name: '50 tickers × 49 years of every column (cost)',
    body: {
      query: `query ($ts: [String!]!) { priceSeriesList(tickers: $ts, from: "1975-01-02", to: "2023-12-29") {
        columns { dates open high low close volume } } }`,
      variables: { ts: tickers(50) },
    },
    expect: { code: COMPLEX },
  },

  // HTTP-level garbage
  { name: 'body that is not JSON', raw: '{"query": "{ strategies { name } }"', expect: { status: 400 } },
  { name: 'JSON body without a query', body: { variables: {} }, expect: { code: 'BAD_REQUEST' } },
  { name: 'query that is a number', body: { query: 42 }, expect: { status: 400 } },
  {
    name: 'variables that are a string',
    body: { query: '{ strategies { name } }', variables: 'x' },
    expect: { status: 400 },
  },
  { name: 'empty query', body: { query: '' }, expect: { code: 'GRAPHQL_PARSE_FAILED' } },
  {
    name: 'mutation over GET',
    method: 'GET',
    search: `query=${encodeURIComponent(`mutation { warmCache(tickers: ["AAPL"], ${RANGE}) { requested } }`)}`,
    expect: { status: 405 },
  },
  {
    name: 'unknown operation name',
    body: { query: 'query A { strategies { name } }', operationName: 'B' },
    expect: { status: 400 },
  },
  {
    name: '20 MB body',
    raw: JSON.stringify({
      query: '{ strategies { name } }',
      variables: { pad: 'x'.repeat(20 * 1024 * 1024) },
    }),
    expect: { status: 413 },
  },
  {
    name: '2 MB query of comments',
    body: { query: `${'# padding\n'.repeat(200_000)}{ strategies { name } }` },
    expect: { status: 413 },
  },
];
