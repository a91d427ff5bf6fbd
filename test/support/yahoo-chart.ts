/**
 * Yahoo v8 chart bodies for the test server: a source of rows (recorded or generated) cut to
 * [period1, period2) and shaped like Yahoo's JSON, including its empty and 404 forms.
 */

export interface ChartRow {
  /** Epoch seconds, as Yahoo's `timestamp`. */
  t: number;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number | null;
  volume: number | null;
  adjclose: number | null;
}

export interface ChartSplit {
  t: number;
  numerator: number;
  denominator: number;
}

export interface ChartDividend {
  t: number;
  amount: number;
}

/** What a body is built from; `rows` sorted by `t`. */
export interface ChartSource {
  meta: Record<string, unknown>;
  rows: ChartRow[];
  splits: ChartSplit[];
  dividends: ChartDividend[];
}

export const NOT_FOUND_BODY = {
  chart: { result: null, error: { code: 'Not Found', description: 'No data found, symbol may be delisted' } },
};

/** Yahoo's meta block with the fields yahoo-finance2's schema requires. */
export function chartMeta(
  symbol: string,
  timeZone: string,
  currency: string,
  lastT: number,
  lastClose: number,
) {
  const period = { timezone: timeZone, start: lastT, end: lastT + 23_400, gmtoffset: 0 };
  return {
    currency,
    symbol,
    exchangeName: 'NMS',
    fullExchangeName: 'Test Exchange',
    instrumentType: 'EQUITY',
    firstTradeDate: null,
    regularMarketTime: lastT,
    hasPrePostMarketData: false,
    gmtoffset: 0,
    timezone: timeZone,
    exchangeTimezoneName: timeZone,
    regularMarketPrice: lastClose,
    priceHint: 2,
    currentTradingPeriod: { pre: period, regular: period, post: period },
    dataGranularity: '1d',
    range: '',
    validRanges: ['1d', '5d', '1mo', '3mo', '6mo', '1y', '2y', '5y', '10y', 'ytd', 'max'],
  };
}

/** The 200 body for [period1, period2), with the events asked for (`div`, `split`). */
export function chartBody(source: ChartSource, period1: number, period2: number, events: string) {
  const within = (t: number): boolean => t >= period1 && t < period2;
  const rows = source.rows.filter((row) => within(row.t));
  const result: Record<string, unknown> = { meta: source.meta };
  const eventBlock: Record<string, unknown> = {};
  if (events.includes('div')) {
    const dividends = source.dividends.filter((d) => within(d.t));
    if (dividends.length > 0) {
      eventBlock.dividends = Object.fromEntries(
        dividends.map((d) => [String(d.t), { amount: d.amount, date: d.t }]),
      );
    }
  }
  if (events.includes('split')) {
    const splits = source.splits.filter((s) => within(s.t));
    if (splits.length > 0) {
      eventBlock.splits = Object.fromEntries(
        splits.map((s) => [
          String(s.t),
          {
            date: s.t,
            numerator: s.numerator,
            denominator: s.denominator,
            splitRatio: `${s.numerator}:${s.denominator}`,
          },
        ]),
      );
    }
  }
  if (rows.length === 0) {
    result.indicators = { quote: [{}], adjclose: [{}] };
  } else {
    result.timestamp = rows.map((r) => r.t);
    if (Object.keys(eventBlock).length > 0) result.events = eventBlock;
    result.indicators = {
      quote: [
        {
          open: rows.map((r) => r.open),
          high: rows.map((r) => r.high),
          low: rows.map((r) => r.low),
          close: rows.map((r) => r.close),
          volume: rows.map((r) => r.volume),
        },
      ],
      adjclose: [{ adjclose: rows.map((r) => r.adjclose) }],
    };
  }
  return { chart: { result: [result], error: null } };
}

type Column = Array<number | null>;

interface RecordedResult {
  meta: Record<string, unknown> & { symbol: string };
  timestamp: number[];
  events?: {
    splits?: Record<string, { date: number; numerator: number; denominator: number }>;
    dividends?: Record<string, { date: number; amount: number }>;
  };
  indicators: {
    quote: Array<Record<'open' | 'high' | 'low' | 'close' | 'volume', Column>>;
    adjclose?: Array<{ adjclose: Column }>;
  };
}

interface RecordedFile {
  response: { status: number; bodyJson: { chart: { result: RecordedResult[] | null } } };
}

/** Merges recorded chart responses (several files may hold the same symbol) into sources. */
export function recordedSources(files: unknown[]): Map<string, ChartSource> {
  const sources = new Map<string, ChartSource>();
  for (const file of files as RecordedFile[]) {
    const result = file.response?.bodyJson?.chart?.result?.[0];
    if (file.response?.status !== 200 || !result) continue;
    const symbol = String(result.meta.symbol).toUpperCase();
    const source: ChartSource = sources.get(symbol) ?? {
      meta: result.meta,
      rows: [],
      splits: [],
      dividends: [],
    };
    const quote = result.indicators.quote[0];
    const adj = result.indicators.adjclose?.[0]?.adjclose;
    const byT = new Map(source.rows.map((row) => [row.t, row]));
    (result.timestamp as number[]).forEach((t, i) => {
      byT.set(t, {
        t,
        open: quote.open[i],
        high: quote.high[i],
        low: quote.low[i],
        close: quote.close[i],
        volume: quote.volume[i],
        adjclose: adj ? adj[i] : quote.close[i],
      });
    });
    source.rows = [...byT.values()].sort((a, b) => a.t - b.t);
    for (const s of Object.values(result.events?.splits ?? {})) {
      if (!source.splits.some((x) => x.t === s.date))
        source.splits.push({ t: s.date, numerator: s.numerator, denominator: s.denominator });
    }
    for (const d of Object.values(result.events?.dividends ?? {})) {
      if (!source.dividends.some((x) => x.t === d.date))
        source.dividends.push({ t: d.date, amount: d.amount });
    }
    sources.set(symbol, source);
  }
  return sources;
}
