/**
 * The soak's operation mix: each operation builds one GraphQL request from a random draw. Weights
 * are relative frequencies. Tickers come from the Yahoo test server, which generates a series for
 * any symbol; a share of price requests ask for tickers never seen before or for windows of their
 * own, so the provider, the database and cache eviction stay in the loop for the whole run.
 */

export interface SoakRequest {
  query: string;
  variables?: Record<string, unknown>;
}

export interface SoakOperation {
  name: string;
  weight: number;
  build(random: () => number): SoakRequest;
}

export const TICKERS = Array.from({ length: 40 }, (_, i) => `SOAK${String(i).padStart(2, '0')}`);
const HOT_TICKERS = TICKERS.slice(0, 4);
const WINDOWS = [
  { from: '2019-01-02', to: '2019-12-31' },
  { from: '2020-01-02', to: '2021-06-30' },
  { from: '2021-01-04', to: '2023-12-29' },
  { from: '2022-06-01', to: '2022-12-30' },
  { from: '2018-01-02', to: '2023-12-29' },
  { from: '2023-01-03', to: '2023-03-31' },
];

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const between = (random: () => number, min: number, max: number) =>
  min + Math.floor(random() * (max - min + 1));

let newTickers = 0;

const SERIES = `query Soak_priceSeries($t: String!, $from: Date!, $to: Date!) {
  priceSeries(ticker: $t, from: $from, to: $to) { source stale barCount columns { dates close } }
}`;
const BACKTEST = `query Soak_backtest($input: BacktestInput!) {
  backtest(input: $input) {
    key cached stats { returnPct sharpeRatio maxDrawdownPct tradeCount sqn }
    equityCurve { date equity } trades { entryDate exitDate pnl }
  }
}`;
const PORTFOLIO = `mutation Soak_portfolio($input: PortfolioBacktestInput!) {
  runPortfolioBacktest(input: $input) { id stats { returnPct maxDrawdownPct } holdings { ticker finalValue } }
}`;
const OPTIMIZE = `mutation Soak_optimize($input: OptimizeInput!) {
  optimizeStrategy(input: $input) { runCount best { params value } }
}`;

export const OPERATIONS: SoakOperation[] = [
  {
    name: 'priceSeries',
    weight: 30,
    build: (random) => {
      const draw = random();
      // A few ask for a ticker nobody asked for yet: provider fetch, store, cache insert.
      if (draw < 0.03) {
        const ticker = `NEW${(newTickers++).toString(36).toUpperCase()}`;
        return { query: SERIES, variables: { t: ticker, ...WINDOWS[0] } };
      }
      // Some ask for a window of their own: a cache miss served from the database.
      if (draw < 0.13) {
        const year = between(random, 2018, 2022);
        const month = String(between(random, 1, 12)).padStart(2, '0');
        const day = String(between(random, 1, 28)).padStart(2, '0');
        const window = { from: `${year}-${month}-${day}`, to: `${year + 1}-06-30` };
        return { query: SERIES, variables: { t: pick(random, TICKERS), ...window } };
      }
      return { query: SERIES, variables: { t: pick(random, TICKERS), ...pick(random, WINDOWS) } };
    },
  },
  {
    name: 'backtest (cached)',
    weight: 20,
    build: (random) => ({
      query: BACKTEST,
      variables: {
        input: {
          ticker: pick(random, HOT_TICKERS),
          ...WINDOWS[2],
          strategy: 'SmaCross',
          params: { fast: 10, slow: 30 },
        },
      },
    }),
  },
  {
    name: 'backtest (new params)',
    weight: 15,
    build: (random) => ({
      query: BACKTEST,
      variables: {
        input: {
          ticker: pick(random, TICKERS),
          ...pick(random, WINDOWS.slice(0, 5)),
          strategy: pick(random, ['SmaCross', 'EmaCross']),
          params: { fast: between(random, 2, 40), slow: between(random, 41, 120) },
          commission: pick(random, [0, 0.001, 0.002]),
        },
      },
    }),
  },
  {
    name: 'strategies',
    weight: 15,
    build: () => ({ query: '{ strategies { name description params { name type default min max } } }' }),
  },
  {
    name: 'portfolio run',
    weight: 10,
    build: (random) => {
      const [a, b, c] = [pick(random, TICKERS), pick(random, TICKERS), pick(random, TICKERS)];
      return {
        query: PORTFOLIO,
        variables: {
          input: {
            holdings: [
              { ticker: a, weight: 0.4 },
              { ticker: b === a ? 'SOAKB' : b, weight: 0.3 },
              { ticker: c === a || c === b ? 'SOAKC' : c, weight: 0.3 },
            ],
            ...pick(random, WINDOWS.slice(0, 3)),
            rebalance: pick(random, ['NEVER', 'MONTHLY', 'QUARTERLY', 'YEARLY']),
          },
        },
      };
    },
  },
  {
    name: 'optimization (small)',
    weight: 10,
    build: (random) => {
      const fastFrom = between(random, 3, 12);
      return {
        query: OPTIMIZE,
        variables: {
          input: {
            ticker: pick(random, HOT_TICKERS),
            ...WINDOWS[2],
            strategy: 'SmaCross',
            grid: [
              { name: 'fast', from: fastFrom, to: fastFrom + 7, step: 1 },
              { name: 'slow', from: 30, to: 60, step: 5 },
            ],
          },
        },
      };
    },
  },
];

/** Draws an operation by weight. */
export function drawOperation(random: () => number): SoakOperation {
  const total = OPERATIONS.reduce((sum, op) => sum + op.weight, 0);
  let at = random() * total;
  for (const op of OPERATIONS) {
    at -= op.weight;
    if (at < 0) return op;
  }
  return OPERATIONS[OPERATIONS.length - 1];
}
