import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.ts';
import { createTestDatabase, dropTestDatabase } from '../support/mysql.ts';
import { sharedDataAvailable, sharedDataDir, warnIfNoSharedData } from '../support/shared-data.ts';

warnIfNoSharedData('rule strategies through GraphQL on GOOG');

const BACKTEST = `query($input: BacktestInput!) {
  backtest(input: $input) {
    key cached strategy params
    stats { returnPct sharpeRatio maxDrawdownPct avgDrawdownPct tradeCount winRatePct sqn equityFinal }
    trades { size entryDate exitDate entryPrice exitPrice pnl }
    equityCurve { date equity drawdownPct }
  }
}`;
const OPTIMIZE = `mutation($input: OptimizeInput!) {
  optimizeStrategy(input: $input) { runCount best { params value } runs { params value } }
}`;
const SAVE = `mutation($input: SaveStrategyInput!) {
  saveStrategy(input: $input) { name kind description params { name type default min max } rules { entry shortEntry } }
}`;
const LIST = '{ strategies { name kind rules { entry } } }';

const SMA_TWIN = {
  entry: 'crossover(sma(close, fast), sma(close, slow))',
  shortEntry: 'crossover(sma(close, slow), sma(close, fast))',
  params: [
    { name: 'fast', default: 10, min: 1, max: 200 },
    { name: 'slow', default: 30, min: 2, max: 400 },
  ],
};
const DONCHIAN_TWIN = {
  entry: 'close > prev(highest(high, entryBars), 1)',
  exit: 'close < prev(lowest(low, exitBars), 1)',
  params: [
    { name: 'entryBars', default: 20 },
    { name: 'exitBars', default: 10 },
  ],
};
const goog = { ticker: 'GOOG', from: '2004-08-19', to: '2013-03-01' };
const csvEnv = { PRICE_PROVIDER: 'csv', PRICE_CSV_DIR: sharedDataDir };

interface Backtest {
  key: string;
  cached: boolean;
  strategy: string;
  params: Record<string, unknown>;
  stats: Record<string, number | null>;
  trades: unknown[];
  equityCurve: unknown[];
}

const sameRun = (a: Backtest, b: Backtest) => {
  expect(a.stats).toEqual(b.stats);
  expect(a.trades).toEqual(b.trades);
  expect(a.equityCurve).toEqual(b.equityCurve);
};

