import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sample, type TestApp } from '../observability/app-support.ts';
import { startYahooServer, type YahooServer } from '../support/yahoo-server.ts';

let yahoo: YahooServer;
let a: TestApp;

beforeAll(async () => {
  yahoo = await startYahooServer({ recordedDir: null });
  a = await createTestApp({ YAHOO_BASE_URL: yahoo.url, RATE_LIMIT_PER_MINUTE: '0' });
});
afterAll(async () => {
  await a.close();
  await yahoo.close();
});

function expectTooComplex(answer: Awaited<ReturnType<TestApp['gql']>>, limit: string, message: RegExp) {
  expect(answer.status).toBeLessThan(500);
  expect(answer.data ?? null).toBeNull();
  expect(answer.errors?.length).toBeGreaterThanOrEqual(1);
  expect(answer.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit });
  expect(answer.errors![0].message).toMatch(message);
}

describe('query shape limits', () => {
  it('refuses a query deeper than MAX_QUERY_DEPTH (12), nested fragments counting as levels', async () => {
    const nested = (levels: number) =>
      `{ ${'... on Query { '.repeat(levels)}strategies { name }${' }'.repeat(levels)} }`;
    expectTooComplex(await a.gql(nested(12)), 'depth', /depth limit of 12 exceeded, found 14/);
    expect((await a.gql(nested(10))).errors).toBeUndefined();
    const deepType = `{ __type(name: "Query") { ${'fields { type { '.repeat(6)}name${' } }'.repeat(6)} } }`;
    expectTooComplex(await a.gql(deepType), 'depth', /depth limit of 12 exceeded, found 14/);
  });

  it('still serves the full introspection query GraphiQL sends', async () => {
    const answer = await a.gql(getIntrospectionQuery());
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toHaveProperty('__schema');
  });

  it('refuses more aliases than MAX_QUERY_ALIASES (60)', async () => {
    const many = Array.from({ length: 61 }, (_, i) => `a${i}: strategies { name }`).join(' ');
    expectTooComplex(await a.gql(`{ ${many} }`), 'aliases', /Aliases limit of 60 exceeded, found 61/);
    const fine = Array.from({ length: 60 }, (_, i) => `a${i}: strategies { name }`).join(' ');
    expect((await a.gql(`{ ${fine} }`)).errors).toBeUndefined();
  });

  it('refuses a document of more than MAX_QUERY_TOKENS (5000) tokens', async () => {
    expectTooComplex(
      await a.gql(`{ strategies { ${'name '.repeat(6000)} } }`),
      'tokens',
      /Token limit of 5000/,
    );
  });

  it('refuses 30 aliased 50-year series as too costly before loading anything, and serves a normal query', async () => {
    const before = yahoo.requests.length;
    const aliases = Array.from(
      { length: 30 },
      (_, i) => `s${i}: priceSeries(ticker: "T${i}", from: $from, to: $to) { bars { date close } }`,
    ).join(' ');
    const answer = await a.gql(`query Wide($from: Date!, $to: Date!) { ${aliases} }`, {
      from: '1974-01-01',
      to: '2023-12-31',
    });
    expectTooComplex(
      answer,
      'cost',
      /too complex: it would return about \d+ values, more than the limit of 300000/,
    );
    expect(answer.errors![0].extensions?.cost).toBeGreaterThan(300_000);
    expect(yahoo.requests.length).toBe(before);

    const normal = await a.gql<{ priceSeries: { barCount: number } }>(
      '{ priceSeries(ticker: "NORMAL", from: "2023-01-02", to: "2023-12-29") { barCount bars { date open high low close volume } } }',
    );
    expect(normal.errors).toBeUndefined();
    expect(normal.data?.priceSeries.barCount).toBeGreaterThan(200);
  });

  it('answers 400 to clients accepting application/graphql-response+json, like validation errors', async () => {
    const wide = Array.from(
      { length: 30 },
      (_, i) =>
        `s${i}: priceSeries(ticker: "T${i}", from: "1974-01-01", to: "2023-12-31") { bars { close } }`,
    ).join(' ');
    for (const [query, limit] of [
      [`{ ${wide} }`, 'cost'],
      [`{ strategies { ${'name '.repeat(6000)} } }`, 'tokens'],
      [`{ ${Array.from({ length: 61 }, (_, i) => `a${i}: strategies { name }`).join(' ')} }`, 'aliases'],
    ]) {
      const answer = await a.gql(query, undefined, { accept: 'application/graphql-response+json' });
      expect(answer.status).toBe(400);
      expect(answer.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit });
      expect(answer.errors?.[0].extensions).not.toHaveProperty('http');
    }
  });

  it('counts refusals by limit in /metrics', async () => {
    const text = await a.metricsText();
    for (const reason of ['depth', 'aliases', 'tokens', 'cost']) {
      expect(sample(text, 'graphql_rejections_total', { reason })).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('input size', () => {
  it('rejects a 50 KB ticker quickly with BAD_USER_INPUT naming the field, without echoing it', async () => {
    const started = performance.now();
    const answer = await a.gql(
      'query ($t: String!) { priceSeries(ticker: $t, from: "2023-01-02", to: "2023-01-31") { barCount } }',
      {
        t: 'A'.repeat(50_000),
      },
    );
    expect(performance.now() - started).toBeLessThan(1000);
    expect(answer.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ticker' });
    expect(answer.errors![0].message.length).toBeLessThan(200);
  });
});
