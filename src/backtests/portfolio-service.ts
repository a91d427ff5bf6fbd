import type { Repository, StoredRun } from '../db/repository.ts';
import { dateToUtcMs, utcMsToDate } from '../dates.ts';
import { runPortfolio } from '../engine/portfolio.ts';
import { NotFoundError } from '../errors.ts';
import { asInputError } from '../inputs/bad-input.ts';
import { sha256Of } from '../inputs/canonical-hash.ts';
import {
  type CanonicalPortfolio,
  canonicalPortfolio,
  type PortfolioRequestInput,
  type ValidatedPortfolio,
} from '../inputs/portfolio.ts';
import type { SeriesLimits } from '../inputs/series.ts';
import type { SavedStrategies } from '../inputs/strategy-ref.ts';
import type { PriceSeries, SeriesKey } from '../market-data/series.ts';
import { benchmarkOf } from './benchmark.ts';
import {
  type BacktestRun,
  type EquityPoint,
  finiteOrNull,
  type PublicStats,
  toEquityCurve,
  toPublicStats,
} from './result.ts';
import { loadSeries, type SeriesLoader } from './series-input.ts';
import { type DataReport, dataReport } from './warnings.ts';

export interface PortfolioHolding {
  ticker: string;
  weight: number;
  finalValue: number;
  pnl: number;
  returnPct: number | null;
  trades: number;
  stats: PublicStats | null;
}

/** A persisted portfolio run as clients see it. */
/** A stored run; `stale`, `source` and `warnings` describe the data when it was computed. */
export interface PortfolioRun extends DataReport {
  id: string;
  createdAt: string;
  input: CanonicalPortfolio;
  stats: PublicStats;
  equityCurve: EquityPoint[];
  holdings: PortfolioHolding[];
  benchmark: BacktestRun['benchmark'];
}

type StoredResult = Pick<PortfolioRun, 'stats' | 'equityCurve' | 'holdings' | 'benchmark'> &
  Partial<DataReport>;

const fromStored = (run: StoredRun): PortfolioRun => ({
  id: run.id,
  createdAt: run.createdAt,
  input: run.request as CanonicalPortfolio,
  stale: false,
  source: 'DATABASE',
  warnings: [],
  ...(run.result as StoredResult),
});

function simulate(
  { request, definition }: ValidatedPortfolio,
  series: PriceSeries[],
  benchmark: PriceSeries | undefined,
): StoredResult {
  const toSeries = (s: PriceSeries) => ({
    ticker: s.ticker,
    time: Float64Array.from(s.columns.dates, dateToUtcMs),
    open: Float64Array.from(s.columns.open),
    high: Float64Array.from(s.columns.high),
    low: Float64Array.from(s.columns.low),
    close: Float64Array.from(s.columns.close),
    volume: Float64Array.from(s.columns.volume),
  });
  const result = runPortfolio({
    series: series.map(toSeries),
    weights: request.holdings.map((h) => h.weight),
    cash: request.cash,
    commissionRate: request.commission,
    rebalance: request.rebalance,
    strategy:
      request.strategy === null || definition === null
        ? undefined
        : { definition, params: request.strategy.params },
  });
  const dates = Array.from(result.time, utcMsToDate);
  return {
    stats: toPublicStats(result.stats),
    equityCurve: toEquityCurve(dates, result.equity, result.drawdownPct),
    holdings: result.holdings.map((h) => ({
      ticker: h.ticker,
      weight: h.weight,
      finalValue: h.finalValue,
      pnl: h.pnl,
      returnPct: finiteOrNull(h.returnPct),
      trades: h.trades,
      stats: h.stats === null ? null : toPublicStats(h.stats),
    })),
    benchmark: benchmark === undefined ? null : benchmarkOf(dates, result.equity, benchmark),
  };
}

/**
 * Portfolio runs are persisted: the SHA-256 of the canonical request is the idempotency key,
 * so an identical mutation returns the stored run, and runs survive restarts.
 */
export function createPortfolioService(deps: {
  repository: Repository;
  limits: SeriesLimits;
  saved: SavedStrategies;
  now: () => number;
}) {
  return {
    /** `signal`: aborted (the deadline, the client gone), nothing is simulated or stored. */
    async run(
      input: PortfolioRequestInput,
      loader: SeriesLoader,
      signal?: AbortSignal,
    ): Promise<PortfolioRun> {
      const validated = await canonicalPortfolio(input, deps.limits, deps.saved);
      const { request } = validated;
      const requestHash = sha256Of(request);
      const existing = await deps.repository.findRunByHash(requestHash);
      if (existing !== null) return fromStored(existing);

      const key = (ticker: string): SeriesKey => ({
        ticker,
        from: request.from,
        to: request.to,
        adjusted: request.adjusted,
      });
      const keys = request.holdings.map((h) => key(h.ticker));
      if (request.benchmark !== null) keys.push(key(request.benchmark));
      const loaded = await loadSeries(loader, keys);
      const series = loaded.slice(0, request.holdings.length);
      const benchmark = request.benchmark === null ? undefined : loaded.at(-1);
      signal?.throwIfAborted();
      let result: StoredResult;
      try {
        result = { ...simulate(validated, series, benchmark), ...dataReport(loaded, deps.now()) };
      } catch (error) {
        throw asInputError(error);
      }
      const stored = await deps.repository.saveRun({
        id: crypto.randomUUID(),
        requestHash,
        request,
        result,
        createdAt: new Date(deps.now()).toISOString(),
      });
      return fromStored(stored);
    },

    async get(id: string): Promise<PortfolioRun | null> {
      if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
      const run = await deps.repository.loadRun(id);
      return run === null ? null : fromStored(run);
    },

    /** Newest first; `after` is the id of the last run of the previous page. */
    async list(first: number, after: string | null): Promise<PortfolioRun[]> {
      if (after !== null && (await deps.repository.loadRun(after)) === null) {
        throw new NotFoundError(`No portfolio run ${after}`, 'after');
      }
      const runs = await deps.repository.listRuns({ limit: first, beforeId: after ?? undefined });
      return runs.map(fromStored);
    },
  };
}

export type PortfolioService = ReturnType<typeof createPortfolioService>;
