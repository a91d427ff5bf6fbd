import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PriceChartDocument, WarmCacheDocument } from '../../schema/generated/graphql.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { execute } from '../support/typed.ts';
import { startYahooServer, type YahooServer } from '../support/yahoo-server.ts';

const TOKEN = 'admin-token-0123456789abcdef';

let yahoo: YahooServer;
beforeAll(async () => {
  yahoo = await startYahooServer({ recordedDir: null });
});
afterAll(() => yahoo.close());

const run = <R, V>(
  h: Harness,
  doc: Parameters<typeof execute<R, V>>[2],
  variables: V,
  headers?: Record<string, string>,
) => execute((url, init) => h.app.fetch(url, init), 'http://localhost', doc, variables, headers);

describe('warmCache (admin)', () => {
  const vars = { tickers: ['wa1', 'WA2', 'UNKNOWNW'], from: '2023-01-01', to: '2023-03-31' };

  it('is FORBIDDEN when no ADMIN_TOKEN is configured, even with a bearer', async () => {
    const h = await createHarness({ databaseUrl: 'file::memory:', yahooUrl: yahoo.url });
    try {
      const r = await run(h, WarmCacheDocument, vars, { authorization: `Bearer ${TOKEN}` });
      expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(yahoo.countFor('WA1')).toBe(0);
    } finally {
      await h.close();
    }
  });

  it('is FORBIDDEN with a missing or wrong bearer, and warms with the right one', async () => {
    const h = await createHarness({
      databaseUrl: 'file::memory:',
      yahooUrl: yahoo.url,
      env: { ADMIN_TOKEN: TOKEN },
    });
    try {
      expect((await run(h, WarmCacheDocument, vars)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const wrong = await run(h, WarmCacheDocument, vars, { authorization: `Bearer ${TOKEN}x` });
      expect(wrong.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(yahoo.countFor('WA1')).toBe(0);

      const ok = await run(h, WarmCacheDocument, vars, { authorization: `Bearer ${TOKEN}` });
      expect(ok.errors).toBeUndefined();
      expect(ok.data!.warmCache).toMatchObject({ requested: 3, succeeded: 2, failed: 1 });
      expect(ok.data!.warmCache!.tickers.map((t) => [t.ticker, t.ok])).toEqual([
        ['WA1', true],
        ['WA2', true],
        ['UNKNOWNW', false],
      ]);
      const chart = await run(h, PriceChartDocument, { ticker: 'WA1', from: '2023-01-01', to: '2023-03-31' });
      expect(chart.data!.priceSeries!.source).toBe('MEMORY');
      expect(yahoo.countFor('WA1')).toBe(1);
    } finally {
      await h.close();
    }
  });
});

describe('masking', () => {
  it('masks unexpected failures as INTERNAL_SERVER_ERROR without SQL or stack', async () => {
    const h = await createHarness({ databaseUrl: 'file::memory:', yahooUrl: yahoo.url });
    await h.services.repository.close(); // the store fails underneath the service
    try {
      const r = await run(h, PriceChartDocument, { ticker: 'MASKED', from: '2023-01-01', to: '2023-01-31' });
      expect(r.errors).toHaveLength(1);
      expect(r.errors![0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      const text = JSON.stringify(r);
      expect(text).not.toMatch(/select|coverage|sqlite|at \//i);
    } finally {
      await h.close();
    }
  });
});
