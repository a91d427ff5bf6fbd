import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.ts';
import { RECORDED_DIR, startYahooServer, type YahooServer } from '../support/yahoo-server.ts';

const available = existsSync(RECORDED_DIR);
if (!available) console.warn(`SKIPPED recorded Yahoo series: ${RECORDED_DIR} is absent`);

interface Recorded {
  dates: string[];
  close: number[];
  adjclose: number[];
  open: number[];
}

/** The recorded body read independently of the adapter: New York trading dates, quotes, adjclose. */
function recorded(file: string): Recorded {
  const body = JSON.parse(readFileSync(join(RECORDED_DIR, file), 'utf8')).response.bodyJson.chart.result[0];
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: body.meta.exchangeTimezoneName });
  const q = body.indicators.quote[0];
  return {
    dates: body.timestamp.map((t: number) => fmt.format(new Date(t * 1000))),
    close: q.close,
    open: q.open,
    adjclose: body.indicators.adjclose[0].adjclose,
  };
}

const SERIES = `query($t: String!, $from: Date!, $to: Date!, $adjusted: Boolean!) {
  priceSeries(ticker: $t, from: $from, to: $to, adjusted: $adjusted) { barCount columns { dates open close } }
}`;

describe.skipIf(!available)('recorded split responses through the whole read path', () => {
  let yahoo: YahooServer;
  let h: Harness;
  beforeAll(async () => {
    yahoo = await startYahooServer();
    h = await createHarness({ databaseUrl: 'file::memory:', yahooUrl: yahoo.url });
  });
  afterAll(async () => {
    await h.close();
    await yahoo.close();
  });

  const load = async (t: string, from: string, to: string, adjusted: boolean) => {
    const r = await h.gql<{
      priceSeries: { barCount: number; columns: { dates: string[]; open: number[]; close: number[] } };
    }>(SERIES, { t, from, to, adjusted });
    expect(r.errors).toBeUndefined();
    return r.data!.priceSeries.columns;
  };

  it('AAPL around its 4:1 split and a dividend: raw is split-adjusted Yahoo OHLC, adjusted follows adjclose', async () => {
    const want = recorded('chart-AAPL-2020-08-31-to-2020-11-07.json');
    const raw = await load('AAPL', '2020-08-31', '2020-11-06', false);
    const adjusted = await load('AAPL', '2020-08-31', '2020-11-06', true);
    expect(raw.dates).toEqual(want.dates.filter((d) => d <= '2020-11-06'));
    expect(raw.dates[0]).toBe('2020-08-31'); // the split day, dated in New York
    raw.dates.forEach((d, i) => {
      const k = want.dates.indexOf(d);
      expect(raw.close[i]).toBe(want.close[k]);
      expect(adjusted.close[i]).toBe(want.adjclose[k]);
      expect(adjusted.open[i]).toBeCloseTo((want.open[k] * want.adjclose[k]) / want.close[k], 9);
    });
    // The split leaves no jump: the raw close on the split day is in post-split terms (~129, not ~500).
    expect(raw.close[0]).toBeLessThan(150);
  });

  it('NVDA over its 4:1 split: 252 bars, no jump across the split day', async () => {
    const want = recorded('historical-via-chart-NVDA-split-2021-02-01-to-2022-01-31.csv.json');
    const raw = await load('NVDA', '2021-02-01', '2022-01-31', false);
    expect(raw.dates).toEqual(want.dates);
    expect(raw.close).toEqual(want.close);
    const i = raw.dates.indexOf('2021-07-20');
    expect(i).toBeGreaterThan(0);
    expect(Math.abs(raw.close[i] / raw.close[i - 1] - 1)).toBeLessThan(0.1);
  });
});
