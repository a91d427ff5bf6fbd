import { sharedDataDir } from './shared-data.ts';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type ChartSource, chartBody, NOT_FOUND_BODY, recordedSources } from './yahoo-chart.ts';
import { generatedSource, type SeriesSpec } from './yahoo-series.ts';

/**
 * A local server speaking Yahoo's v8 chart endpoint for tests: point the Yahoo provider's
 * `baseUrl` (YAHOO_BASE_URL) at `url`.
 *
 * Data: recorded responses from the reference data's `yahoo/` folder for their symbols
 * (AAPL, MSFT, NVDA, BTC-USD), a generated series (see SeriesSpec) for any other ticker or one
 * given to `addSeries`, and Yahoo's 404 for tickers starting with UNKNOWN or DELISTED (or `unknown`).
 * Rows are cut to [period1, period2). It also answers the cookie and crumb endpoints.
 */

export const RECORDED_DIR = join(sharedDataDir, 'yahoo');

export interface YahooFault {
  /** Delay before every answer. */
  latencyMs?: number;
  /** Answer this status (429, 500, 503…) … */
  status?: number;
  /** … or never answer until the server closes … */
  hang?: boolean;
  /** … or answer 200 with a body that is not JSON … */
  malformed?: boolean;
  /** … or answer Yahoo's 404 … */
  notFound?: boolean;
  /** … or answer 200 with this JSON body (e.g. one that fails the library's schema) … */
  body?: unknown;
  /** … for the next N chart requests (default: all of them). Latency stays after that. */
  times?: number;
}

export interface RecordedRequest {
  ticker: string;
  period1: number;
  period2: number;
  /** UTC dates of period1 and period2. */
  period1Date: string;
  period2Date: string;
  interval: string | null;
  events: string | null;
  status: number | 'hang';
}

export interface YahooServerOptions {
  /** Recorded responses folder; null serves generated data only. */
  recordedDir?: string | null;
  unknown?: (ticker: string) => boolean;
}

export interface YahooServer {
  url: string;
  requests: RecordedRequest[];
  /** Chart requests for a ticker so far. */
  countFor(ticker: string): number;
  readonly inFlight: number;
  readonly maxInFlight: number;
  /** Whether recorded data exists for a symbol (false when ../shared/data is absent). */
  hasRecorded(ticker: string): boolean;
  setFault(ticker: string | '*', fault: YahooFault | null): void;
  /** Serves a generated series with this spec for the ticker (replacing recorded data). */
  addSeries(ticker: string, spec: SeriesSpec): void;
  /**
   * Builds now the bodies of these tickers' charts for exactly this range, and answers such
   * requests with them (faults still apply): benchmarks then time the client, not this server.
   */
  prepareBodies(tickers: readonly string[], period1: number, period2: number, events: string): void;
  /** Forgets requests, faults, added series and the in-flight maximum. */
  reset(): void;
  close(): Promise<void>;
}

type FaultMode = 'status' | 'hang' | 'malformed' | 'notFound' | 'body';

const utcDate = (seconds: number): string => new Date(seconds * 1000).toISOString().slice(0, 10);

function loadRecorded(dir: string | null): Map<string, ChartSource> {
  if (dir === null || !existsSync(dir)) return new Map();
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')));
  return recordedSources(files);
}

