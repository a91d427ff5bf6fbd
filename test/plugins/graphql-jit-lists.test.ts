/**
 * graphql-jit's list loop is patched (patches/graphql-jit+0.8.7.patch: an indexed loop into an
 * array of the list's length). A compiled query still answers what graphql-js answers, on lists
 * of leaves, objects, nulls, errors, promises, iterables and nested lists; and the graphql-jit
 * the service runs is the patched one.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { execute, type GraphQLObjectType, type GraphQLSchema, buildSchema, parse } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, sample, type TestApp } from '../observability/app-support.ts';
import { startYahooServer, type YahooServer } from '../support/yahoo-server.ts';

const schema: GraphQLSchema = buildSchema(`
  type Item { id: ID!  n: Int  tags: [String]  grid: [[Float!]]  boom: String }
  type Query {
    floats: [Float!]!
    maybeStrings: [String]
    items: [Item!]!
    maybeItems: [Item]
    nullInNonNull: [Int!]
    badFloat: [Float!]
    promised: [Int]
    rejected: [Int]
    fromSet: [String!]!
    nested: [[Int!]!]!
    promisedItems: [Item]
    sparse: [Int]
  }
`);

const later = <T>(value: T, ms = 1) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));
const failLater = (message: string) =>
  new Promise((_resolve, reject) => setTimeout(() => reject(new Error(message)), 1));

const item = (i: number) => ({
  id: i,
  n: i % 3 === 0 ? null : i,
  tags: i % 2 ? ['a', null, `t${i}`] : null,
  grid: [[i, i + 0.5], [], [i * 2]],
  boom: () => {
    if (i === 2) throw new Error(`boom ${i}`);
    return `ok ${i}`;
  },
});

const root = {
  floats: () => Array.from({ length: 50 }, (_, i) => i / 7),
  maybeStrings: () => ['x', null, undefined, 'y'],
  items: () => Array.from({ length: 6 }, (_, i) => item(i)),
  maybeItems: () => [item(1), null, item(2)],
  nullInNonNull: () => [1, 2, null, 4],
  badFloat: () => [1.5, Number.NaN, 2.5],
  promised: () => [1, later(2), 3, later(4, 3), 5],
  rejected: () => [1, failLater('nope'), 3, later(4)],
  fromSet: () => new Set(['p', 'q', 'r']),
  nested: () => [[1, 2], [], [3]],
  promisedItems: () => [item(4), later(item(5)), null],
  // biome-ignore lint/suspicious/noSparseArray: a sparse list on purpose
  sparse: () => [1, , 3],
};

// Resolvers on the schema (graphql-jit's default resolver reads properties, it calls none).
for (const [name, resolve] of Object.entries(root))
  schema.getQueryType()!.getFields()[name].resolve = resolve;
const itemType = schema.getType('Item') as GraphQLObjectType;
itemType.getFields().boom.resolve = (parent: { boom: () => string }) => parent.boom();

const QUERIES = {
  leaves: '{ floats maybeStrings fromSet nested sparse }',
  objects: '{ items { id n tags grid boom } maybeItems { id tags } }',
  nonNullError: '{ nullInNonNull badFloat }',
  promises: '{ promised rejected promisedItems { id n grid } }',
};

const sortedErrors = (errors: readonly { message: string; path?: readonly unknown[] }[] | undefined) =>
  (errors ?? []).map((e) => `${JSON.stringify(e.path)} ${e.message}`).sort();

async function bothAnswers(query: string) {
  const document = parse(query);
  const compiled = compileQuery(schema, document);
  if (!isCompiledQuery(compiled)) throw new Error(JSON.stringify(compiled));
  const jit = (await compiled.query({}, {}, {})) as {
    data?: unknown;
    errors?: { message: string; path?: unknown[] }[];
  };
  const reference = await execute({ schema, document, rootValue: {}, contextValue: {} });
  return { jit, reference };
}

describe("graphql-jit's patched list loop", () => {
  for (const [name, query] of Object.entries(QUERIES)) {
    it(`answers ${name} as graphql-js does`, async () => {
      const { jit, reference } = await bothAnswers(query);
      expect(JSON.parse(JSON.stringify(jit.data))).toEqual(JSON.parse(JSON.stringify(reference.data)));
      expect(sortedErrors(jit.errors)).toEqual(sortedErrors(reference.errors));
      // Not vacuous: the queries answer data, and the error cases answer errors.
      expect(reference.data).not.toBeNull();
      if (name !== 'leaves') expect(reference.errors?.length).toBeGreaterThan(0);
    });
  }

  it('keeps the order of items and fills no holes', async () => {
    const { jit } = await bothAnswers(QUERIES.leaves);
    const data = JSON.parse(JSON.stringify(jit.data)) as { floats: number[]; sparse: unknown[] };
    expect(data.floats).toEqual(Array.from({ length: 50 }, (_, i) => i / 7));
    expect(data.sparse).toEqual([1, null, 3]);
  });

  it('is the loop installed: npm ci applied the patch to the graphql-jit the plugin loads', () => {
    const require = createRequire(import.meta.url);
    const envelop = createRequire(require.resolve('@envelop/graphql-jit'));
    const execution = envelop.resolve('graphql-jit/dist/execution.js');
    expect(execution).toBe(require.resolve('graphql-jit/dist/execution.js'));
    expect(readFileSync(execution, 'utf8')).toContain('iterable[Symbol.iterator] === ARRAY_ITERATOR');
  });
});

describe('the service', () => {
  let yahoo: YahooServer;
  let app: TestApp;
  beforeAll(async () => {
    yahoo = await startYahooServer({ recordedDir: null });
    app = await createTestApp({ YAHOO_BASE_URL: yahoo.url, RATE_LIMIT_PER_MINUTE: '0' });
  });
  afterAll(async () => {
    await app?.close();
    await yahoo?.close();
  });

  const compiled = async () => sample(await app.metricsText(), 'graphql_compiled_operations_total');

  it('runs its queries compiled, and mutations and queries with bad variables on graphql-js', async () => {
    const before = await compiled();
    const query = await app.gql('{ strategies { name params { name } } }');
    expect(query.errors).toBeUndefined();
    expect(await compiled()).toBe(before + 1);

    const mutation = await app.gql('mutation { deleteStrategy(name: "NoSuchSavedStrategy") }');
    expect(mutation.status).toBeLessThan(500);
    const badVariables = await app.gql(
      'query ($t: String!) { priceSeries(ticker: $t, from: "2023-01-02", to: "2023-01-31") { barCount } }',
      { t: 42 },
    );
    expect(badVariables.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await compiled()).toBe(before + 1);
  });

  it('compiles queries with Date and DateTime literals without a word on stderr', async () => {
    const errors = vi.spyOn(console, 'error');
    try {
      const before = await compiled();
      const answer = await app.gql(
        '{ priceSeries(ticker: "LITERAL", from: "2023-01-02", to: "2023-01-31") { from to barCount } }',
      );
      expect(answer.errors).toBeUndefined();
      expect(await compiled()).toBe(before + 1);
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });
});
