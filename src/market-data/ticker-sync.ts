import type { PriceStore } from './price-store.ts';
import type { CoverageRange, StoredAction, StoredBar } from './price-store.ts';
import type { Logger } from '../observability/logger.ts';
import { type DateRange, mergeRanges } from './coverage.ts';
import { newActions, requiresRefetch } from './adjust.ts';
import type { DailyBar, PriceProvider } from './types.ts';
import { validateBars } from './validate.ts';

export interface SyncDeps {
  repository: PriceStore;
  provider: PriceProvider;
  logger: Logger;
  /** Last date that may be recorded as covered (today's bar may still change). */
  coverableUntil: string;
  onValidation?: (ticker: string, counts: { dropped: number; repaired: number; merged: number }) => void;
}

/** What a sync leaves to store: the fetched rows, and the coverage to record once they are in. */
export interface PendingWrite {
  readonly ticker: string;
  readonly bars: readonly StoredBar[];
  readonly actions: readonly StoredAction[];
  readonly coverage: readonly CoverageRange[];
}

export interface SyncResult {
  /** Freshly fetched, validated bars over the fetched ranges. */
  bars: DailyBar[];
  /** True when stored history was rebuilt because of a new split or dividend. */
  rebuilt: boolean;
  /** Still to be written (the caller stores it, e.g. after answering); null when already stored. */
  write: PendingWrite | null;
}

async function fetchValidated(deps: SyncDeps, ticker: string, range: DateRange) {
  const series = await deps.provider.fetchDaily(ticker, range.from, range.to);
  const { bars, dropped, repaired, merged } = validateBars(series.bars);
  if (dropped + repaired + merged > 0) {
    deps.logger.warn(
      { ticker, from: range.from, to: range.to, dropped, repaired, merged },
      'provider rows cleaned',
    );
    deps.onValidation?.(ticker, { dropped, repaired, merged });
  }
  return { bars, actions: series.actions };
}

const toStored = (ticker: string, bars: readonly DailyBar[]): StoredBar[] => {
  const rows = new Array<StoredBar>(bars.length);
  for (let i = 0; i < bars.length; i++) {
    const b = bars[i];
    rows[i] = {
      ticker,
      date: b.date,
      open: b.open,
      high: b.high,
      low: b.low,
      close: b.close,
      adjClose: b.adjClose,
      volume: b.volume,
    };
  }
  return rows;
};

function coverageRows(
  ticker: string,
  ranges: readonly DateRange[],
  until: string,
  nowMs: number,
): CoverageRange[] {
  return ranges
    .map((r) => ({ ticker, from: r.from, to: r.to < until ? r.to : until, fetchedAtMs: nowMs }))
    .filter((r) => r.from <= r.to);
}

/**
 * Fetches the missing ranges of one ticker and returns them with the write that stores them and
 * records their coverage (the caller runs it). When the fetch reveals a split or dividend that
 * stored history predates, Yahoo has revised every earlier price: the ticker's store is rebuilt
 * from one full refetch before returning.
 */
export async function syncTicker(
  deps: SyncDeps,
  ticker: string,
  gaps: readonly DateRange[],
  stored: readonly CoverageRange[],
  nowMs: number,
): Promise<SyncResult> {
  const ranges = mergeRanges(gaps);
  const parts = await Promise.all(ranges.map((range) => fetchValidated(deps, ticker, range)));
  const bars = parts.flatMap((p) => p.bars);
  const actions = parts.flatMap((p) => p.actions);

  if (stored.length > 0 && actions.length > 0) {
    const storedFrom = stored.reduce((min, c) => (c.from < min ? c.from : min), stored[0].from);
    const known = await deps.repository.readActions([ticker]);
    const fresh = newActions(known, actions).filter((a) => a.date > storedFrom);
    if (requiresRefetch(fresh)) {
      const all = mergeRanges([...stored, ...ranges]);
      const full = { from: all[0].from, to: all.reduce((max, r) => (r.to > max ? r.to : max), all[0].to) };
      deps.logger.info(
        { ticker, actions: fresh, ...full },
        'new corporate action: rebuilding stored history',
      );
      const refetched = await fetchValidated(deps, ticker, full);
      await deps.repository.deleteTicker(ticker);
      await deps.repository.upsertBars(toStored(ticker, refetched.bars));
      await deps.repository.upsertActions(refetched.actions.map((a) => ({ ticker, ...a })));
      await deps.repository.addCoverage(coverageRows(ticker, [full], deps.coverableUntil, nowMs));
      return { bars: refetched.bars, rebuilt: true, write: null };
    }
  }

  const write: PendingWrite = {
    ticker,
    bars: toStored(ticker, bars),
    actions: actions.map((a) => ({ ticker, ...a })),
    coverage: coverageRows(ticker, ranges, deps.coverableUntil, nowMs),
  };
  return { bars, rebuilt: false, write };
}