export async function startYahooServer(options: YahooServerOptions = {}): Promise<YahooServer> {
  const recorded = loadRecorded(options.recordedDir === undefined ? RECORDED_DIR : options.recordedDir);
  const unknown = options.unknown ?? ((ticker: string) => /^(UNKNOWN|DELISTED)/.test(ticker));
  const specs = new Map<string, SeriesSpec>();
  const generated = new Map<string, ChartSource>();
  const prepared = new Map<string, string>();
  const bodyKey = (ticker: string, period1: number, period2: number, events: string) =>
    `${ticker}|${period1}|${period2}|${events}`;
  const faults = new Map<string, YahooFault>();
  const timers = new Set<NodeJS.Timeout>();
  const requests: RecordedRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;

  function sourceFor(ticker: string): ChartSource {
    const spec = specs.get(ticker);
    if (spec === undefined && recorded.has(ticker)) return recorded.get(ticker)!;
    let source = generated.get(ticker);
    if (source === undefined) {
      source = generatedSource(ticker, spec);
      generated.set(ticker, source);
    }
    return source;
  }

  /** The fault that applies to this request, consuming one of its `times`. */
  function takeFault(ticker: string): {
    latencyMs: number;
    mode: FaultMode | null;
    status: number;
    body?: unknown;
  } {
    const key = faults.has(ticker) ? ticker : '*';
    const fault = faults.get(key);
    if (fault === undefined) return { latencyMs: 0, mode: null, status: 200 };
    const mode: FaultMode | null = fault.hang
      ? 'hang'
      : fault.malformed
        ? 'malformed'
        : fault.notFound
          ? 'notFound'
          : fault.body !== undefined
            ? 'body'
            : fault.status
              ? 'status'
              : null;
    if (mode !== null && fault.times !== undefined) {
      fault.times -= 1;
      if (fault.times <= 0) faults.set(key, { latencyMs: fault.latencyMs });
    }
    return { latencyMs: fault.latencyMs ?? 0, mode, status: fault.status ?? 200, body: fault.body };
  }

  function send(
    res: ServerResponse,
    status: number,
    body: string,
    type = 'application/json;charset=utf-8',
  ): void {
    if (res.destroyed) return;
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  }

  async function answerChart(res: ServerResponse, url: URL): Promise<void> {
    const ticker = decodeURIComponent(url.pathname.split('/').pop() ?? '').toUpperCase();
    const period1 = Number(url.searchParams.get('period1') ?? 0);
    const period2 = Number(url.searchParams.get('period2') ?? Math.floor(Date.now() / 1000));
    const record: RecordedRequest = {
      ticker,
      period1,
      period2,
      period1Date: utcDate(period1),
      period2Date: utcDate(period2),
      interval: url.searchParams.get('interval'),
      events: url.searchParams.get('events'),
      status: 200,
    };
    requests.push(record);
    const fault = takeFault(ticker);
    if (fault.latencyMs > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve();
        }, fault.latencyMs);
        timers.add(timer);
      });
    }
    if (fault.mode === 'hang') {
      record.status = 'hang';
      return;
    }
    if (fault.mode === 'status') {
      record.status = fault.status;
      return send(
        res,
        fault.status,
        fault.status === 429 ? 'Too Many Requests' : 'Internal Server Error',
        'text/plain',
      );
    }
    if (fault.mode === 'body') return send(res, 200, JSON.stringify(fault.body));
    if (fault.mode === 'malformed') return send(res, 200, '{"chart":{"result":[{"meta":{"currency":"USD",');
    if (fault.mode === 'notFound' || unknown(ticker)) {
      record.status = 404;
      return send(res, 404, JSON.stringify(NOT_FOUND_BODY));
    }
    const events = url.searchParams.get('events') ?? '';
    const ready = prepared.get(bodyKey(ticker, period1, period2, events));
    send(res, 200, ready ?? JSON.stringify(chartBody(sourceFor(ticker), period1, period2, events)));
  }

  const server = createServer((req, res) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => {
      inFlight -= 1;
    });
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/v8/finance/chart/')) {
      answerChart(res, url).catch((error: unknown) => send(res, 500, String(error), 'text/plain'));
    } else if (url.pathname === '/v1/test/getcrumb') {
      send(res, 200, 'test-crumb', 'text/plain');
    } else {
      // fc.yahoo.com, finance.yahoo.com/quote/…: hand out a cookie, as Yahoo does.
      res.setHeader('set-cookie', 'A3=d=test&S=test; Max-Age=31536000; Path=/; SameSite=None');
      send(res, 200, '<html></html>', 'text/html');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    countFor: (ticker) => requests.filter((r) => r.ticker === ticker.toUpperCase()).length,
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    hasRecorded: (ticker) => recorded.has(ticker.toUpperCase()),
    setFault(ticker, fault) {
      const key = ticker === '*' ? '*' : ticker.toUpperCase();
      if (fault === null) faults.delete(key);
      else faults.set(key, { ...fault });
    },
    addSeries(ticker, spec) {
      specs.set(ticker.toUpperCase(), spec);
      generated.delete(ticker.toUpperCase());
      for (const key of prepared.keys()) if (key.startsWith(`${ticker.toUpperCase()}|`)) prepared.delete(key);
    },
    prepareBodies(tickers, period1, period2, events) {
      for (const t of tickers) {
        const ticker = t.toUpperCase();
        const body = JSON.stringify(chartBody(sourceFor(ticker), period1, period2, events));
        prepared.set(bodyKey(ticker, period1, period2, events), body);
      }
    },
    reset() {
      requests.length = 0;
      faults.clear();
      specs.clear();
      generated.clear();
      prepared.clear();
      maxInFlight = inFlight;
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