describe.skipIf(!sharedDataAvailable)('rule strategies through GraphQL', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ databaseUrl: 'file::memory:', env: csvEnv });
  });
  afterAll(() => h.close());

  const backtest = async (input: Record<string, unknown>) => {
    const r = await h.gql<{ backtest: Backtest }>(BACKTEST, { input: { ...goog, ...input } });
    expect(r.errors).toBeUndefined();
    return r.data!.backtest;
  };

  it('runs rule twins identical to the built-in SmaCross(10, 30), DonchianBreakout and EmaCross', async () => {
    const rules = await backtest({ rules: SMA_TWIN });
    const builtIn = await backtest({ strategy: 'SmaCross' });
    expect(rules.stats.tradeCount).toBe(66);
    expect(rules.strategy).toBe('rules');
    expect(rules.params).toEqual({ fast: 10, slow: 30 });
    sameRun(rules, builtIn);
    sameRun(await backtest({ rules: DONCHIAN_TWIN }), await backtest({ strategy: 'DonchianBreakout' }));
    const emaTwin = {
      entry: 'crossover(ema(close, fast), ema(close, slow))',
      shortEntry: 'crossover(ema(close, slow), ema(close, fast))',
      params: [
        { name: 'fast', default: 12 },
        { name: 'slow', default: 26 },
      ],
    };
    sameRun(await backtest({ rules: emaTwin }), await backtest({ strategy: 'EmaCross' }));
  });

  it('keys the result cache by the rules: other rules run again, the same rules are cached', async () => {
    const first = await backtest({
      rules: { ...SMA_TWIN, entry: '  crossover(sma(close, fast), sma(close, slow)) ' },
    });
    expect(first.cached).toBe(true);
    const other = await backtest({
      rules: { ...SMA_TWIN, shortEntry: null, exit: 'close < sma(close, slow)' },
    });
    expect(other.cached).toBe(false);
    expect(other.key).not.toBe(first.key);
  });

  it('optimizes rule params over the 91-run grid to the built-in sweep’s best params and value', async () => {
    const grid = [
      { name: 'fast', from: 5, to: 55, step: 5 },
      { name: 'slow', from: 10, to: 110, step: 10 },
    ];
    type Sweep = {
      optimizeStrategy: { runCount: number; best: { params: Record<string, number>; value: number } };
    };
    const input = { ...goog, grid, constraint: 'fast < slow' };
    const rules = await h.gql<Sweep>(OPTIMIZE, { input: { ...input, rules: SMA_TWIN } });
    const builtIn = await h.gql<Sweep>(OPTIMIZE, { input: { ...input, strategy: 'SmaCross' } });
    expect(rules.errors).toBeUndefined();
    expect(rules.data!.optimizeStrategy.runCount).toBe(91);
    expect(rules.data!.optimizeStrategy.best.value).toBe(builtIn.data!.optimizeStrategy.best.value);
    expect(rules.data!.optimizeStrategy.best.params).toEqual({
      fast: builtIn.data!.optimizeStrategy.best.params.fast,
      slow: builtIn.data!.optimizeStrategy.best.params.slow,
    });
  });

  it('saves a strategy, lists it, runs it by name in any case, and replaces it only when asked', async () => {
    const saved = await h.gql<{ saveStrategy: { name: string; kind: string; params: unknown[] } }>(SAVE, {
      input: { name: 'MySma', description: 'SMA cross as rules', rules: SMA_TWIN },
    });
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.saveStrategy).toMatchObject({
      name: 'MySma',
      kind: 'RULES',
      params: [
        { name: 'fast', type: 'INT', default: 10, min: 1, max: 200 },
        { name: 'slow', type: 'INT', default: 30, min: 2, max: 400 },
      ],
    });
    const list = (await h.gql<{ strategies: { name: string; kind: string }[] }>(LIST)).data!.strategies;
    expect(list.find((s) => s.name === 'SmaCross')?.kind).toBe('BUILT_IN');
    expect(list.find((s) => s.name === 'MySma')?.kind).toBe('RULES');
    const byName = await backtest({ strategy: 'mysma', params: { fast: 10 } });
    expect(byName.strategy).toBe('MySma');
    sameRun(byName, await backtest({ strategy: 'SmaCross' }));

    const again = await h.gql(SAVE, { input: { name: 'MYSMA', rules: DONCHIAN_TWIN } });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(again.errors?.[0].message).toMatch(/replace: true/);
    const replaced = await h.gql(SAVE, { input: { name: 'MySma', rules: DONCHIAN_TWIN, replace: true } });
    expect(replaced.errors).toBeUndefined();
    sameRun(await backtest({ strategy: 'MySma' }), await backtest({ strategy: 'DonchianBreakout' }));

    const builtInName = await h.gql(SAVE, { input: { name: 'smacross', rules: SMA_TWIN } });
    expect(builtInName.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    const deleteBuiltIn = await h.gql('mutation { deleteStrategy(name: "SmaCross") }');
    expect(deleteBuiltIn.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(
      (await h.gql<{ deleteStrategy: boolean }>('mutation { deleteStrategy(name: "mysma") }')).data,
    ).toEqual({
      deleteStrategy: true,
    });
    const gone = await h.gql(BACKTEST, { input: { ...goog, strategy: 'MySma' } });
    expect(gone.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.strategy' });
  });
});

describe('saved strategies as a connection', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ databaseUrl: 'file::memory:' });
  });
  afterAll(() => h.close());

  const PAGE = `query($first: Int, $after: String) {
    savedStrategies(first: $first, after: $after) {
      edges { cursor node { name kind rules { entry } } }
      pageInfo { hasNextPage endCursor }
    }
  }`;
  interface Page {
    savedStrategies: {
      edges: { cursor: string; node: { name: string; kind: string; rules: { entry: string } } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  }

  it('pages through every saved strategy by name, without the built-ins, and refuses bad page sizes', async () => {
    const names = ['Gamma', 'alpha', 'Epsilon', 'beta', 'delta'];
    for (const name of names) {
      const r = await h.gql(SAVE, { input: { name, rules: { entry: 'close > open' } } });
      expect(r.errors).toBeUndefined();
    }
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const r: { data?: Page | null; errors?: unknown } = await h.gql<Page>(PAGE, { first: 2, after });
      expect(r.errors).toBeUndefined();
      const { edges, pageInfo } = r.data!.savedStrategies;
      for (const edge of edges) {
        expect(edge.node.kind).toBe('RULES');
        expect(edge.node.rules.entry).toBe('close > open');
        seen.push(edge.node.name);
      }
      if (!pageInfo.hasNextPage) break;
      expect(pageInfo.endCursor).toBe(edges.at(-1)!.cursor);
      after = pageInfo.endCursor;
    }
    expect(seen).toEqual(['alpha', 'beta', 'delta', 'Epsilon', 'Gamma']);
    const tooMany = await h.gql(PAGE, { first: 101 });
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const backwards = await h.gql('{ savedStrategies(last: 2) { edges { cursor } } }');
    expect(backwards.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'last' });
  });
});

