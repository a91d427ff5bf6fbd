import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.ts';

const SERIES_FROM =
  'query($f: Date!) { priceSeries(ticker: "AAPL", from: $f, to: "2024-01-05") { barCount } }';
const SERIES_TICKER =
  'query($t: String!) { priceSeries(ticker: $t, from: "2024-01-02", to: "2024-01-05") { barCount } }';
const BACKTEST = 'query($i: BacktestInput!) { backtest(input: $i) { key } }';

describe('variables that cannot be coerced', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ databaseUrl: 'file::memory:' });
  });
  afterAll(() => h.close());

  const send = async (query: string, variables: Record<string, unknown>, accept: string) => {
    const response = await h.app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { errors: { extensions: Record<string, unknown> }[] };
    return { status: response.status, error: body.errors[0] };
  };

  it.each([
    ['a Date that is not a real date', SERIES_FROM, { f: '2024-02-30' }, 'f'],
    [
      'a Date inside an input object',
      BACKTEST,
      { i: { ticker: 'A', from: '2024-13-01', to: '2024-01-05', strategy: 'SmaCross' } },
      'i.from',
    ],
    ['a String given a number', SERIES_TICKER, { t: 42 }, 't'],
  ])(
    '%s: BAD_USER_INPUT naming the variable, and the same HTTP status as any variable error',
    async (_label, query, variables, field) => {
      const spec = await send(query, variables, 'application/graphql-response+json');
      expect(spec.status).toBe(400);
      expect(spec.error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(spec.error.extensions).not.toHaveProperty('http');
      const plain = await send(query, variables, 'application/json');
      const reference = await send(SERIES_TICKER, { t: 42 }, 'application/json');
      expect(plain.status).toBe(reference.status);
      expect(plain.error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    },
  );
});