/** `1 + 1 + …` over `leaves` ones as a balanced tree: many nodes, little depth. */
function balancedSum(leaves: number): string {
  return leaves === 1 ? '1' : `(${balancedSum(leaves / 2)} + ${balancedSum(leaves / 2)})`;
}

/** Every class of rule error, over HTTP, with the input path and the character offset. */
describe('rule strategy errors over GraphQL', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ databaseUrl: 'file::memory:', env: csvEnv });
  });
  afterAll(() => h.close());

  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    [
      'too long',
      { entry: `close > ${'1 + '.repeat(300)}1` },
      'input.rules.entry',
      /more than the limit of 1000/,
    ],
    ['too many nodes', { entry: `close > ${balancedSum(128)}` }, 'input.rules.entry', /more than 200 nodes/],
    [
      'nested too deep',
      { entry: `${'not '.repeat(30)}(close > open)` },
      'input.rules.entry',
      /deeper than 24 levels/,
    ],
    ['unknown name', { entry: 'clsoe > open' }, 'input.rules.entry', /clsoe.*at character 0/],
    ['wrong arity', { entry: 'close > sma(close)' }, 'input.rules.entry', /sma.*at character 8/],
    [
      'a number used as a condition',
      { entry: 'close + 1' },
      'input.rules.entry',
      /condition.*at character 0/,
    ],
    [
      'a condition used as a number',
      { entry: 'sma(close > 1, 3) > 0' },
      'input.rules.entry',
      /at character 4/,
    ],
    [
      'a param bound',
      { entry: 'close > sma(close, n)', params: [{ name: 'n', default: 5, max: 2 }] },
      'input.rules.params[0]',
      /default|max/,
    ],
    ['the size', { entry: 'close > open', size: 1.5 }, 'input.rules.size', /size/],
  ];

  it.each(cases)('%s', async (_label, rules, field, message) => {
    const r = await h.gql(BACKTEST, { input: { ...goog, rules } });
    expect(r.errors).toHaveLength(1);
    const [error] = r.errors!;
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(String(error.extensions?.field)).toMatch(new RegExp(`^${field.replace(/[[\].]/g, '\\$&')}`));
    expect(error.message).toMatch(message);
  });

  it.skipIf(!sharedDataAvailable)('a lookback longer than the bars', async () => {
    const r = await h.gql(BACKTEST, {
      input: { ...goog, to: '2004-09-30', rules: { entry: 'close > sma(close, 300)' } },
    });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.rules.entry' });
    expect(r.errors?.[0].message).toMatch(/needs at least 300 bars.*at character 8/);
  });

  it('exactly one of strategy and rules', async () => {
    const both = await h.gql(BACKTEST, { input: { ...goog, strategy: 'SmaCross', rules: SMA_TWIN } });
    expect(both.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.rules' });
    const neither = await h.gql(BACKTEST, { input: { ...goog } });
    expect(neither.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.strategy' });
  });
});

/** A saved strategy outlives the process, on SQLite and on MariaDB. */
describe('saved strategies survive a restart', () => {
  const mysqlUrl = process.env.TEST_DATABASE_URL;
  const targets: [string, () => Promise<string>, (() => Promise<void>) | undefined][] = [
    ['SQLite', async () => `file:${join(mkdtempSync(join(tmpdir(), 'bt-rules-')), 'db.sqlite')}`, undefined],
  ];
  if (mysqlUrl) {
    targets.push([
      'MariaDB',
      () => createTestDatabase(mysqlUrl, 'rules_api'),
      () => dropTestDatabase(mysqlUrl, 'rules_api'),
    ]);
  } else
    console.warn(
      '[test/catalogue/rule-strategies-api.test.ts] TEST_DATABASE_URL is not set: the MariaDB variant is skipped.',
    );

  it.each(targets)('on %s', async (_name, open, drop) => {
    const url = await open();
    try {
      const first = await createHarness({ databaseUrl: url, env: csvEnv });
      try {
        const saved = await first.gql(SAVE, { input: { name: 'Breakout20', rules: DONCHIAN_TWIN } });
        expect(saved.errors).toBeUndefined();
      } finally {
        await first.close();
      }
      const second = await createHarness({ databaseUrl: url, env: csvEnv });
      try {
        const list = (
          await second.gql<{ strategies: { name: string; kind: string; rules: { entry: string } | null }[] }>(
            LIST,
          )
        ).data!.strategies;
        expect(list.find((s) => s.name === 'Breakout20')).toEqual({
          name: 'Breakout20',
          kind: 'RULES',
          rules: { entry: DONCHIAN_TWIN.entry },
        });
      } finally {
        await second.close();
      }
    } finally {
      await drop?.();
    }
  });
});
